namespace Ordering.Sdk.Orders;

// What a command may consult while deciding, loaded by the service before Decide runs.
internal sealed class CommandContext
{
    public required OrderPricing CurrentPricing { get; init; }

    public required OrdersOptions Options { get; init; }

    public int AllocatedOrderNumber { get; init; }

    public OrderState? OtherOrder { get; init; }

    public string? OtherTableOccupant { get; init; }
}
