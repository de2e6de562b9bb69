using System.Buffers;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Layouts;

namespace Ordering.Sdk.Benchmarks.Devices;

// A typical 80 mm Chinese receipt (10 lines, QR, barcode, cut): the pooled IBufferWriter path against the
// straightforward builder peer libraries use (a new byte[] per command, strings padded and encoded per line).
[MemoryDiagnoser]
public class ReceiptEncodingBenchmark
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16384);
    private Receipt _receipt = null!;
    private EscPosWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _receipt = ReceiptSample.Create();
        _writer = new EscPosWriter(_buffer, PrinterProfile.ChineseClone80);
    }

    [Benchmark(Baseline = true)]
    public int ByteArrayPerCommand() => NaiveReceiptBuilder.Build(_receipt).Length;

    [Benchmark]
    public int PooledBufferWriter()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        ReceiptLayout.Write(_writer, _receipt);
        return _buffer.WrittenCount;
    }
}

internal static class ReceiptSample
{
    public static Receipt Create() => new(
        "老王川菜馆",
        "A0012",
        new DateTimeOffset(2026, 11, 24, 12, 3, 0, TimeSpan.FromHours(8)),
        [
            new ReceiptLine("宫保鸡丁", 1, Money.Fen(3800), ["微辣"]),
            new ReceiptLine("鱼香肉丝", 2, Money.Fen(6400)),
            new ReceiptLine("麻婆豆腐", 1, Money.Fen(2200), ["不要葱"]),
            new ReceiptLine("酸辣土豆丝", 1, Money.Fen(1600)),
            new ReceiptLine("米饭", 4, Money.Fen(800)),
            new ReceiptLine("可乐 330ml", 2, Money.Fen(1000)),
            new ReceiptLine("水煮牛肉（大份）", 1, Money.Fen(6800)),
            new ReceiptLine("蒜蓉西兰花", 1, Money.Fen(1800)),
            new ReceiptLine("红糖糍粑", 1, Money.Fen(1500)),
            new ReceiptLine("酸梅汤", 3, Money.Fen(1800)),
        ],
        Money.Fen(25000))
    {
        HeaderLines = ["成都市武侯区人民南路 88 号", "电话 028-88888888"],
        Table = "A12",
        Adjustments = [new ReceiptAmountLine("满200减20", Money.Fen(-2000)), new ReceiptAmountLine("会员9.5折", Money.Fen(-1085))],
        Fees = [new ReceiptAmountLine("茶位费", Money.Fen(800))],
        Rounding = Money.Fen(-415),
        Tenders = [new ReceiptAmountLine("微信支付", Money.Fen(25000))],
        PaymentQr = "https://pay.example.cn/e-invoice?o=A0012&s=88",
        FooterLines = ["谢谢惠顾 欢迎再来"],
    };
}

// The baseline: what a straightforward builder does — every command a new array, every line a new string.
internal static class NaiveReceiptBuilder
{
    private static readonly Encoding Gb = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    public static byte[] Build(Receipt r)
    {
        var parts = new List<byte[]>
        {
            new byte[] { 0x1B, 0x40 },
            new byte[] { 0x1B, 0x61, 1 },
            new byte[] { 0x1B, 0x45, 1 },
            new byte[] { 0x1D, 0x21, 0x11 },
            Gb.GetBytes(r.StoreName + "\n"),
            new byte[] { 0x1D, 0x21, 0x00 },
            new byte[] { 0x1B, 0x45, 0 },
        };
        foreach (var h in r.HeaderLines)
        {
            parts.Add(Gb.GetBytes(h + "\n"));
        }

        parts.Add(new byte[] { 0x1B, 0x61, 0 });
        parts.Add(Gb.GetBytes(new string('-', 48) + "\n"));
        parts.Add(Gb.GetBytes(Pad("单号: " + r.OrderNumber, r.PrintedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))));
        parts.Add(Gb.GetBytes("桌号: " + r.Table + "\n"));
        parts.Add(Gb.GetBytes(new string('-', 48) + "\n"));
        var subtotal = 0L;
        foreach (var line in r.Lines)
        {
            subtotal += line.Amount.MinorUnits;
            parts.Add(Gb.GetBytes(Pad(line.Name, "x" + line.Quantity.ToString(CultureInfo.InvariantCulture) + "  " + Yuan(line.Amount.MinorUnits))));
            foreach (var m in line.Modifiers)
            {
                parts.Add(Gb.GetBytes("  + " + m + "\n"));
            }
        }

        parts.Add(Gb.GetBytes(new string('-', 48) + "\n"));
        parts.Add(Gb.GetBytes(Pad("小计", Yuan(subtotal))));
        foreach (var a in r.Adjustments.Concat(r.Fees))
        {
            parts.Add(Gb.GetBytes(Pad(a.Label, Yuan(a.Amount.MinorUnits))));
        }

        parts.Add(Gb.GetBytes(Pad("抹零", Yuan(r.Rounding.MinorUnits))));
        parts.Add(new byte[] { 0x1D, 0x21, 0x01 });
        parts.Add(Gb.GetBytes(Pad("合计", Yuan(r.Total.MinorUnits))));
        parts.Add(new byte[] { 0x1D, 0x21, 0x00 });
        foreach (var t in r.Tenders)
        {
            parts.Add(Gb.GetBytes(Pad(t.Label, Yuan(t.Amount.MinorUnits))));
        }

        parts.Add(new byte[] { 0x1B, 0x61, 1 });
        var qr = Encoding.UTF8.GetBytes(r.PaymentQr!);
        parts.Add(new byte[] { 0x1D, 0x28, 0x6B, 4, 0, 49, 65, 50, 0 });
        parts.Add(new byte[] { 0x1D, 0x28, 0x6B, 3, 0, 49, 67, 6 });
        parts.Add(new byte[] { 0x1D, 0x28, 0x6B, 3, 0, 49, 69, 49 });
        parts.Add(new byte[] { 0x1D, 0x28, 0x6B, (byte)(qr.Length + 3), 0, 49, 80, 48 });
        parts.Add(qr);
        parts.Add(new byte[] { 0x1D, 0x28, 0x6B, 3, 0, 49, 81, 48 });
        var code = Encoding.ASCII.GetBytes("{B" + r.OrderNumber);
        parts.Add(new byte[] { 0x1D, 0x68, 60, 0x1D, 0x77, 2, 0x1D, 0x48, 2, 0x1D, 0x6B, 73, (byte)code.Length });
        parts.Add(code);
        foreach (var f in r.FooterLines)
        {
            parts.Add(Gb.GetBytes(f + "\n"));
        }

        parts.Add(new byte[] { 0x1B, 0x64, 2 });
        parts.Add(new byte[] { 0x1D, 0x56, 0x42, 0 });
        return parts.SelectMany(p => p).ToArray();
    }

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Pad(string left, string right)
    {
        var width = Gb.GetByteCount(left) + Gb.GetByteCount(right);
        return left + new string(' ', Math.Max(1, 48 - width)) + right + "\n";
    }
}
