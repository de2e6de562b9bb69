namespace Ordering.Sdk.Pricing;

// The runtime form of a fee: its definition, eligible SKUs and filters as bit masks.
internal sealed class CompiledFee
{
    public required FeeDefinition Definition { get; init; }

    public required bool[] EligibleSku { get; init; }

    public int OrderTypeMask { get; init; }

    public AdjustmentKind AdjustmentKind { get; init; }

    public bool AppliesTo(OrderType orderType, string? area)
    {
        if (OrderTypeMask != 0 && (OrderTypeMask & (1 << (int)orderType)) == 0)
        {
            return false;
        }

        var areas = Definition.Areas;
        if (areas.Count == 0)
        {
            return true;
        }

        for (var i = 0; i < areas.Count; i++)
        {
            if (string.Equals(areas[i], area, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
