using System.Buffers;
using System.Text;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.EscPos.Qr;
using Ordering.Sdk.Devices.Layouts;
using Ordering.Sdk.Devices.Tests.EscPos.Qr;
using Ordering.Sdk.Testing.Printing;

namespace Ordering.Sdk.Devices.Tests.Printing;

// The QR-as-image fallback end to end: receipt layout → writer → bytes → virtual printer → picture → modules → ZXing.
public sealed class RasterQrVirtualPrinterTests
{
    [Fact]
    public void ReceiptOn58mmClone_PrintsThePaymentQrAsAnImageThatScans()
    {
        var receipt = SampleData.Receipt();
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new EscPosWriter(buffer, PrinterProfile.ChineseClone58);
        ReceiptLayout.Write(writer, receipt);

        var document = Assert.Single(EscPosDecoder.Decode(buffer.WrittenSpan));
        Assert.True(document.IsCut);
        Assert.Empty(document.QrCodes); // nothing native
        var image = Assert.Single(document.RasterImages);
        Assert.Equal(TextAlignment.Center, image.Alignment);
        Assert.True(image.WidthDots <= PrinterProfile.ChineseClone58.PrintableDots);
        Assert.True(image.Bands >= 2, "the 58 mm profile's 128-row bands are joined back into one picture");

        // Downsampled back to modules, the picture is exactly the encoder's matrix...
        var symbol = writer.LastQrSymbol!;
        var modules = Downsample(image, out var size);
        Assert.Equal(symbol.Size, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                Assert.True(symbol.IsDark(x, y) == modules[x, y], $"module ({x}, {y})");
            }
        }

        // ...and both the modules and the whole picture scan.
        Assert.Equal(receipt.PaymentQr, Encoding.UTF8.GetString(QrTestDecoder.DecodeModules((x, y) => modules[x, y], size).Payload));
        Assert.Equal(receipt.PaymentQr, Encoding.UTF8.GetString(QrTestDecoder.DecodePicture(image.IsBlack, image.WidthDots, image.HeightDots)));

        // The order number still prints (as a barcode), not as the large-text fallback.
        Assert.Equal(["A0012"], document.Barcodes);
        Assert.DoesNotContain(document.Lines, l => l.Text == "A0012" && l.WidthMultiplier == 2);
    }

    [Fact]
    public void ReceiptOn58mmClone_LongPayload_ShrinksModulesToFitThePaper()
    {
        var receipt = SampleData.Receipt();
        var longUrl = "https://pay.example.cn/e-invoice?o=A0012&s=88&sig=" + new string('a', 200);
        var buffer = new ArrayBufferWriter<byte>();
        ReceiptLayout.Write(new EscPosWriter(buffer, PrinterProfile.ChineseClone58), WithQr(receipt, longUrl));

        var image = Assert.Single(Assert.Single(EscPosDecoder.Decode(buffer.WrittenSpan)).RasterImages);
        Assert.True(image.WidthDots <= 384);
        Assert.Equal(longUrl, Encoding.UTF8.GetString(QrTestDecoder.DecodePicture(image.IsBlack, image.WidthDots, image.HeightDots)));
    }

    [Fact]
    public void ReceiptWithRasterQr_AfterWarmUp_AllocatesNothing()
    {
        var receipt = SampleData.Receipt();
        var buffer = new ArrayBufferWriter<byte>(65536);
        var writer = new EscPosWriter(buffer, PrinterProfile.ChineseClone58);
        for (var i = 0; i < 3; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            ReceiptLayout.Write(writer, receipt);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            ReceiptLayout.Write(writer, receipt);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void VirtualPrinter_BandsSeparatedByText_AreSeparateImages()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new EscPosWriter(buffer, PrinterProfile.ChineseClone80);
        writer.RasterImage(new byte[2 * 3], 16, 3).Line("between").RasterImage(new byte[2 * 3], 16, 3).RasterImage([0x80, 0, 0, 0], 16, 2).Cut();

        var document = Assert.Single(EscPosDecoder.Decode(buffer.WrittenSpan));

        Assert.Equal(3, document.Images);
        Assert.Equal(2, document.RasterImages.Count);
        Assert.Equal(3, document.RasterImages[0].HeightDots);
        Assert.Equal(5, document.RasterImages[1].HeightDots);
        Assert.Equal(2, document.RasterImages[1].Bands);
        Assert.True(document.RasterImages[1].IsBlack(0, 3));
        Assert.False(document.RasterImages[1].IsBlack(1, 3));
    }

    private static Receipt WithQr(Receipt receipt, string qr) => new(receipt.StoreName, receipt.OrderNumber, receipt.PrintedAt, receipt.Lines, receipt.Total)
    {
        HeaderLines = receipt.HeaderLines,
        PaymentQr = qr,
    };

    // Recovers the module grid from the picture alone: the top-left finder's first row is 7 modules of black.
    private static bool[,] Downsample(PrintedImage image, out int size)
    {
        int top = -1, left = int.MaxValue, right = -1;
        for (var y = 0; y < image.HeightDots; y++)
        {
            for (var x = 0; x < image.WidthDots; x++)
            {
                if (image.IsBlack(x, y))
                {
                    top = top < 0 ? y : top;
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                }
            }
        }

        var run = 0;
        while (image.IsBlack(left + run, top))
        {
            run++;
        }

        var moduleSize = run / 7;
        size = (right - left + 1) / moduleSize;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[x, y] = image.IsBlack(left + (x * moduleSize) + (moduleSize / 2), top + (y * moduleSize) + (moduleSize / 2));
            }
        }

        return modules;
    }
}
