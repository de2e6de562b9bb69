namespace Ordering.Sdk.Orders;

/// <summary>Where one order line stands in the kitchen's eyes.</summary>
public enum OrderLineState
{
    /// <summary>In the shared cart: not sent to the kitchen; may be changed or removed freely.</summary>
    InCart = 0,

    /// <summary>Sent with a hold (叫起): the kitchen knows of it but must not cook until fired; may still be removed.</summary>
    Held = 1,

    /// <summary>Fired (起菜 / sent): the kitchen is cooking; only a void (退菜) with a reason takes it back.</summary>
    Fired = 2,

    /// <summary>Served to the table.</summary>
    Served = 3,

    /// <summary>Removed before firing; no longer part of the order.</summary>
    Removed = 4,
}
