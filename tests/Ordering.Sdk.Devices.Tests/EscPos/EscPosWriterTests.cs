using FsCheck;
using FsCheck.Xunit;
using Ordering.Sdk.Devices.EscPos;
using static Ordering.Sdk.Devices.Tests.EscPos.EscPosTestHelper;

namespace Ordering.Sdk.Devices.Tests.EscPos;

// Byte-exact expectations come from the Epson ESC/POS command reference (see reference/escpos-and-devices.md §1).
public sealed class EscPosWriterTests
{
    [Fact]
    public void Initialize_WritesEscAt() => Assert.Equal(Hex("1B 40"), Write(w => w.Initialize()));

    [Theory]
    [InlineData(true, "1B 45 01")]
    [InlineData(false, "1B 45 00")]
    public void Bold_WritesEscE(bool on, string hex) => Assert.Equal(Hex(hex), Write(w => w.Bold(on)));

    [Fact]
    public void Underline_WritesEscDashAndFsDash() =>
        Assert.Equal(Hex("1B 2D 02 1C 2D 02"), Write(w => w.Underline(UnderlineMode.Thick)));

    [Theory]
    [InlineData(TextAlignment.Left, "1B 61 00")]
    [InlineData(TextAlignment.Center, "1B 61 01")]
    [InlineData(TextAlignment.Right, "1B 61 02")]
    public void Align_WritesEscA(TextAlignment alignment, string hex) => Assert.Equal(Hex(hex), Write(w => w.Align(alignment)));

    [Theory]
    [InlineData(1, 1, "1D 21 00")]
    [InlineData(2, 2, "1D 21 11")]
    [InlineData(1, 2, "1D 21 01")]
    [InlineData(2, 1, "1D 21 10")]
    [InlineData(8, 8, "1D 21 77")]
    public void Size_WritesGsBangWithWidthInHighNibble(int width, int height, string hex) =>
        Assert.Equal(Hex(hex), Write(w => w.Size(width, height)));

