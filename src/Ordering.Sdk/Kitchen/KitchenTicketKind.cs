namespace Ordering.Sdk.Kitchen;

/// <summary>Why a kitchen ticket exists; printed as a large mark at the top of the ticket.</summary>
public enum KitchenTicketKind
{
    /// <summary>The first round of an order for this station (no mark).</summary>
    NewOrder = 0,

    /// <summary>A later round of the same order (加菜).</summary>
    AddOn = 1,

    /// <summary>Items voided after they were fired (退菜); the kitchen must stop making them.</summary>
    Void = 2,

    /// <summary>The table asks the kitchen to hurry the listed items (催菜).</summary>
    Urge = 3,

    /// <summary>Items sent on hold (叫起): prepare, but do not cook until a fire ticket arrives.</summary>
    Hold = 4,

    /// <summary>Held items released to cook now (起菜).</summary>
    Fire = 5,
}
