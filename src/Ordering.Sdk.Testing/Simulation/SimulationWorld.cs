using System.Globalization;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Testing;

// One seed's world: a fake clock, fake WeChat and Alipay with faults drawn for the seed, cash, stored value,
// a journal that crashes the engine at chosen steps, and a few orders paid at the till. A safety phase with
// faults is followed by a liveness phase where faults heal; then the invariants are checked.
internal sealed class SimulationWorld
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private const int SafetyTicks = 180;
    private const int LivenessTicks = 900;

    private readonly ulong _seed;
    private readonly Random _random;
    private readonly SimulationClock _time = new(new DateTimeOffset(2026, 1, 1, 11, 30, 0, TimeSpan.Zero));
    private readonly InMemoryPaymentJournal _durable = new();
    private readonly CrashingJournal _journal;
    private readonly FakePaymentChannel _wechat;
    private readonly FakePaymentChannel _alipay;
    private readonly CashChannel _cash = new();
    private readonly StoredValueLedger _ledger = new();
    private readonly StoredValueChannel _storedValue;
    private readonly FakeChannelFaults _faults;
    private readonly List<SagaDriver> _sagas = [];
    private readonly Dictionary<string, long> _memberTopUps = new(StringComparer.Ordinal);
    private readonly List<PaymentNotification> _undelivered = [];
    private readonly TextWriter? _trace;
    private IPaymentEngine _engine;
    private int _restarts;

    public SimulationWorld(ulong seed, TextWriter? trace)
    {
        _seed = seed;
        _trace = trace;
        _random = new Random(unchecked((int)(seed ^ (seed >> 32) ^ 0x5DEECE66DUL)));
        _faults = new FakeChannelFaults
        {
            CallFaultRate = _random.NextDouble() * 0.3,
            NotificationLossRate = _random.NextDouble() * 0.3,
            NotificationDuplicateRate = _random.NextDouble() * 0.5,
            MaxNotificationDelay = TimeSpan.FromSeconds(_random.Next(0, 30)),
            RefundProcessingRate = _random.NextDouble() * 0.5,
        };
        _wechat = new FakePaymentChannel(PaymentChannelId.WeChatPay, _time, new Random(_random.Next())) { Faults = _faults, CustomerModel = Customer };
        _alipay = new FakePaymentChannel(PaymentChannelId.Alipay, _time, new Random(_random.Next())) { Faults = _faults, CustomerModel = Customer };
        _storedValue = new StoredValueChannel(_ledger);
        var crashSteps = new HashSet<long>();
        for (var i = _random.Next(0, 4); i > 0; i--)
        {
            crashSteps.Add(_random.Next(1, 60));
        }

        _journal = new CrashingJournal(_durable, crashSteps, new Random(_random.Next()));
        _engine = Build();
        var orders = _random.Next(1, 9);
        for (var i = 0; i < orders; i++)
        {
            _sagas.Add(NewSaga(string.Create(CultureInfo.InvariantCulture, $"O{i}")));
        }

        if (_trace is not null)
        {
            Trace($"faults call={_faults.CallFaultRate:F3} notifyLoss={_faults.NotificationLossRate:F3} dup={_faults.NotificationDuplicateRate:F3} delay={_faults.MaxNotificationDelay.TotalSeconds}s refundProcessing={_faults.RefundProcessingRate:F3} crashes at [{string.Join(',', crashSteps)}] orders={orders}");
        }
    }

    public int Sagas => _sagas.Count;

    public int Restarts => _restarts;

    public List<string> Run()
    {
        var violations = new List<string>();
        try
        {
            for (var t = 0; t < SafetyTicks; t++)
            {
                Tick1(violations);
            }

            // Liveness: faults heal and crashes stop; every saga must now finish.
            _wechat.Faults = FakeChannelFaults.None;
            _alipay.Faults = FakeChannelFaults.None;
            _journal.Enabled = false;
            Trace("faults healed");
            for (var t = 0; t < LivenessTicks; t++)
            {
                Tick1(violations);
                if (_sagas.TrueForAll(s => s.Finished) && _undelivered.Count == 0 && _engine.NextDueAt is null)
                {
                    break;
                }
            }

            Check(violations);
            if (violations.Count > 0 && _trace is not null)
            {
                // The replay shows the journal, the engine's whole memory.
                foreach (var entry in Simulation.Complete(_durable.ReadAllAsync(CancellationToken.None)))
                {
                    Trace($"journal #{entry.Sequence} {entry.Kind} {entry.AttemptId} state={entry.State} trigger={entry.Trigger} amount={entry.Amount} abandoned={entry.Abandoned} refund={entry.RefundNumber} {entry.RefundState} {entry.RawCode}");
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            violations.Add("unexpected exception: " + ex.GetType().Name + ": " + ex.Message);
        }

        return violations;
    }

    private void Tick1(List<string> violations)
    {
        foreach (var saga in _sagas)
        {
            Guard(() => saga.Step(_engine, _random, _trace is null ? null : Trace, violations.Add));
        }

        Guard(() => Simulation.Complete(_engine.ProcessDueWorkAsync()));
        _undelivered.AddRange(_wechat.TakeDueNotifications());
        _undelivered.AddRange(_alipay.TakeDueNotifications());
        while (_undelivered.Count > 0)
        {
            var notification = _undelivered[0];
            var delivered = Guard(() =>
            {
                var disposition = Simulation.Complete(_engine.ApplyNotificationAsync(notification));
                if (_trace is not null)
                {
                    Trace($"notification {notification.NotificationId} {notification.Kind} {notification.MerchantOrderNumber} -> {disposition}");
                }
            });
            if (!delivered)
            {
                // Not acknowledged: the channel delivers it again later.
                break;
            }

            _undelivered.RemoveAt(0);
        }

        _time.Advance(Tick);
    }

    // Runs a step; a simulated crash restarts the engine from the journal (and the tills re-send what they were doing).
    private bool Guard(Action step)
    {
        try
        {
            step();
            return true;
        }
        catch (SimulatedCrashException crash)
        {
            _restarts++;
            Trace("CRASH " + crash.Message + "; restarting from the journal");
            while (true)
            {
                try
                {
                    _engine = Build();
                    break;
                }
                catch (SimulatedCrashException again)
                {
                    // Resuming journals repairs too, so the restart itself can crash: restart again.
                    _restarts++;
                    if (_trace is not null)
                    {
                        Trace("CRASH " + again.Message + " during restart; restarting again");
                    }
                }
            }

            foreach (var saga in _sagas)
            {
                saga.ForgetAttemptInProgress();
            }

            return false;
        }
    }

    private IPaymentEngine Build()
    {
        ChannelPolicy Policy(ChannelPolicy policy)
        {
            // Back-off waits on the fake clock, which only moves between ticks; the engine's own schedule spaces retries.
            policy.RetryBaseDelay = TimeSpan.Zero;
            return policy;
        }

        return Simulation.Complete(new PaymentEngineBuilder()
            .AddChannel(_wechat, Policy(ChannelPolicy.WeChatPay()))
            .AddChannel(_alipay, Policy(ChannelPolicy.Alipay()))
            .AddChannel(_cash, Policy(ChannelPolicy.Local()))
            .AddChannel(_storedValue, Policy(ChannelPolicy.Local()))
            .UseJournal(_journal)
            .UseTimeProvider(_time)
            .UseRandom(new Random(_random.Next()))
            .BuildAsync());
    }

    private SagaDriver NewSaga(string orderId)
    {
        var due = (long)_random.Next(1, 60_000);
        var parts = due >= 3 ? _random.Next(1, 4) : 1;
        var tenders = new List<(long, SagaMethod)>();
        var left = due;
        for (var i = 0; i < parts; i++)
        {
            var amount = i == parts - 1 ? left : _random.NextInt64(1, left - (parts - i - 1) + 1);
            left -= amount;
            tenders.Add((amount, PickMethod()));
        }

        var memberId = "M" + orderId;
        var topUp = (long)_random.Next(0, 80_000);
        _ledger.TopUp(memberId, Money.Fen(topUp * 4 / 5), Money.Fen(topUp - (topUp * 4 / 5)), "topup-" + orderId);
        _memberTopUps[memberId] = topUp;
        var refund = _random.Next(3) == 0 ? _random.NextInt64(1, due + 1) : 0;
        return new SagaDriver(orderId, due, tenders, memberId, refund);
    }

    private SagaMethod PickMethod() => _random.Next(100) switch
    {
        < 30 => SagaMethod.WeChatCode,
        < 50 => SagaMethod.AlipayCode,
        < 62 => SagaMethod.WeChatJsapi,
        < 72 => SagaMethod.AlipayQr,
        < 84 => SagaMethod.Cash,
        < 97 => SagaMethod.StoredValue,
        _ => SagaMethod.InvalidCode,
    };

    private static FakeCustomerBehavior Customer(ChargeRequest request, Random random)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 55 => new FakeCustomerBehavior(FakeCustomerOutcome.Pays, request.Kind == ChargeKind.CodePay ? TimeSpan.Zero : TimeSpan.FromSeconds(random.Next(2, 60))),
            < 72 => new FakeCustomerBehavior(FakeCustomerOutcome.Pays, TimeSpan.FromSeconds(random.Next(0, 91))),
            < 80 => new FakeCustomerBehavior(FakeCustomerOutcome.WrongPassword, TimeSpan.FromSeconds(random.Next(0, 30))),
            < 85 => new FakeCustomerBehavior(FakeCustomerOutcome.InsufficientBalance, TimeSpan.Zero),
            < 90 => new FakeCustomerBehavior(FakeCustomerOutcome.ExpiredCode, TimeSpan.Zero),
            < 96 => new FakeCustomerBehavior(FakeCustomerOutcome.NeverPays, TimeSpan.Zero),
            _ => new FakeCustomerBehavior(FakeCustomerOutcome.Risk, TimeSpan.Zero),
        };
    }

    private void Check(List<string> violations)
    {
        // The journal is the engine's truth: a fresh engine rebuilt from it must agree with the channels.
        var rebuilt = Build();
        foreach (var saga in _sagas)
        {
            if (!saga.Finished)
            {
                violations.Add($"{saga.OrderId}: saga did not finish after faults healed");
            }

            var attempts = rebuilt.GetAttempts(saga.OrderId);
            var live = _engine.GetAttempts(saga.OrderId);
            long confirmed = 0, channelNetAll = 0, storedValueNet = 0;
            foreach (var attempt in attempts)
            {
                var liveAttempt = live.FirstOrDefault(a => a.AttemptId == attempt.AttemptId);
                if (liveAttempt is null || liveAttempt.State != attempt.State || liveAttempt.Captured != attempt.Captured || liveAttempt.Refunded != attempt.Refunded)
                {
                    violations.Add($"{attempt.AttemptId}: live engine ({liveAttempt?.State}) and journal ({attempt.State}) disagree");
                }

                if (PaymentStateChart.IsInFlight(attempt.State))
                {
                    violations.Add($"{attempt.AttemptId}: never reached a final state ({attempt.State})");
                }

                if (attempt.IsAbandoned && PaymentStateChart.HasCaptured(attempt.State) && attempt.State != PaymentState.Refunded)
                {
                    violations.Add($"{attempt.AttemptId}: money captured after giving up was not refunded ({attempt.State})");
                }

                if (attempt.Refunded > attempt.Captured)
                {
                    violations.Add($"{attempt.AttemptId}: refunded {attempt.Refunded} exceeds captured {attempt.Captured}");
                }

                var journalNet = (attempt.Captured - attempt.Refunded).MinorUnits;
                long channelNet;
                if (attempt.Channel is PaymentChannelId.WeChatPay or PaymentChannelId.Alipay)
                {
                    var channel = attempt.Channel == PaymentChannelId.WeChatPay ? _wechat : _alipay;
                    channelNet = channel.NetCaptured(attempt.AttemptId).MinorUnits;
                    if (channelNet != journalNet)
                    {
                        violations.Add($"{attempt.AttemptId}: channel net {channelNet} differs from journal {journalNet} ({attempt.State})");
                    }
                }
                else
                {
                    channelNet = journalNet;
                    if (attempt.Channel == PaymentChannelId.StoredValue)
                    {
                        storedValueNet += journalNet;
                    }
                }

                channelNetAll += channelNet;
                if (PaymentStateChart.HasCaptured(attempt.State) && !attempt.IsAbandoned)
                {
                    confirmed += attempt.Captured.MinorUnits;
                }
            }

            var status = rebuilt.GetOrderStatus(saga.OrderId);
            if (confirmed > saga.Due || channelNetAll > saga.Due)
            {
                violations.Add($"{saga.OrderId}: charged {channelNetAll} (confirmed {confirmed}) for {saga.Due} due: customer charged more than once");
            }

            if (status.IsSettled != (confirmed == saga.Due))
            {
                violations.Add($"{saga.OrderId}: settled={status.IsSettled} but confirmed {confirmed} of {saga.Due}");
            }

            if (saga.PaidInFull != status.IsSettled)
            {
                violations.Add($"{saga.OrderId}: the till saw paid={saga.PaidInFull} but the engine says settled={status.IsSettled}");
            }

            if (saga.RefundPlanned && saga.PaidInFull && rebuilt.GetRefund(saga.RefundNumber)?.State != RefundState.Succeeded)
            {
                violations.Add($"{saga.OrderId}: refund {saga.RefundNumber} did not complete ({rebuilt.GetRefund(saga.RefundNumber)?.State})");
            }

            var balance = _ledger.GetBalance(saga.MemberId).Total.MinorUnits;
            if (balance != _memberTopUps[saga.MemberId] - storedValueNet)
            {
                violations.Add($"{saga.OrderId}: stored value balance {balance} != top-up {_memberTopUps[saga.MemberId]} - net debits {storedValueNet}");
            }
        }

        // The failure log is journaled too: the engine rebuilt from the journal must list the same failures.
        var liveFailures = _engine.GetFailures().Select(DescribeFailure).ToList();
        var rebuiltFailures = rebuilt.GetFailures().Select(DescribeFailure).ToList();
        if (!liveFailures.SequenceEqual(rebuiltFailures, StringComparer.Ordinal))
        {
            violations.Add($"failure log: the live engine has {liveFailures.Count} failures, the engine rebuilt from the journal {rebuiltFailures.Count}, and they differ");
        }

        if (_wechat.OverRefundRequests + _alipay.OverRefundRequests > 0)
        {
            violations.Add($"a refund asked for more than its capture ({_wechat.OverRefundRequests + _alipay.OverRefundRequests} times)");
        }
    }

    private static string DescribeFailure(PaymentFailure failure) =>
        string.Create(CultureInfo.InvariantCulture, $"{failure.AttemptId}|{failure.OrderId}|{failure.Channel}|{failure.Operation}|{failure.Cause}|{failure.Action}|{failure.RawCode}|{failure.RawMessage}|{failure.OccurredAt:O}");

    private void Trace(string message)
    {
        _trace?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_seed} t={(_time.GetUtcNow() - new DateTimeOffset(2026, 1, 1, 11, 30, 0, TimeSpan.Zero)).TotalSeconds,5}s] {message}"));
    }
}
