namespace Ordering.Sdk.Pricing;

/// <summary>The kind of order, which decides fees such as 茶位费 and packaging.</summary>
public enum OrderType
{
    /// <summary>Eaten in the restaurant (堂食).</summary>
    DineIn,

    /// <summary>Picked up at the counter (自取/外带).</summary>
    Takeaway,

    /// <summary>Delivered (外卖).</summary>
    Delivery,

    /// <summary>Self-ordered through the mini-program (自助点餐).</summary>
    SelfOrder,
}
