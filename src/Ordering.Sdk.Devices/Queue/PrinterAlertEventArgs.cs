using Ordering.Sdk.Devices.Status;

namespace Ordering.Sdk.Devices.Queue;

/// <summary>Something staff should know about a printer or a ticket.</summary>
public sealed class PrinterAlertEventArgs : EventArgs
{
    /// <summary>Initializes an alert.</summary>
    /// <param name="kind">What the alert is about.</param>
    /// <param name="printerId">The printer concerned, if any.</param>
    /// <param name="job">The job concerned, if any.</param>
    /// <param name="status">The printer's last reported status.</param>
    /// <param name="message">A message for staff.</param>
    public PrinterAlertEventArgs(PrinterAlertKind kind, string? printerId, PrintJobKey? job, PrinterStatus status, string message)
    {
        Kind = kind;
        PrinterId = printerId;
        Job = job;
        Status = status;
        Message = message;
    }

    /// <summary>Gets what the alert is about.</summary>
    public PrinterAlertKind Kind { get; }

    /// <summary>Gets the printer concerned, if any.</summary>
    public string? PrinterId { get; }

    /// <summary>Gets the job concerned, if any.</summary>
    public PrintJobKey? Job { get; }

    /// <summary>Gets the printer's last reported status.</summary>
    public PrinterStatus Status { get; }

    /// <summary>Gets a message for staff.</summary>
    public string Message { get; }
}
