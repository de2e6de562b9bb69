namespace Ordering.Sdk.Devices.EscPos;

/// <summary>The drawer-kick connector pin a cash drawer is wired to (ESC p m).</summary>
public enum CashDrawerPin
{
    /// <summary>Connector pin 2 (the usual single drawer).</summary>
    Pin2 = 0,

    /// <summary>Connector pin 5 (a second drawer).</summary>
    Pin5 = 1,
}
