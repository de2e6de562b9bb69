using Ordering.Sdk.Devices.EscPos.Qr;

namespace Ordering.Sdk.Devices.EscPos;

// The QR-as-image fallback (QrSupport.RasterImage): the SDK encodes the symbol itself and prints it as GS v 0 bands.
public sealed partial class EscPosWriter
{
    // Reused for every QR code this writer renders: allocated on first use, never again.
    private QrSymbol? _qrSymbol;

    /// <summary>Gets the last QR symbol this writer rendered as an image, for tests that compare it with the printout.</summary>
    internal QrSymbol? LastQrSymbol => _qrSymbol;

    private EscPosWriter QrImage(ReadOnlySpan<byte> data, int moduleSize, QrErrorCorrection errorCorrection)
    {
        // Check the fit before touching the output, so a refused symbol leaves no half-written bytes behind.
        var version = QrCapacity.SmallestVersion(data.Length, errorCorrection);
        if (version == 0)
        {
            throw new ArgumentException(TooLargeMessage(data.Length, errorCorrection), nameof(data));
        }

        var widthDots = QrRaster.WidthDots(QrCapacity.Size(version), moduleSize);
        if (widthDots > Profile.PrintableDots)
        {
            var largest = Profile.PrintableDots / (QrCapacity.Size(version) + (2 * QrRaster.QuietZoneModules));
            throw new ArgumentException(
                $"A {data.Length}-byte QR code (version {version}, {QrCapacity.Size(version)} modules plus the quiet zone) at {moduleSize} dots per module is {widthDots} dots wide; printer profile '{Profile.Name}' prints {Profile.PrintableDots}. "
                + (largest >= 1 ? $"Use a module size of at most {largest}." : "Shorten the payload."),
                nameof(moduleSize));
        }

        var symbol = _qrSymbol ??= new QrSymbol();
        QrEncoder.Encode(data, errorCorrection, symbol);
        var raster = new QrRaster(symbol, moduleSize);

        EnsureLineStart();
        var bytesPerRow = raster.BytesPerRow;
        for (var row = 0; row < raster.HeightDots; row += Profile.RasterBandRows)
        {
            var bandRows = Math.Min(Profile.RasterBandRows, raster.HeightDots - row);
            var bandLength = bandRows * bytesPerRow;
            var span = _output.GetSpan(8 + bandLength);
            span[0] = Gs;
            span[1] = (byte)'v';
            span[2] = (byte)'0';
            span[3] = 0;
            span[4] = (byte)(bytesPerRow & 0xFF);
            span[5] = (byte)(bytesPerRow >> 8);
            span[6] = (byte)(bandRows & 0xFF);
            span[7] = (byte)(bandRows >> 8);
            for (var i = 0; i < bandRows; i++)
            {
                var destination = span.Slice(8 + (i * bytesPerRow), bytesPerRow);
                if (i > 0 && raster.SameModuleRow(row + i - 1, row + i))
                {
                    // Every module is moduleSize dots tall: repeat the row above instead of rendering it again.
                    span.Slice(8 + ((i - 1) * bytesPerRow), bytesPerRow).CopyTo(destination);
                }
                else
                {
                    raster.RenderRow(row + i, destination);
                }
            }

            _output.Advance(8 + bandLength);
        }

        return this;
    }

    private static string TooLargeMessage(int payloadBytes, QrErrorCorrection errorCorrection) =>
        $"The QR payload is {payloadBytes} bytes; at error-correction level {errorCorrection} a QR code (version 40) holds at most {QrCapacity.MaxPayloadBytes(QrCapacity.MaxVersion, errorCorrection)}.";
}
