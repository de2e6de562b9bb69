namespace Ordering.Sdk.Devices.EscPos;

/// <summary>Whether a printer family renders QR codes itself.</summary>
public enum QrSupport
{
    /// <summary>The printer renders QR codes from GS ( k.</summary>
    Native = 0,

    /// <summary>
    /// The printer has no usable QR command; layouts print the payload's order number as large text instead,
    /// and <see cref="EscPosWriter.QrCode(ReadOnlySpan{byte}, int, QrErrorCorrection)"/> refuses.
    /// </summary>
    None = 1,
}
