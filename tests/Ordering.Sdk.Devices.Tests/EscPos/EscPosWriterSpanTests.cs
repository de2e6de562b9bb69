using System.Buffers;
using FsCheck;
using FsCheck.Xunit;
using Ordering.Sdk.Devices.EscPos;

namespace Ordering.Sdk.Devices.Tests.EscPos;

public sealed class EscPosWriterSpanTests
{
    // Substitutes wider than a 2-column cell, surrogates, controls and CJK, so the per-line span bound is tested at its edge.
    private static readonly string[] Pieces = ["宫保鸡丁", "©", "®", "½", "¥", "•", "™", "\u00A0", "🍺", "\uD800", "\t", "\u0085", "x", "12.00", " ", "（大份）", "ｶ"];

    [Property(MaxTest = 200)]
    public void Row_AnyText_IntoExactSpans_EqualsTheContiguousOutput(int[] firstPieces, int[] secondPieces, int[] thirdPieces, bool narrow)
    {
        var profile = narrow ? PrinterProfile.ChineseClone58 : PrinterProfile.EpsonCompatible80;
        var layout = narrow ? new ColumnLayout(26, 2, 2) : new ColumnLayout(30, 6, 10);
        var first = Compose(firstPieces);
        var second = Compose(secondPieces);
        var third = Compose(thirdPieces);
        var exact = new ExactSpanBufferWriter();
        var contiguous = new ArrayBufferWriter<byte>();

        new EscPosWriter(exact, profile).Row(layout, first, second, third).Text(first).Row(first, "x2");
        new EscPosWriter(contiguous, profile).Row(layout, first, second, third).Text(first).Row(first, "x2");

        Assert.Equal(Convert.ToHexString(contiguous.WrittenSpan), Convert.ToHexString(exact.Written));
    }

    [Fact]
    public void Row_OneLine_TakesOneSpan()
    {
        var output = new ExactSpanBufferWriter();

        new EscPosWriter(output, PrinterProfile.ChineseClone80).Row(new ColumnLayout(30, 6, 10), "宫保鸡丁", "x1", "38.00");

        Assert.Equal(1, output.GetSpanCalls);
        Assert.Equal(49, output.Written.Length);
    }

    [Theory]
    [InlineData(Code128Subset.B, "A0012")]
    [InlineData(Code128Subset.A, "AB_")]
    [InlineData(Code128Subset.B, "x{y")]
    [InlineData(Code128Subset.C, "0012")]
    public void Code128_IntoASpanOfExactlyTheRequestedSize_WritesTheWholeCommand(Code128Subset subset, string data)
    {
        // It used to ask for one byte less than it wrote: fine in a roomy buffer, an exception at a segment's end.
        var exact = new ExactSpanBufferWriter();
        var contiguous = new ArrayBufferWriter<byte>();

        new EscPosWriter(exact, PrinterProfile.ChineseClone80).Code128(data, subset);
        new EscPosWriter(contiguous, PrinterProfile.ChineseClone80).Code128(data, subset);

        Assert.Equal(Convert.ToHexString(contiguous.WrittenSpan), Convert.ToHexString(exact.Written));
    }

    private static string Compose(int[]? pieces) =>
        pieces is null ? string.Empty : string.Concat(pieces.Select(p => Pieces[(int)((uint)p % (uint)Pieces.Length)]));
}
