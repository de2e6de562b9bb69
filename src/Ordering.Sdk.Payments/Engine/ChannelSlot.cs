namespace Ordering.Sdk.Payments;

// A registered channel with its policy and resilience pipelines.
internal sealed class ChannelSlot(IPaymentChannel channel, ChannelPolicy policy, ChannelPipelines pipelines)
{
    public IPaymentChannel Channel { get; } = channel;

    public ChannelPolicy Policy { get; } = policy;

    public ChannelPipelines Pipelines { get; } = pipelines;
}
