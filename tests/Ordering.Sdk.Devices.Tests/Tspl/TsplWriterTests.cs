using System.Buffers;
using System.Text;
using Ordering.Sdk.Devices.Layouts;
using Ordering.Sdk.Devices.Tspl;

namespace Ordering.Sdk.Devices.Tests.Tspl;

public sealed class TsplWriterTests
{
    private static readonly Encoding Gb = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    [Fact]
    public void Commands_AreWrittenAsTsplLines()
    {
        var text = Write(w => w.Size(40, 30).Gap(2).Clear().QrCode(10, 10, "https://a.cn", 5, Ordering.Sdk.Devices.EscPos.QrErrorCorrection.Low).Code128(10, 120, "A0012", 40).Print(1, 2));
        Assert.Equal(
            "SIZE 40 mm,30 mm\r\nGAP 2 mm,0 mm\r\nCLS\r\nQRCODE 10,10,L,5,A,0,\"https://a.cn\"\r\nBARCODE 10,120,\"128\",40,1,0,2,2,\"A0012\"\r\nPRINT 1,2\r\n",
            text);
    }

    [Fact]
    public void Text_ChineseIsGb18030_AndQuotesOrControlsCannotEndTheCommand()
    {
        var buffer = new ArrayBufferWriter<byte>();
        new TsplWriter(buffer).Text(16, 8, TsplWriter.SimplifiedChinese24, "杨枝\"甘露\r\nX", 2);
        var expected = Gb.GetBytes("TEXT 16,8,\"TSS24.BF2\",0,2,2,\"杨枝'甘露  X\"\r\n");
        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData("a\"b")]
    [InlineData("")]
    [InlineData("点餐")]
    public void QrCode_InvalidContent_Throws(string content) =>
        Assert.Throws<ArgumentException>(() => Write(w => w.QrCode(0, 0, content)));

    [Fact]
    public void TakeawayLabel_PrintsNumberItemModifiersAndPrint()
    {
        var label = new TakeawayLabel("A0012", "杨枝甘露", 1, 3, SampleData.Noon) { Modifiers = ["少冰", "七分糖"], StoreName = "茶点" };
        var buffer = new ArrayBufferWriter<byte>();
        TakeawayLabelLayout.Write(new TsplWriter(buffer), label);
        var text = Gb.GetString(buffer.WrittenSpan);
        Assert.StartsWith("SIZE 40 mm,30 mm\r\nGAP 2 mm,0 mm\r\nCLS\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"#A0012  1/3\"", text, StringComparison.Ordinal);
        Assert.Contains("\"杨枝甘露\"", text, StringComparison.Ordinal);
        Assert.Contains("\"少冰 七分糖\"", text, StringComparison.Ordinal);
        Assert.EndsWith("PRINT 1,1\r\n", text, StringComparison.Ordinal);
    }

    private static string Write(Action<TsplWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new TsplWriter(buffer));
        return Encoding.ASCII.GetString(buffer.WrittenSpan);
    }
}
