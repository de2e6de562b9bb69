using System.Globalization;
using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

// Shared rules of manual discounts: validation, amount (capped at the base), ledger naming.
internal static class ManualDiscounts
{
    public const string RuleId = "manual";
    public const string InvalidZh = "手工折扣需要原因、操作员，以及0至100%的折扣或非负金额（二选一）";
    public const string InvalidEn = "A manual discount needs a reason, an operator, and either a percentage of 0–100% or a non-negative amount (not both).";

    public static readonly LocalizedText Name = new("手工折扣", "Manual discount");

    public static bool IsValid(ManualDiscount manual) =>
        !string.IsNullOrWhiteSpace(manual.Reason) && !string.IsNullOrWhiteSpace(manual.OperatorId)
        && manual.PercentOff is >= 0 and <= FenMath.BasisPointsPerWhole && manual.AmountOff >= 0
        && !(manual.PercentOff > 0 && manual.AmountOff > 0);

    public static long Amount(ManualDiscount manual, long baseAmount, FenRounding rounding) =>
        manual.PercentOff > 0
            ? FenMath.MulDiv(baseAmount, manual.PercentOff, FenMath.BasisPointsPerWhole, rounding)
            : Math.Min(manual.AmountOff, baseAmount);

    public static string LinePath(int line) => string.Create(CultureInfo.InvariantCulture, $"lines[{line}].manualDiscount");
}
