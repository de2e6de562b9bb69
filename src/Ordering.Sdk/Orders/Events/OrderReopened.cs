namespace Ordering.Sdk.Orders;

/// <summary>A settled order was reopened for correction (反结账), with a reason for the audit trail.</summary>
public sealed record OrderReopened : OrderEvent
{
    /// <summary>Gets why.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the amount that had been settled.</summary>
    public required Money PreviouslySettled { get; init; }
}
