using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.EscPos.Qr;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using ZXing.QrCode.Internal;

namespace Ordering.Sdk.Devices.Tests.EscPos.Qr;

// Decodes symbols with ZXing.Net, an independent implementation, so a round trip proves the encoder follows the standard.
internal static class QrTestDecoder
{
    /// <summary>Decodes a module matrix; returns the payload bytes and the level ZXing read from the format information.</summary>
    public static (byte[] Payload, QrErrorCorrection Level) DecodeModules(Func<int, int, bool> isDark, int size)
    {
        var bits = new BitMatrix(size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                bits[x, y] = isDark(x, y);
            }
        }

        var result = new Decoder().decode(bits, null) ?? throw new InvalidOperationException("ZXing could not decode the symbol.");

        // ZXing retries a failed read mirrored; a symbol that only reads mirrored is transposed, which is a bug.
        Assert.False(result.Other is QRCodeDecoderMetaData { IsMirrored: true }, "The symbol only decodes mirrored.");
        return (Payload(result), ParseLevel(result.ECLevel));
    }

    public static (byte[] Payload, QrErrorCorrection Level) DecodeSymbol(QrSymbol symbol) =>
        DecodeModules(symbol.IsDark, symbol.Size);

    /// <summary>Finds and decodes a QR code in a picture, the way a phone camera app would (no hint where it is).</summary>
    public static byte[] DecodePicture(Func<int, int, bool> isBlack, int width, int height)
    {
        var luminance = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                luminance[(y * width) + x] = isBlack(x, y) ? (byte)0 : (byte)255;
            }
        }

        var source = new RGBLuminanceSource(luminance, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints)
            ?? throw new InvalidOperationException("ZXing found no QR code in the picture.");
        return result.ResultMetadata.TryGetValue(ResultMetadataType.BYTE_SEGMENTS, out var segments)
            ? [.. ((IList<byte[]>)segments).SelectMany(s => s)]
            : throw new InvalidOperationException("The QR code has no byte-mode segment.");
    }

    private static byte[] Payload(DecoderResult result) =>
        result.ByteSegments is { Count: > 0 } segments
            ? [.. segments.SelectMany(s => s)]
            : throw new InvalidOperationException("The QR code has no byte-mode segment.");

    private static QrErrorCorrection ParseLevel(string level) => level switch
    {
        "L" => QrErrorCorrection.Low,
        "M" => QrErrorCorrection.Medium,
        "Q" => QrErrorCorrection.Quartile,
        "H" => QrErrorCorrection.High,
        _ => throw new InvalidOperationException($"Unknown level '{level}'."),
    };
}
