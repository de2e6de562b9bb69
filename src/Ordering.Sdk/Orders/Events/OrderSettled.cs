namespace Ordering.Sdk.Orders;

/// <summary>Confirmed tenders covered the amount due exactly; the amount is frozen.</summary>
public sealed record OrderSettled : OrderEvent
{
    /// <summary>Gets the amount due that was paid.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the payment reference (the payment engine's settlement id).</summary>
    public required string PaymentReference { get; init; }
}
