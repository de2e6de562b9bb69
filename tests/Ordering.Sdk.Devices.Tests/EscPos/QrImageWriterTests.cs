using System.Buffers;
using System.Text;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.EscPos.Qr;
using Ordering.Sdk.Devices.Tests.EscPos.Qr;

namespace Ordering.Sdk.Devices.Tests.EscPos;

public sealed class QrImageWriterTests
{
    private static readonly PrinterProfile Raster80 = new(PrinterProfile.ChineseClone80) { Name = "raster-80", QrCodes = QrSupport.RasterImage };

    [Fact]
    public void Presets_58mmCloneRendersQrAsImage_OthersNatively()
    {
        Assert.Equal(QrSupport.RasterImage, PrinterProfile.ChineseClone58.QrCodes);
        Assert.Equal(QrSupport.Native, PrinterProfile.ChineseClone80.QrCodes);
        Assert.Equal(QrSupport.Native, PrinterProfile.EpsonCompatible80.QrCodes);
    }

    [Fact]
    public void QrCode_RasterProfile_WritesGsV0BandsOfTheScaledSymbolAndNoGsParenK()
    {
        var payload = "https://pay.example.cn/e-invoice?o=A0012&s=88"u8.ToArray();
        var bytes = EscPosTestHelper.Write(w => w.QrCode(payload.AsSpan(), moduleSize: 4), Raster80);

        // 45 bytes at M = version 4 (33 modules; version 3 holds 42) + 2 x 4 quiet modules = 41 modules x 4 dots = 164 dots = 21 bytes a row.
        Assert.Equal([0x1D, (byte)'v', (byte)'0', 0, 21, 0, 164, 0], bytes[..8]);
        Assert.Equal(8 + (21 * 164), bytes.Length);
        Assert.False(bytes.AsSpan().IndexOf("\u001D(k"u8) >= 0);

        // The quiet zone: the first 16 rows are white.
        Assert.All(bytes[8..(8 + (16 * 21))], b => Assert.Equal(0, b));
        Assert.NotEqual(0, bytes[8 + (16 * 21) + 2]);
    }

    [Fact]
    public void QrCode_RasterImage_SplitsIntoTheProfilesBands()
    {
        var profile = new PrinterProfile(Raster80) { RasterBandRows = 100 };
        var bytes = EscPosTestHelper.Write(w => w.QrCode("A0012", moduleSize: 8), profile);

        // Version 1: (21 + 8) x 8 = 232 rows → bands of 100, 100, 32; 29 bytes a row.
        Assert.Equal(3 * 8 + (29 * 232), bytes.Length);
        Assert.Equal([0x1D, (byte)'v', (byte)'0', 0, 29, 0, 100, 0], bytes[..8]);
        Assert.Equal([0x1D, (byte)'v', (byte)'0', 0, 29, 0, 32, 0], bytes[(2 * (8 + (29 * 100)))..][..8]);
    }

    [Fact]
    public void QrCode_RasterImage_PicturesDecodeInZxing()
    {
        var text = "扫码点餐 · 老王川菜馆 A12 桌 https://pay.example.cn/o/A0012";
        var bytes = EscPosTestHelper.Write(w => w.QrCode(text, moduleSize: 3, QrErrorCorrection.High), Raster80);
        int bytesPerRow = bytes[4], rows = bytes[6] + (bytes[7] << 8);
        var image = bytes.AsSpan(8).ToArray();

        var decoded = QrTestDecoder.DecodePicture((x, y) => (image[(y * bytesPerRow) + (x >> 3)] & (0x80 >> (x & 7))) != 0, bytesPerRow * 8, rows);

        Assert.Equal(text, Encoding.UTF8.GetString(decoded));
    }

    [Fact]
    public void QrCode_RasterSymbolWiderThanThePaper_NamesModuleSizeAndWritesNothing()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new EscPosWriter(buffer, PrinterProfile.ChineseClone58);
        var payload = new string('x', 200); // version 10 at M: (57 + 8) x 6 = 390 dots > 384

