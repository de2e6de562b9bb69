namespace Ordering.Sdk.Orders;

/// <summary>How a bill is divided into parts that are paid separately.</summary>
public enum SplitMode
{
    /// <summary>Each part pays for the lines assigned to it (分单 by dish).</summary>
    ByItems = 0,

    /// <summary>Each part pays a stated amount (by amount).</summary>
    ByAmount = 1,

    /// <summary>N equal parts (AA); the first parts carry the leftover fen so the parts sum exactly.</summary>
    Evenly = 2,
}
