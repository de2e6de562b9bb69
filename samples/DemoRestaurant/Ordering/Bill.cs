namespace DemoRestaurant.Ordering;

/// <summary>The server-priced bill the diner and the cashier see, taken from the pricing engine's price snapshot.</summary>
internal sealed record Bill(
    long Subtotal,
    long ItemDiscounts,
    long OrderDiscounts,
    long Fees,
    long Rounding,
    long AmountDue,
    IReadOnlyList<BillLine> Lines,
    IReadOnlyList<BillAdjustment> Adjustments,
    IReadOnlyList<BillPromotion> Promotions,
    bool MatchesOrder,
    string? Member);

/// <summary>One priced line: list price, the unit price actually used and why, and its share of every adjustment.</summary>
internal sealed record BillLine(
    string LineId,
    string Name,
    string Details,
    int Quantity,
    int WeightGrams,
    long ListUnitPrice,
    long UnitPrice,
    string PriceSource,
    long AddOnsPerUnit,
    long Gross,
    long ItemDiscount,
    long OrderDiscount,
    long Fees,
    long Total,
    string State,
    string? Diner,
    bool Comped,
    int Round);

/// <summary>One explained adjustment: what, why, how much and on which lines.</summary>
internal sealed record BillAdjustment(string Kind, string Name, string NameEn, long Amount, string? Reason, IReadOnlyList<string> Lines);

/// <summary>A promotion the engine considered, and whether and why it applied.</summary>
internal sealed record BillPromotion(string Name, string Outcome, long Saving);
