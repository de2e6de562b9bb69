using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace Ordering.Sdk.Payments.Tests.Resilience;

public sealed class ChannelCircuitBreakerTests
{
    private static readonly ChannelPolicy Policy = new()
    {
        BreakerFailureRatio = 0.5,
        BreakerMinimumThroughput = 8,
        BreakerSamplingDuration = TimeSpan.FromSeconds(30),
        BreakerBreakDuration = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public void LunchPeakBurst_FastFailuresAnsweredFirst_StaysClosed()
    {
        // 120 charges leave in the same second; the 11 the gateway refuses answer before any of the 109 it accepts.
        // Judged on completed calls that is "11 of 11 failed"; judged on calls sent it is 11 of 120.
        var (breaker, _) = Create();
        var tickets = AdmitMany(breaker, 120);

        foreach (var ticket in tickets.Take(11))
        {
            breaker.Complete(ticket, BreakerVerdict.Unhealthy);
        }

        Assert.False(breaker.IsRefusing);
        foreach (var ticket in tickets.Skip(11))
        {
            breaker.Complete(ticket, BreakerVerdict.Healthy);
        }

        Assert.Equal(ChannelCircuitState.Closed, breaker.State);
    }

    [Fact]
    public async Task ChargePipeline_BurstWithFastFailures_KeepsTheChannelOpenForTheNextDiner()
    {
        // The same burst through the real pipeline: slow successes still in flight while the failures come back.
        var time = new FakeTimeProvider();
        var pipelines = ChannelPipelines.Create(Policy, time, new Random(1));
        var gateway = new TaskCompletionSource<ChannelResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = Enumerable.Range(0, 100).Select(_ => pipelines.Charge.ExecuteAsync(async _ => await gateway.Task).AsTask()).ToArray();
        for (var i = 0; i < 12; i++)
        {
            await pipelines.Charge.ExecuteAsync(_ => ValueTask.FromResult(ChannelResult.Unknown(new ChannelError(FailureCause.GatewayUnavailable, "SYSTEMERROR", "系统错误"))));
        }

        Assert.False(pipelines.IsCircuitOpen);
        var next = await pipelines.Charge.ExecuteAsync(_ => ValueTask.FromResult(ChannelResult.Success(Money.Fen(100))));
        Assert.Equal(ChannelOutcome.Succeeded, next.Outcome);

        gateway.SetResult(ChannelResult.Success(Money.Fen(100)));
        await Task.WhenAll(slow);
        Assert.False(pipelines.IsCircuitOpen);
    }

    [Fact]
    public void DeadGateway_OpensOnceHalfTheCallsSentHaveFailed()
    {
        var (breaker, _) = Create();
        var tickets = AdmitMany(breaker, 20);

        for (var i = 0; i < 9; i++)
        {
            breaker.Complete(tickets[i], BreakerVerdict.Unhealthy);
        }

        Assert.Equal(ChannelCircuitState.Closed, breaker.State);
        breaker.Complete(tickets[9], BreakerVerdict.Unhealthy);

        Assert.Equal(ChannelCircuitState.Open, breaker.State);
        Assert.True(breaker.IsRefusing);
        Assert.False(breaker.TryAdmit(out _, out var retryAfter));
        Assert.Equal(Policy.BreakerBreakDuration, retryAfter);
    }

    [Fact]
    public void FewerCallsThanTheMinimumThroughput_NeverOpen()
    {
        var (breaker, _) = Create();

        FailMany(breaker, Policy.BreakerMinimumThroughput - 1);

        Assert.Equal(ChannelCircuitState.Closed, breaker.State);
    }

    [Fact]
    public void AfterTheBreak_OneProbeGoes_AndItsAnswerClosesOrReopens()
    {
        var (breaker, time) = Create();
        FailMany(breaker, 8);

        time.Advance(Policy.BreakerBreakDuration);
        Assert.Equal(ChannelCircuitState.HalfOpen, breaker.State);
        Assert.False(breaker.IsRefusing);
        Assert.True(breaker.TryAdmit(out var probe, out _));
        Assert.True(probe.IsProbe);
        Assert.True(breaker.IsRefusing);
        Assert.False(breaker.TryAdmit(out _, out _));

        breaker.Complete(probe, BreakerVerdict.Unhealthy);
        Assert.Equal(ChannelCircuitState.Open, breaker.State);

        time.Advance(Policy.BreakerBreakDuration);
        Assert.True(breaker.TryAdmit(out probe, out _));
        breaker.Complete(probe, BreakerVerdict.Healthy);
        Assert.Equal(ChannelCircuitState.Closed, breaker.State);

        // Closing starts a fresh window: the failures before the outage do not count against the next calls.
        var after = AdmitMany(breaker, 8);
        breaker.Complete(after[0], BreakerVerdict.Unhealthy);
        Assert.Equal(ChannelCircuitState.Closed, breaker.State);
    }

    [Fact]
    public void CancelledProbe_LetsTheNextCallProbe()
    {
        var (breaker, time) = Create();
        FailMany(breaker, 8);

        time.Advance(Policy.BreakerBreakDuration);
        Assert.True(breaker.TryAdmit(out var probe, out _));
        breaker.Complete(probe, BreakerVerdict.NoEvidence);

        Assert.Equal(ChannelCircuitState.HalfOpen, breaker.State);
        Assert.True(breaker.TryAdmit(out var second, out _));
        Assert.True(second.IsProbe);
    }

    [Fact]
    public void FailuresOlderThanTheSamplingWindow_AreForgotten()
    {
        var (breaker, time) = Create();
        FailMany(breaker, 7);

        time.Advance(Policy.BreakerSamplingDuration);
        var late = AdmitMany(breaker, 1);
        breaker.Complete(late[0], BreakerVerdict.Unhealthy);

        Assert.Equal(ChannelCircuitState.Closed, breaker.State);
    }

    [Fact]
    public void CancelledCalls_LeaveTheDenominator()
    {
        var (breaker, _) = Create();
        var tickets = AdmitMany(breaker, 16);
        for (var i = 0; i < 8; i++)
        {
            breaker.Complete(tickets[i], BreakerVerdict.NoEvidence);
        }

        for (var i = 8; i < 11; i++)
        {
            breaker.Complete(tickets[i], BreakerVerdict.Unhealthy);
        }

        Assert.Equal(ChannelCircuitState.Closed, breaker.State);
        breaker.Complete(tickets[11], BreakerVerdict.Unhealthy);

        // 4 failed of the 8 calls that were not cancelled.
        Assert.Equal(ChannelCircuitState.Open, breaker.State);
    }

    [Fact]
    public void AFailureWhoseBucketLeftTheWindow_StillCounts()
    {
        var (breaker, time) = Create();
        var old = AdmitMany(breaker, 1)[0];
        time.Advance(TimeSpan.FromSeconds(40));
        FailMany(breaker, 7);

        Assert.Equal(ChannelCircuitState.Closed, breaker.State);
        breaker.Complete(old, BreakerVerdict.Unhealthy);

        Assert.Equal(ChannelCircuitState.Open, breaker.State);
    }

    [Fact]
    public async Task RefusedCall_IsNotSentAndFailsWithBrokenCircuit()
    {
        var pipelines = ChannelPipelines.Create(Policy, new FakeTimeProvider(), new Random(1));
        for (var i = 0; i < 8; i++)
        {
            await pipelines.Charge.ExecuteAsync(_ => ValueTask.FromResult(ChannelResult.Unknown(new ChannelError(FailureCause.Network, "TIMEOUT", "no answer"))));
        }

        var sent = false;
        var refused = await Assert.ThrowsAsync<BrokenCircuitException>(async () => await pipelines.Charge.ExecuteAsync(_ =>
        {
            sent = true;
            return ValueTask.FromResult(ChannelResult.Success(Money.Fen(1)));
        }));

        Assert.False(sent);
        Assert.Equal(Policy.BreakerBreakDuration, refused.RetryAfter);
    }

    [Property(MaxTest = 300)]
    public Property RandomTraffic_OpensExactlyWhenHalfTheCallsSentInTheWindowFailed()
    {
        // Any interleaving of sends, answers (healthy, unhealthy, cancelled, in any order) and clock steps, checked
        // against a reference model that keeps every call in a plain list and recounts the window from scratch.
        // Each script has its own share of failing answers (0–100 %), so healthy, flapping and dead gateways all occur.
        var scripts =
            from failurePercent in Gen.Choose(0, 100)
            from breakSeconds in Gen.Elements(2, 30)
            from steps in Gen.ArrayOf(Gen.Choose(0, 99), 200)
            select (failurePercent, breakSeconds, steps);
        return Prop.ForAll(scripts.ToArbitrary(), input =>
        {
            var (failurePercent, breakSeconds, script) = input;
            var policy = new ChannelPolicy { BreakerBreakDuration = TimeSpan.FromSeconds(breakSeconds) };
            var opened = 0;
            var (breaker, time) = Create(policy);
            var model = new ReferenceBreaker(policy);
            var inFlight = new List<(BreakerTicket Ticket, ReferenceBreaker.Call Call)>();
            foreach (var step in script)
            {
                var now = time.GetUtcNow();
                if (step < 45)
                {
                    var admitted = breaker.TryAdmit(out var ticket, out _);
                    var expected = model.TryAdmit(now, out var call);
                    if (admitted != expected)
                    {
                        return false.Label($"step {step}: breaker admitted {admitted}, reference {expected}");
                    }

                    if (admitted)
                    {
                        inFlight.Add((ticket, call!));
                    }
                }
                else if (step < 90 && inFlight.Count > 0)
                {
                    var index = step % inFlight.Count;
                    var (ticket, call) = inFlight[index];
                    inFlight.RemoveAt(index);
                    var roll = (step * 37) % 100;
                    var verdict = roll < failurePercent ? BreakerVerdict.Unhealthy : roll % 7 == 0 ? BreakerVerdict.NoEvidence : BreakerVerdict.Healthy;
                    breaker.Complete(ticket, verdict);
                    model.Complete(now, call, verdict);
                }
                else
                {
                    time.Advance(TimeSpan.FromSeconds(step % 12));
                }

                if (breaker.State != model.State(time.GetUtcNow()))
                {
                    return false.Label($"after step {step}: breaker {breaker.State}, reference {model.State(time.GetUtcNow())}");
                }

                opened += breaker.State == ChannelCircuitState.Open ? 1 : 0;
            }

            return true.Classify(opened > 0, "opened at least once");
        });
    }

    private static (ChannelCircuitBreaker Breaker, FakeTimeProvider Time) Create(ChannelPolicy? policy = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        return (new ChannelCircuitBreaker(policy ?? Policy, time), time);
    }

    private static void FailMany(ChannelCircuitBreaker breaker, int count)
    {
        foreach (var ticket in AdmitMany(breaker, count))
        {
            breaker.Complete(ticket, BreakerVerdict.Unhealthy);
        }
    }

    private static BreakerTicket[] AdmitMany(ChannelCircuitBreaker breaker, int count)
    {
        var tickets = new BreakerTicket[count];
        for (var i = 0; i < count; i++)
        {
            Assert.True(breaker.TryAdmit(out tickets[i], out _));
        }

        return tickets;
    }

    // The breaker's rule written the slow, obvious way: every call since the circuit last changed state, in a list.
    private sealed class ReferenceBreaker(ChannelPolicy policy)
    {
        private readonly List<Call> _calls = [];
        private readonly long _bucketTicks = policy.BreakerSamplingDuration.Ticks / 10;
        private ChannelCircuitState _state;
        private DateTimeOffset _openUntil;
        private bool _probeOut;
        private int _generation;

        public ChannelCircuitState State(DateTimeOffset now) =>
            _state == ChannelCircuitState.Open && now >= _openUntil ? ChannelCircuitState.HalfOpen : _state;

        public bool TryAdmit(DateTimeOffset now, out Call? call)
        {
            call = null;
            var state = State(now);
            if (state == ChannelCircuitState.Open || (state == ChannelCircuitState.HalfOpen && _probeOut))
            {
                return false;
            }

            if (state == ChannelCircuitState.HalfOpen)
            {
                _state = ChannelCircuitState.HalfOpen;
                _probeOut = true;
                call = new Call(Bucket(now), isProbe: true, generation: -1);
                return true;
            }

            call = new Call(Bucket(now), isProbe: false, generation: _generation);
            _calls.Add(call);
            return true;
        }

        public void Complete(DateTimeOffset now, Call call, BreakerVerdict verdict)
        {
            if (call.IsProbe)
            {
                _probeOut = false;
                if (verdict == BreakerVerdict.Unhealthy)
                {
                    Open(now);
                }
                else if (verdict == BreakerVerdict.Healthy)
                {
                    _state = ChannelCircuitState.Closed;
                    Reset();
                }

                return;
            }

            if (_state != ChannelCircuitState.Closed || call.Generation != _generation)
            {
                return;
            }

            var inWindow = call.Bucket > Bucket(now) - 10;
            if (verdict == BreakerVerdict.NoEvidence)
            {
                if (inWindow)
                {
                    _calls.Remove(call);
                }

                return;
            }

            if (verdict != BreakerVerdict.Unhealthy)
            {
                return;
            }

            if (inWindow)
            {
                call.Failed = true;
            }
            else
            {
                _calls.Add(new Call(Bucket(now), isProbe: false, generation: _generation) { Failed = true });
            }

            var window = _calls.Where(c => c.Bucket > Bucket(now) - 10 && c.Bucket <= Bucket(now)).ToList();
            if (window.Count >= policy.BreakerMinimumThroughput && window.Count(c => c.Failed) >= policy.BreakerFailureRatio * window.Count)
            {
                Open(now);
            }
        }

        private long Bucket(DateTimeOffset now) => now.UtcTicks / _bucketTicks;

        private void Open(DateTimeOffset now)
        {
            _state = ChannelCircuitState.Open;
            _openUntil = now + policy.BreakerBreakDuration;
            Reset();
        }

        private void Reset()
        {
            _calls.Clear();
            _generation++;
        }

        // A class, not a record: two calls sent in the same bucket are still two calls.
        public sealed class Call(long bucket, bool isProbe, int generation)
        {
            public long Bucket { get; } = bucket;

            public bool IsProbe { get; } = isProbe;

            public int Generation { get; } = generation;

            public bool Failed { get; set; }
        }
    }
}
