using System.Globalization;

namespace Ordering.Sdk.Orders;

// Every refusal the order commands give, in one place so codes stay stable and both languages stay in step.
internal static class OrderErrors
{
    public static OrderError NotFound(string orderId) =>
        new("order_not_found", "orderId", $"Order '{orderId}' does not exist.", $"订单 {orderId} 不存在。");

    public static OrderError AlreadyExists(string orderId) =>
        new("order_exists", "orderId", $"Order '{orderId}' already exists.", $"订单 {orderId} 已存在。");

    public static OrderError NotOpen(OrderStatus status) =>
        new("order_not_open", "orderId", $"The order is {status}, not open; it cannot be changed.", $"订单状态为{Zh(status)}，不能修改。");

    public static OrderError NotSettled(OrderStatus status) =>
        new("order_not_settled", "orderId", $"Only a settled order can be reopened; this one is {status}.", $"只有已结账的订单可以反结账，当前为{Zh(status)}。");

    public static OrderError Required(string field) =>
        new("required", field, $"{field} is required.", $"{field} 为必填项。");

    public static OrderError TooLong(string field, int max) =>
        new("too_long", field, $"{field} is longer than {max} characters.", $"{field} 超过 {max} 个字符。");

    public static OrderError OutOfRange(string field, long value, long min, long max) =>
        new("out_of_range", field, Invariant($"{field} must be between {min} and {max}, was {value}."), Invariant($"{field} 必须在 {min} 到 {max} 之间，实际为 {value}。"));

    public static OrderError UnknownTable(string field, string tableId) =>
        new("unknown_table", field, $"Table '{tableId}' is not in the store's table layout.", $"桌台 {tableId} 不存在。");

    public static OrderError TableOccupied(string field, string tableId, string byOrder) =>
        new("table_occupied", field, $"Table '{tableId}' is occupied by order {byOrder}; merge the tables instead.", $"桌台 {tableId} 已被订单 {byOrder} 占用，请使用并台。");

    public static OrderError NotDineIn(string field) =>
        new("not_dine_in", field, "Only a dine-in order has a table.", "只有堂食订单才有桌台。");

    public static OrderError UnknownLine(string field, string lineId) =>
        new("unknown_line", field, $"Line '{lineId}' is not on this order.", $"订单中没有菜品行 {lineId}。");

    public static OrderError LineAlreadyFired(string field, string lineId) =>
        new("line_already_fired", field, $"Line '{lineId}' was already sent to the kitchen; void it (退菜) with a reason instead.", $"菜品 {lineId} 已下厨，请使用退菜并填写原因。");

    public static OrderError LineNotFired(string field, string lineId) =>
        new("line_not_fired", field, $"Line '{lineId}' has not been sent to the kitchen; remove it instead of voiding.", $"菜品 {lineId} 尚未下厨，请直接删除，无需退菜。");

    public static OrderError LineNotHeld(string field, string lineId) =>
        new("line_not_held", field, $"Line '{lineId}' is not on hold (叫起).", $"菜品 {lineId} 不是叫起状态。");

    public static OrderError VoidTooMany(string field, string lineId, int remaining) =>
        new("void_exceeds_quantity", field, Invariant($"Line '{lineId}' has only {remaining} left to void."), Invariant($"菜品 {lineId} 只剩 {remaining} 份可退。"));

    public static OrderError AlreadyComped(string field, string lineId) =>
        new("already_comped", field, $"Line '{lineId}' is already comped.", $"菜品 {lineId} 已赠送。");

    public static OrderError NothingInCart() =>
        new("cart_empty", "lineIds", "The shared cart is empty; nothing to send to the kitchen.", "购物车为空，没有可下单的菜品。");

    public static OrderError NothingToSettle() =>
        new("nothing_to_settle", "orderId", "The order has items still in the cart; submit or remove them before settling.", "购物车中还有未下单的菜品，请先下单或删除。");

    public static OrderError SettlementMismatch(Money due, Money paid) =>
        new("settlement_mismatch", "amountPaid", $"Confirmed tenders {paid} do not equal the amount due {due}.", $"已确认支付 {paid} 与应付金额 {due} 不一致。");

    public static OrderError SplitDoesNotCover(Money due, Money covered) =>
        new("split_does_not_cover", "parts", $"The parts add up to {covered} but the amount due is {due}.", $"分单合计 {covered} 与应付金额 {due} 不一致。");

    public static OrderError SplitLineUnassigned(string lineId) =>
        new("split_line_unassigned", "parts", $"Line '{lineId}' is in no part (or in more than one).", $"菜品 {lineId} 未分配到分单，或被重复分配。");

    public static OrderError CannotMergeIntoSelf() =>
        new("merge_into_self", "sourceOrderId", "An order cannot be merged into itself.", "订单不能与自身并台。");

    public static OrderError CrossStoreMerge() =>
        new("merge_across_stores", "sourceOrderId", "Orders of different stores cannot be merged.", "不同门店的订单不能并台。");

    public static OrderError TableNotClearable() =>
        new("table_not_clearable", "orderId", "Only a paid dine-in table that is not yet cleared can be cleared.", "只有已结账且未清台的堂食桌台可以清台。");

    public static OrderError RequestIdReused(string requestId) =>
        new("request_id_reused", "requestId", $"Request id '{requestId}' was already used for a different command.", $"请求号 {requestId} 已用于其他操作。");

    public static OrderError MemberUnchanged(string? memberId) =>
        memberId is null
            ? new("member_not_attached", "memberId", "No member is attached to the order.", "订单未关联会员。")
            : new("member_already_attached", "memberId", $"Member '{memberId}' is already attached to the order.", $"会员 {memberId} 已关联到本单。");

    public static OrderError CouponAlreadyApplied(string code) =>
        new("coupon_already_applied", "code", $"Coupon '{code}' is already on the order.", $"优惠券 {code} 已在本单使用。");

    public static OrderError TooManyCoupons(int max) =>
        new("too_many_coupons", "code", Invariant($"An order can hold at most {max} coupons."), Invariant($"每单最多使用 {max} 张优惠券。"));

    public static OrderError CouponNeedsItems(string code) =>
        new("coupon_not_applicable", "code", $"Coupon '{code}' can only be applied to an order with items.", $"请先点菜再使用优惠券 {code}。");

    public static OrderError CouponNotOnOrder(string code) =>
        new("coupon_not_on_order", "code", $"Coupon '{code}' is not on the order.", $"本单未使用优惠券 {code}。");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Zh(OrderStatus status) => status switch
    {
        OrderStatus.Open => "进行中",
        OrderStatus.Settled => "已结账",
        OrderStatus.Cancelled => "已取消",
        _ => "不存在",
    };
}
