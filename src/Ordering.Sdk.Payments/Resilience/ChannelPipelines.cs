using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Ordering.Sdk.Payments;

// The resilience pipelines of one channel. Charge creation gets a timeout and the circuit breaker but
// no retry: re-sending a charge blindly could take the money twice. Idempotent calls (query, cancel,
// refund with the same number, refund query) also get a jittered retry. Both share one breaker
// (ChannelCircuitBreaker, which judges failures against the calls sent, not only those answered), so a
// failing channel opens for every call and the engine recommends another method.
internal sealed class ChannelPipelines
{
    private ChannelPipelines(ResiliencePipeline<ChannelResult> charge, ResiliencePipeline<ChannelResult> idempotent, ChannelCircuitBreaker breaker, string[] chargeStrategies, string[] idempotentStrategies)
    {
        Charge = charge;
        Idempotent = idempotent;
        Breaker = breaker;
        ChargeStrategies = chargeStrategies;
        IdempotentStrategies = idempotentStrategies;
    }

    public ResiliencePipeline<ChannelResult> Charge { get; }

    public ResiliencePipeline<ChannelResult> Idempotent { get; }

    public ChannelCircuitBreaker Breaker { get; }

    // The strategies in each pipeline, outermost first, recorded as they are added (for diagnostics and tests).
    public IReadOnlyList<string> ChargeStrategies { get; }

    public IReadOnlyList<string> IdempotentStrategies { get; }

    // Whether a charge sent now would be refused (open, or half-open with its one probe still out).
    public bool IsCircuitOpen => Breaker.IsRefusing;

    public static ChannelPipelines Create(ChannelPolicy policy, TimeProvider timeProvider, Random random)
    {
        var breakerState = new ChannelCircuitBreaker(policy, timeProvider);
        var breaker = new ResiliencePipelineBuilder<ChannelResult> { TimeProvider = timeProvider }
            .AddStrategy(_ => new ChannelBreakerStrategy(breakerState))
            .Build();

        var charge = new ResiliencePipelineBuilder<ChannelResult> { TimeProvider = timeProvider }
            .AddPipeline(breaker)
            .AddTimeout(policy.CallTimeout)
            .Build();

        var idempotentBuilder = new ResiliencePipelineBuilder<ChannelResult> { TimeProvider = timeProvider };
        var idempotentStrategies = new List<string>();
        if (policy.MaxRetryAttempts > 0)
        {
            var baseDelay = policy.RetryBaseDelay;
            idempotentBuilder.AddRetry(new RetryStrategyOptions<ChannelResult>
            {
                MaxRetryAttempts = policy.MaxRetryAttempts,
                ShouldHandle = static args => ValueTask.FromResult(IsRetryable(args.Outcome)),

                // Exponential back-off with full jitter from the injected, seedable Random (deterministic in simulations).
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Jitter(random, baseDelay, args.AttemptNumber)),
            });
            idempotentStrategies.Add("Retry");
        }

        var idempotent = idempotentBuilder.AddPipeline(breaker).AddTimeout(policy.CallTimeout).Build();
        idempotentStrategies.Add("CircuitBreaker");
        idempotentStrategies.Add("Timeout");
        return new ChannelPipelines(charge, idempotent, breakerState, ["CircuitBreaker", "Timeout"], [.. idempotentStrategies]);
    }

    internal static bool IsChannelUnhealthy(Outcome<ChannelResult> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is not OperationCanceledException || outcome.Exception is TimeoutRejectedException;
        }

        return outcome.Result is { Outcome: ChannelOutcome.Unknown, Error.Cause: FailureCause.Network or FailureCause.GatewayUnavailable or FailureCause.Unknown };
    }

    private static bool IsRetryable(Outcome<ChannelResult> outcome)
    {
        if (outcome.Exception is BrokenCircuitException or IsolatedCircuitException)
        {
            return false;
        }

        return IsChannelUnhealthy(outcome) || outcome.Result is { Error.Cause: FailureCause.RateLimited };
    }

    private static TimeSpan Jitter(Random random, TimeSpan baseDelay, int attemptNumber)
    {
        if (baseDelay == TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var ceilingTicks = baseDelay.Ticks << Math.Min(attemptNumber, 10);
        lock (random)
        {
            return TimeSpan.FromTicks(random.NextInt64(ceilingTicks / 2, ceilingTicks + 1));
        }
    }
}