        var error = Assert.Throws<ArgumentException>(() => writer.QrCode(payload, moduleSize: 6));

        Assert.Equal("moduleSize", error.ParamName);
        Assert.Contains("384", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 5", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, buffer.WrittenCount);
        writer.QrCode(payload, moduleSize: 5);
        Assert.True(buffer.WrittenCount > 0);
    }

    [Fact]
    public void QrCode_RasterPayloadBeyondVersion40_IsRefusedWithoutBytes()
    {
        var profile = new PrinterProfile(Raster80) { MaxQrDataBytes = 7089, PrintableDots = 2048 };
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new EscPosWriter(buffer, profile);

        var error = Assert.Throws<ArgumentException>(() => writer.QrCode(new byte[2954], 1, QrErrorCorrection.Low));
        var textError = Assert.Throws<ArgumentException>(() => writer.QrCode(new string('字', 778), 1)); // 2334 bytes > 2331 at M

        Assert.Equal("data", error.ParamName);
        Assert.Contains("2953", error.Message, StringComparison.Ordinal);
        Assert.Equal("text", textError.ParamName);
        Assert.Contains("2331", textError.Message, StringComparison.Ordinal);
        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void QrCode_RasterPayloadBeyondTheProfileLimit_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => EscPosTestHelper.Write(w => w.QrCode(new string('a', 1021)), Raster80));
        Assert.Equal("text", error.ParamName);
        Assert.Contains("1020", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QrCode_NoQrSupport_StillRefuses() =>
        Assert.Throws<NotSupportedException>(() => EscPosTestHelper.Write(w => w.QrCode("A0012"), new PrinterProfile(Raster80) { QrCodes = QrSupport.None }));

    [Fact]
    public void QrCode_RasterImage_SymbolMatchesTheEncoder()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new EscPosWriter(buffer, Raster80);
        writer.QrCode("A0012", moduleSize: 2, QrErrorCorrection.Quartile);
        var symbol = writer.LastQrSymbol!;
        var bytes = buffer.WrittenSpan.ToArray();
        int bytesPerRow = bytes[4];
        var padding = ((bytesPerRow * 8) - ((symbol.Size + 8) * 2)) / 2;

        for (var y = 0; y < symbol.Size; y++)
        {
            for (var x = 0; x < symbol.Size; x++)
            {
                // Centre dot of module (x, y), past the padding and the 4-module quiet zone.
                int px = padding + ((x + 4) * 2) + 1, py = ((y + 4) * 2) + 1;
                var black = (bytes[8 + (py * bytesPerRow) + (px >> 3)] & (0x80 >> (px & 7))) != 0;
                Assert.Equal(symbol.IsDark(x, y), black);
            }
        }
    }

    [Fact]
    public void QrCode_RasterImage_AfterWarmUp_AllocatesNothing()
    {
        var buffer = new ArrayBufferWriter<byte>(65536);
        var writer = new EscPosWriter(buffer, PrinterProfile.ChineseClone58);
        void Print()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.QrCode("https://pay.example.cn/e-invoice?o=A0012&s=88").QrCode("扫码点餐 A0012"u8, 4, QrErrorCorrection.High);
        }

        Print();
        Print();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            Print();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void LargestModuleSize_IsTheLargestThatFits()
    {
        // 45 bytes at M = version 4: 41 modules with the quiet zone; 384 / 41 = 9.
        Assert.Equal(9, QrRaster.LargestModuleSize(45, QrErrorCorrection.Medium, 384));
        Assert.Equal(10, QrRaster.LargestModuleSize(42, QrErrorCorrection.Medium, 384));
        Assert.Equal(0, QrRaster.LargestModuleSize(3000, QrErrorCorrection.Low, 2048));
    }
}
