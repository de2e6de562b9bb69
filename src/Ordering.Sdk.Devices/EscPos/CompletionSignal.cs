namespace Ordering.Sdk.Devices.EscPos;

/// <summary>How the printer tells the host that a job has really been printed (not merely received).</summary>
public enum CompletionSignal
{
    /// <summary>GS ( H process ID: the printer answers <c>37 22 d1 d2 d3 d4 00</c> once everything before it is printed (Epson).</summary>
    ProcessId = 0,

    /// <summary>GS r 1 paper-sensor status: answered only after everything before it is processed and never while offline (clones).</summary>
    PaperSensorStatus = 1,
}
