namespace Ordering.Sdk.Devices.EscPos;

/// <summary>How a printer family prints QR codes.</summary>
public enum QrSupport
{
    /// <summary>The printer renders QR codes from GS ( k.</summary>
    Native = 0,

    /// <summary>
    /// The printer has no usable QR command; layouts print the payload's order number as large text instead,
    /// and <see cref="EscPosWriter.QrCode(ReadOnlySpan{byte}, int, QrErrorCorrection)"/> refuses.
    /// </summary>
    None = 1,

    /// <summary>
    /// The printer's QR command is missing or unreliable, so the SDK encodes the QR code itself (byte mode, smallest
    /// version that fits, up to version 40) and prints it as a GS v 0 raster image, scaled by the module size with a
    /// 4-module quiet zone and placed by the current justification. Costs more bytes on the wire than
    /// <see cref="Native"/> (a version 4 symbol at 6 dots per module is about 8 KB), but every GS v 0 printer can print it.
    /// </summary>
    RasterImage = 2,
}
