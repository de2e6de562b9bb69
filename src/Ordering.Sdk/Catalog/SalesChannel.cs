namespace Ordering.Sdk.Catalog;

/// <summary>Where an order comes from; prices and promotions can differ per channel.</summary>
public enum SalesChannel
{
    /// <summary>Ordered at the table through the POS or a waiter (堂食).</summary>
    DineIn,

    /// <summary>Takeaway ordered at the counter (外带/自提).</summary>
    Takeaway,

    /// <summary>Delivery (外卖).</summary>
    Delivery,

    /// <summary>The store's own mini-program or scan-to-order page (小程序/扫码点餐).</summary>
    MiniProgram,
}
