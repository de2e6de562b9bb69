namespace Ordering.Sdk.Pricing;

// Everything one pricing call reads, passed by reference from step to step.
internal readonly struct PricingCall(CompiledPolicy policy, PricingRequest request, PricingResult result, DateTimeOffset instant, DateTime localTime)
{
    public CompiledPolicy Policy { get; } = policy;

    public PricingRequest Request { get; } = request;

    public PricingContext Context { get; } = request.Context;

    public PricingResult Output { get; } = result;

    public PricingWorkspace Work { get; } = result.Work;

    public int Count { get; } = request.Lines.Count;

    public DateTimeOffset Instant { get; } = instant;

    public DateTime LocalTime { get; } = localTime;

    public bool IsMember => !string.IsNullOrEmpty(Context.MemberId);
}
