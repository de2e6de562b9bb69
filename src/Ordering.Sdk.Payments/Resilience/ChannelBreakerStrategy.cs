using Polly;
using Polly.CircuitBreaker;

namespace Ordering.Sdk.Payments;

// Puts ChannelCircuitBreaker into a Polly pipeline: a refused call fails with Polly's BrokenCircuitException, as
// Polly's own breaker would, so the engine and the retry strategy treat both alike.
internal sealed class ChannelBreakerStrategy : ResilienceStrategy<ChannelResult>
{
    private readonly ChannelCircuitBreaker _breaker;

    public ChannelBreakerStrategy(ChannelCircuitBreaker breaker) => _breaker = breaker;

    internal static BreakerVerdict Judge(Outcome<ChannelResult> outcome)
    {
        if (outcome.Exception is OperationCanceledException)
        {
            return BreakerVerdict.NoEvidence;
        }

        return ChannelPipelines.IsChannelUnhealthy(outcome) ? BreakerVerdict.Unhealthy : BreakerVerdict.Healthy;
    }

    protected override async ValueTask<Outcome<ChannelResult>> ExecuteCore<TState>(Func<ResilienceContext, TState, ValueTask<Outcome<ChannelResult>>> callback, ResilienceContext context, TState state)
    {
        if (!_breaker.TryAdmit(out var ticket, out var retryAfter))
        {
            return Outcome.FromException<ChannelResult>(new BrokenCircuitException("The channel's circuit is open after repeated failures; the call was not sent.", retryAfter));
        }

        var verdict = BreakerVerdict.NoEvidence;
        try
        {
            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            verdict = Judge(outcome);
            return outcome;
        }
        finally
        {
            // Also reached when the callback throws instead of returning an outcome: the ticket is always returned.
            _breaker.Complete(ticket, verdict);
        }
    }
}
