using System.Text.Json.Serialization;

namespace Ordering.Sdk.Orders;

/// <summary>
/// One fact in an order's append-only history. The current state of the order is derived from its
/// events; the events feed the kitchen, reports and sync through the outbox.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(OrderOpened), "opened")]
[JsonDerivedType(typeof(ItemsAdded), "items_added")]
[JsonDerivedType(typeof(CartSubmitted), "cart_submitted")]
[JsonDerivedType(typeof(ItemQuantityChanged), "quantity_changed")]
[JsonDerivedType(typeof(ItemRemoved), "item_removed")]
[JsonDerivedType(typeof(ItemVoided), "item_voided")]
[JsonDerivedType(typeof(ItemComped), "item_comped")]
[JsonDerivedType(typeof(ItemsUrged), "items_urged")]
[JsonDerivedType(typeof(HeldItemsFired), "held_fired")]
[JsonDerivedType(typeof(ItemsServed), "items_served")]
[JsonDerivedType(typeof(TableTransferred), "table_transferred")]
[JsonDerivedType(typeof(OrderMergedIn), "merged_in")]
[JsonDerivedType(typeof(OrderMergedInto), "merged_into")]
[JsonDerivedType(typeof(BillSplit), "bill_split")]
[JsonDerivedType(typeof(OrderSettled), "settled")]
[JsonDerivedType(typeof(OrderReopened), "reopened")]
[JsonDerivedType(typeof(OrderCancelled), "cancelled")]
[JsonDerivedType(typeof(TableCleared), "table_cleared")]
[JsonDerivedType(typeof(MemberAttached), "member_attached")]
[JsonDerivedType(typeof(CouponApplied), "coupon_applied")]
[JsonDerivedType(typeof(CouponRemoved), "coupon_removed")]
public abstract record OrderEvent
{
    /// <summary>Gets the order the event belongs to.</summary>
    public string OrderId { get; init; } = string.Empty;

    /// <summary>Gets the position of the event in the order's history, starting at 1.</summary>
    public long Version { get; init; }

    /// <summary>Gets the client request that caused the event.</summary>
    public string RequestId { get; init; } = string.Empty;

    /// <summary>Gets when the event was recorded (from the SDK's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Gets the staff member or diner who issued the command, if known.</summary>
    public string? Operator { get; init; }
}
