namespace Ordering.Sdk.Devices.Queue;

/// <summary>Where a print job stands.</summary>
public enum PrintJobState
{
    /// <summary>Waiting to be printed (first time or after every printer of its station failed).</summary>
    Pending = 0,

    /// <summary>Being sent now. Found in this state after a crash, it may or may not have printed.</summary>
    Printing = 1,

    /// <summary>Confirmed printed by the printer.</summary>
    Printed = 2,

    /// <summary>Cannot be printed automatically without risking a duplicate (for example after a crash mid-print); staff decide, usually with a reprint.</summary>
    NeedsAttention = 3,
}
