namespace Ordering.Sdk.Pricing;

/// <summary>A unit price set by hand (改价), replacing the resolved price, with a reason and an operator.</summary>
public sealed class ManualPriceOverride
{
    /// <summary>Gets the unit price in minor units (per unit weight for a weighed item).</summary>
    public required long UnitPrice { get; init; }

    /// <summary>Gets why the price was changed.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets who changed it.</summary>
    public required string OperatorId { get; init; }
}