    [Fact]
    public void Size_OutOfRange_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Write(w => w.Size(9, 1)));

    [Fact]
    public void Text_ChineseOnEpson_EntersChineseModeOnceThenWritesGb18030()
    {
        var bytes = Write(w => w.Text("宫保鸡丁").Text("加菜"), PrinterProfile.EpsonCompatible80);
        Assert.Equal(Hex("1C 26 B9 AC B1 A3 BC A6 B6 A1 BC D3 B2 CB"), bytes);
    }

    [Fact]
    public void Text_ChineseOnCloneWithChineseModeAtPowerOn_SendsNoFsAmpersand() =>
        Assert.Equal(Hex("B9 AC B1 A3 BC A6 B6 A1"), Write(w => w.Text("宫保鸡丁")));

    [Fact]
    public void Text_AsciiOnEpson_StaysOutOfChineseMode() =>
        Assert.Equal("A1 x"u8.ToArray(), Write(w => w.Text("A1 x"), PrinterProfile.EpsonCompatible80));

    [Fact]
    public void ExitChineseMode_WritesFsDot_AndNextChineseTextReentersIt()
    {
        var bytes = Write(w => w.ExitChineseMode().Text("加"));
        Assert.Equal(Hex("1C 2E 1C 26 BC D3"), bytes);
    }

    [Theory]
    [InlineData("\u00A5", "A3 A4")] // ¥ → ￥, never the 4-byte 81 30 84 36 that prints as "0 6"
    [InlineData("\u2022", "A1 A4")] // • → ·
    [InlineData("\u2122", "54 4D")] // ™ → TM
    [InlineData("\u00BD", "31 2F 32")] // ½ → 1/2
    [InlineData("\U0001F600", "3F")] // emoji → ?
    [InlineData("a\nb\u001Bc\td", "61 20 62 20 63 20 64")] // controls → space, never a command
    [InlineData("\u0085", "20")] // C1 control → space
    public void Text_UnprintableCharacters_AreReplacedAsDocumented(string text, string hex) =>
        Assert.Equal(Hex(hex), Write(w => w.Text(text)));

    [Fact]
    public void Text_LoneSurrogate_BecomesQuestionMark() => Assert.Equal(Hex("41 3F 42"), Write(w => w.Text("A\uD800B")));

    [Property(MaxTest = 300)]
    public void Text_AnyString_NeverEmitsControlBytes_AndWidthEqualsByteCount(string? text)
    {
        text ??= string.Empty;
        var bytes = Write(w => w.Text(text));
        Assert.DoesNotContain(bytes, b => b < 0x20 || b == 0x7F);
        Assert.Equal(bytes.Length, EscPosWriter.MeasureWidth(text));
    }

    [Fact]
    public void MeasureWidth_CountsChineseAsTwoColumns() => Assert.Equal(8 + 5, EscPosWriter.MeasureWidth("宫保鸡丁12.00"));

    [Fact]
    public void NewLineAndFeed_WriteLfAndEscD() => Assert.Equal(Hex("0A 1B 64 03"), Write(w => w.NewLine().Feed(3)));

    [Fact]
    public void Row_FillsExactlyTheLineWidth()
    {
        var bytes = Write(w => w.Row("宫保鸡丁", "12.00"));
        Assert.Equal(49, bytes.Length); // 48 columns + LF; each Chinese character is 2 bytes = 2 columns
        Assert.Equal("12.00\n"u8.ToArray(), bytes[^6..]);
    }

    [Fact]
    public void Row_AtDoubleWidth_UsesHalfTheColumns()
    {
        var bytes = Write(w => w.Size(2, 2).Row("A", "B"));
        Assert.Equal(3 + 24 + 1, bytes.Length);
    }

    [Fact]
    public void Row_LayoutWiderThanPaper_ThrowsNamingTheProfile()
    {
        var ex = Assert.Throws<ArgumentException>(() => Write(w => w.Row(new ColumnLayout(20, 6, 10), "a", "b", "c"), PrinterProfile.ChineseClone58));
        Assert.Contains("chinese-clone-58", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Row_LongFirstColumn_WrapsWithinTheColumn()
    {
        var text = new string('菜', 20); // 40 columns into a 30-column cell → two lines
        var bytes = Write(w => w.Row(new ColumnLayout(30, 6, 10), text, "x2", "100.00"));
        var lines = SplitLines(bytes);
        Assert.Equal(2, lines.Count);
        Assert.Equal(48, lines[0].Length);
        Assert.EndsWith("100.00", System.Text.Encoding.ASCII.GetString(lines[0]), StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public void Row_AnyText_NoLineIsWiderThanThePaper(NonNull<string> left, NonNull<string> right, bool narrow)
    {
        var profile = narrow ? PrinterProfile.ChineseClone58 : PrinterProfile.ChineseClone80;
        var layout = new ColumnLayout(profile.Columns - 11, 10);
        var bytes = Write(w => w.Row(layout, left.Get, right.Get, default), profile);
        Assert.All(SplitLines(bytes), line => Assert.True(line.Length <= profile.Columns, $"line of {line.Length} bytes"));
    }

    [Fact]
    public void Separator_FillsTheLine() => Assert.Equal(33, Write(w => w.Separator('='), PrinterProfile.ChineseClone58).Length);

    [Fact]
    public void QrCode_WritesModelSizeLevelStoreAndPrint()
    {
        var bytes = Write(w => w.QrCode("https://a.cn/p?o=1"u8, 6, QrErrorCorrection.Medium));
        var expected = Hex("1D 28 6B 04 00 31 41 32 00  1D 28 6B 03 00 31 43 06  1D 28 6B 03 00 31 45 31  1D 28 6B 15 00 31 50 30")
            .Concat("https://a.cn/p?o=1"u8.ToArray())
            .Concat(Hex("1D 28 6B 03 00 31 51 30"));
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void QrCode_LengthCountsUtf8BytesNotCharacters()
    {
        var bytes = Write(w => w.QrCode("点餐"));
        Assert.Equal(0x06 + 3, bytes[28]); // pL = 6 UTF-8 bytes + 3
    }

    [Fact]
    public void QrCode_PayloadTooLargeForProfile_ThrowsWithSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Write(w => w.QrCode(new byte[1021])));
        Assert.Contains("1021", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1020", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QrCode_ProfileWithoutQr_ThrowsNotSupported()
    {
        var profile = new PrinterProfile(PrinterProfile.ChineseClone58) { QrCodes = QrSupport.None };
        Assert.Throws<NotSupportedException>(() => Write(w => w.QrCode("x"u8), profile));
    }

    [Fact]
    public void Code128_SubsetB_EscapesBraceAndSetsHeightWidthHri() =>
        Assert.Equal(
            Hex("1D 68 50 1D 77 02 1D 48 02 1D 6B 49 07 7B 42 41 42 7B 7B 31"),
            Write(w => w.Code128("AB{1")));

    [Fact]
    public void Code128_SubsetC_PacksDigitPairs() =>
        Assert.Equal(
            Hex("1D 68 40 1D 77 03 1D 48 00 1D 6B 49 05 7B 43 0C 22 38"),
            Write(w => w.Code128("123456", Code128Subset.C, 64, 3, BarcodeTextPosition.None)));

    [Theory]
    [InlineData("12345", Code128Subset.C)]
    [InlineData("12a4", Code128Subset.C)]
    [InlineData("abc", Code128Subset.A)]
    [InlineData("价", Code128Subset.B)]
    [InlineData("", Code128Subset.B)]
    public void Code128_InvalidData_Throws(string data, Code128Subset subset) =>
        Assert.Throws<ArgumentException>(() => Write(w => w.Code128(data, subset)));

    [Fact]
    public void RasterImage_IsSplitIntoBandsOfTheProfile()
    {
        var profile = new PrinterProfile(PrinterProfile.ChineseClone58) { RasterBandRows = 2 };
        var rows = new byte[] { 0xFF, 0x80, 0x01, 0x02, 0x03, 0x04 }; // 16 dots wide = 2 bytes/row, 3 rows
        var bytes = Write(w => w.RasterImage(rows, 16, 3), profile);
        Assert.Equal(Hex("1D 76 30 00 02 00 02 00 FF 80 01 02  1D 76 30 00 02 00 01 00 03 04"), bytes);
    }

    [Fact]
    public void RasterImage_WiderThanPaper_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Write(w => w.RasterImage(new byte[49], 392, 1), PrinterProfile.ChineseClone58));

    [Fact]
    public void Cut_AfterText_EndsTheLineFirst() => Assert.Equal(Hex("41 0A 1D 56 42 00"), Write(w => w.Text("A").Cut()));

    [Theory]
    [InlineData(CutStyle.FeedThenFull, "1D 56 41 00")]
    [InlineData(CutStyle.Partial, "1D 56 01")]
    [InlineData(CutStyle.Full, "1D 56 00")]
    public void Cut_UsesTheProfileCommand(CutStyle style, string hex) =>
        Assert.Equal(Hex(hex), Write(w => w.Cut(), new PrinterProfile { Cut = style }));

    [Fact]
    public void PulseDrawer_WritesEscPInTwoMillisecondUnits() =>
        Assert.Equal(Hex("1B 70 01 3C F0"), Write(w => w.PulseDrawer(CashDrawerPin.Pin5, 120, 480)));

    [Fact]
    public void Beep_DependsOnTheProfileDialect()
    {
        Assert.Equal(Hex("1B 42 03 02"), Write(w => w.Beep(3, 2), PrinterProfile.ChineseClone80));
        Assert.Equal(Hex("1B 28 41 04 00 30 31 03 02"), Write(w => w.Beep(3, 2), PrinterProfile.EpsonCompatible80));
        Assert.Empty(Write(w => w.Beep(3, 2), PrinterProfile.ChineseClone58));
    }

    [Fact]
    public void RequestCompletion_DependsOnTheProfileSignal()
    {
        Assert.Equal(Hex("1D 28 48 06 00 30 30 41 42 43 44"), Write(w => w.RequestCompletion("ABCD"u8), PrinterProfile.EpsonCompatible80));
        Assert.Equal(Hex("1D 72 01"), Write(w => w.RequestCompletion("ABCD"u8), PrinterProfile.ChineseClone80));
        Assert.Throws<ArgumentException>(() => Write(w => w.RequestCompletion("AB\u0001D"u8.ToArray())));
    }

    [Fact]
    public void EnableAutomaticStatusBack_WritesGsAFf() => Assert.Equal(Hex("1D 61 FF"), Write(w => w.EnableAutomaticStatusBack()));

    [Fact]
    public void Profile_Invalid_ReportsEveryProblem()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new PrinterProfile { Columns = 4, MaxQrDataBytes = 0 }.Validate());
        Assert.Equal(2, ex.Failures.Count);
    }

    private static List<byte[]> SplitLines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0x0A)
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        return lines;
    }
}
