namespace Ordering.Sdk.Orders;

/// <summary>Where an order is in its life.</summary>
public enum OrderStatus
{
    /// <summary>Not opened yet: no event exists for this order id.</summary>
    None = 0,

    /// <summary>Open: items can be added, changed, voided; the bill can be split and settled.</summary>
    Open = 1,

    /// <summary>Settled: confirmed tenders covered the amount due exactly. Can be reopened (反结账).</summary>
    Settled = 2,

    /// <summary>Cancelled, or merged into another order; final.</summary>
    Cancelled = 3,
}
