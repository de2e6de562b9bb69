using System.Buffers;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Layouts;
using Ordering.Sdk.Testing.Printing;

namespace Ordering.Sdk.Devices.Tests.Layouts;

public sealed class ReceiptLayoutTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Write_DecodesBackToTheReceipt(bool epson)
    {
        var profile = epson ? PrinterProfile.EpsonCompatible80 : PrinterProfile.ChineseClone80;
        var buffer = new ArrayBufferWriter<byte>();
        ReceiptLayout.Write(new EscPosWriter(buffer, profile), SampleData.Receipt());

        var document = Assert.Single(EscPosDecoder.Decode(buffer.WrittenSpan, profile.ChineseModeAtPowerOn));
        Assert.True(document.IsCut);
        Assert.Equal("老王川菜馆", document.Lines[0].Text);
        Assert.Contains(document.Lines, l => l.Text.StartsWith("单号: A0012", StringComparison.Ordinal) && l.Text.EndsWith(" 2026-11-24 12:03", StringComparison.Ordinal));
        Assert.True(document.Lines[0].Bold);
        Assert.Equal(2, document.Lines[0].WidthMultiplier);
        Assert.Contains(document.Lines, l => l.Text.StartsWith("宫保鸡丁", StringComparison.Ordinal) && l.Text.EndsWith("x1      38.00", StringComparison.Ordinal));
        Assert.Contains(document.Lines, l => l.Text.Trim() == "+ 微辣");
        Assert.Contains(document.Lines, l => l.Text.StartsWith("满200减20", StringComparison.Ordinal) && l.Text.EndsWith("-20.00", StringComparison.Ordinal));
        Assert.Contains(document.Lines, l => l.Text.StartsWith("抹零", StringComparison.Ordinal) && l.Text.EndsWith("-4.15", StringComparison.Ordinal));
        Assert.Contains(document.Lines, l => l.Text.StartsWith("合计", StringComparison.Ordinal) && l.Text.EndsWith("250.00", StringComparison.Ordinal) && l.HeightMultiplier == 2);
        Assert.Contains(document.Lines, l => l.Text.StartsWith("找零", StringComparison.Ordinal) && l.Text.EndsWith("50.00", StringComparison.Ordinal));
        Assert.Contains(document.Lines, l => l.Text == "谢谢惠顾 ￥ 欢迎再来");
        Assert.Equal(["https://pay.example.cn/e-invoice?o=A0012&s=88"], document.QrCodes);
        Assert.Equal(["A0012"], document.Barcodes);
        Assert.All(document.Lines, l => Assert.True(EscPosWriter.MeasureWidth(l.Text) * l.WidthMultiplier <= 48, l.Text));
    }

    [Fact]
    public void Write_ProfileWithoutQr_PrintsTheOrderNumberLarge()
    {
        var profile = new PrinterProfile(PrinterProfile.ChineseClone58) { QrCodes = QrSupport.None };
        var buffer = new ArrayBufferWriter<byte>();
        ReceiptLayout.Write(new EscPosWriter(buffer, profile), SampleData.Receipt());

        var document = Assert.Single(EscPosDecoder.Decode(buffer.WrittenSpan));
        Assert.Empty(document.QrCodes);
        Assert.Contains(document.Lines, l => l.Text == "A0012" && l.WidthMultiplier == 2);
        Assert.All(document.Lines, l => Assert.True(EscPosWriter.MeasureWidth(l.Text) * l.WidthMultiplier <= 32, l.Text));
    }

    [Fact]
    public void Write_AfterWarmUp_AllocatesNothing()
    {
        var receipt = SampleData.Receipt();
        var buffer = new ArrayBufferWriter<byte>(8192);
        var writer = new EscPosWriter(buffer, PrinterProfile.ChineseClone80);
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
}
