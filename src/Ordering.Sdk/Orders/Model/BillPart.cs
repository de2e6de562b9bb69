namespace Ordering.Sdk.Orders;

/// <summary>One part of a split bill.</summary>
/// <param name="PartNumber">1-based part number.</param>
/// <param name="Amount">What this part pays.</param>
/// <param name="LineIds">The lines this part pays for (by-items splits), otherwise empty.</param>
public sealed record BillPart(int PartNumber, Money Amount, IReadOnlyList<string> LineIds);
