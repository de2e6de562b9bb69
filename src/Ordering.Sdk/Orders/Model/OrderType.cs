namespace Ordering.Sdk.Orders;

/// <summary>How the order reaches the diner; decides which fees and prices apply.</summary>
public enum OrderType
{
    /// <summary>Eaten at a table (堂食); has a table session.</summary>
    DineIn = 0,

    /// <summary>Collected at the counter (外带/自提); gets a pickup number.</summary>
    Takeaway = 1,

    /// <summary>Delivered to the diner (外卖).</summary>
    Delivery = 2,

    /// <summary>Ordered by the diner on a mini-program (扫码点餐 self-order), at a table or for pickup.</summary>
    MiniProgram = 3,
}
