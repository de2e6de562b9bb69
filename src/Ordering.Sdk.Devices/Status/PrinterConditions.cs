namespace Ordering.Sdk.Devices.Status;

/// <summary>What a receipt printer reports about itself (DLE EOT and Automatic Status Back), as flags.</summary>
[Flags]
public enum PrinterConditions
{
    /// <summary>Online, paper loaded, cover closed.</summary>
    None = 0,

    /// <summary>The printer is offline and holds what it receives.</summary>
    Offline = 1,

    /// <summary>The cover is open.</summary>
    CoverOpen = 2,

    /// <summary>Printing stopped because the paper ran out.</summary>
    PaperEnd = 4,

    /// <summary>The paper roll is nearly empty.</summary>
    PaperNearEnd = 8,

    /// <summary>An error occurred (autocutter, head temperature, unrecoverable).</summary>
    Error = 16,

    /// <summary>Drawer-kick connector pin 3 is high (open or closed depends on the drawer).</summary>
    DrawerSignal = 32,
}
