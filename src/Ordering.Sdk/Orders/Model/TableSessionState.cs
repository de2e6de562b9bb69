namespace Ordering.Sdk.Orders;

/// <summary>The state of the table that a dine-in order occupies.</summary>
public enum TableSessionState
{
    /// <summary>No table (takeaway, delivery) or the table was cleared.</summary>
    None = 0,

    /// <summary>Opened, guests seated, nothing ordered yet.</summary>
    Open = 1,

    /// <summary>At least one item ordered and not yet served.</summary>
    Ordering = 2,

    /// <summary>Every ordered item was served.</summary>
    Served = 3,

    /// <summary>The bill was settled; guests may still be seated.</summary>
    Paid = 4,

    /// <summary>The table was cleared after payment and is free again.</summary>
    Cleared = 5,
}
