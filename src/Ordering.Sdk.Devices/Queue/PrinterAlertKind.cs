namespace Ordering.Sdk.Devices.Queue;

/// <summary>What a printer alert is about.</summary>
public enum PrinterAlertKind
{
    /// <summary>The printer reports it is out of paper (缺纸).</summary>
    PaperOut = 0,

    /// <summary>The printer's cover is open.</summary>
    CoverOpen = 1,

    /// <summary>The printer is offline or in error.</summary>
    Offline = 2,

    /// <summary>The printer cannot be reached (network, power, cable).</summary>
    Unreachable = 3,

    /// <summary>A job was sent but the printer never confirmed it.</summary>
    NotConfirmed = 4,

    /// <summary>A ticket was printed on the station's backup printer.</summary>
    FailedOver = 5,

    /// <summary>No printer of the station could print the ticket; it stays queued and is retried.</summary>
    TicketDelayed = 6,

    /// <summary>A job was interrupted by a crash and may or may not have printed; staff should check and reprint.</summary>
    TicketUncertain = 7,
}
