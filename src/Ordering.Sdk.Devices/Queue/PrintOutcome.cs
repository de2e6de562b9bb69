using Ordering.Sdk.Devices.Status;

namespace Ordering.Sdk.Devices.Queue;

internal enum PrintOutcomeKind
{
    /// <summary>The printer confirmed the job was printed.</summary>
    Printed,

    /// <summary>The printer reported it cannot print; the job was not sent.</summary>
    NotReady,

    /// <summary>The job was (perhaps partly) sent but never confirmed; the printer may hold it.</summary>
    Unconfirmed,

    /// <summary>The printer could not be reached; the job was not sent.</summary>
    Unreachable,
}

internal readonly record struct PrintOutcome(PrintOutcomeKind Kind, PrinterStatus Status, string? Error)
{
    public bool IsPrinted => Kind == PrintOutcomeKind.Printed;
}
