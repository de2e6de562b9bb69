using Ordering.Sdk.Pricing;
namespace Ordering.Sdk.Orders;

/// <summary>The current state of an order, derived from its event history and priced by the server.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record OrderView
{
    /// <summary>Gets the order id.</summary>
    public required string OrderId { get; init; }

    /// <summary>Gets the version: the number of events in the history.</summary>
    public required long Version { get; init; }

    /// <summary>Gets the status.</summary>
    public required OrderStatus Status { get; init; }

    /// <summary>Gets the order type.</summary>
    public required OrderType Type { get; init; }

    /// <summary>Gets the table id of a dine-in order, or <see langword="null"/>.</summary>
    public string? TableId { get; init; }

    /// <summary>Gets the table session state.</summary>
    public required TableSessionState TableState { get; init; }

    /// <summary>Gets the number of diners (drives per-guest fees such as 茶位费).</summary>
    public required int DinerCount { get; init; }

    /// <summary>Gets the pickup / call number of the business day.</summary>
    public required int OrderNumber { get; init; }

    /// <summary>Gets every line, including removed ones (for audit).</summary>
    public required IReadOnlyList<OrderLine> Lines { get; init; }

    /// <summary>Gets the number of kitchen rounds sent so far.</summary>
    public required int Rounds { get; init; }

    /// <summary>Gets what the diners owe now, as priced by the server.</summary>
    public required Money AmountDue { get; init; }

    /// <summary>Gets each active line's share of the amount due (order-level discounts, fees and rounding included).</summary>
    public required IReadOnlyDictionary<string, Money> LineAmounts { get; init; }

    /// <summary>Gets the current split of the bill, or empty.</summary>
    public required IReadOnlyList<BillPart> BillParts { get; init; }

    /// <summary>Gets the amount frozen at the last settlement, or <see langword="null"/> if never settled.</summary>
    /// <summary>Gets the member attached to the order, or null.</summary>
    public string? MemberId { get; init; }

    /// <summary>Gets the coupon codes presented for the order, in the order they were presented.</summary>
    public IReadOnlyList<string> CouponCodes { get; init; } = [];

    /// <summary>Gets the coupons on the order that do not apply at the moment, with the reason.</summary>
    public IReadOnlyList<InactiveCoupon> InactiveCoupons { get; init; } = [];

    /// <summary>
    /// Gets the pricing engine's frozen explanation of <see cref="AmountDue"/>: every line, adjustment,
    /// fee, tax and rounding; null while the order has no priced lines.
    /// </summary>
    public PriceSnapshot? PriceSnapshot { get; init; }

    /// <summary>Gets the order line id of each <see cref="PriceSnapshot"/> line, index for index.</summary>
    public IReadOnlyList<string> PricedLineIds { get; init; } = [];

    public Money? SettledAmount { get; init; }

    /// <summary>Gets how many times the order was reopened after settlement (反结账).</summary>
    public int ReopenCount { get; init; }

    /// <summary>Gets the order this one was merged into, or <see langword="null"/>.</summary>
    public string? MergedIntoOrderId { get; init; }
}
