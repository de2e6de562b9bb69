using System.Buffers;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Layouts;
using Ordering.Sdk.Kitchen;

namespace Ordering.Sdk.Devices.Tests.Layouts;

// The documents whose exact bytes are pinned by LayoutSnapshotTests, so a speed-up of the writer can never
// change what reaches the paper.
internal static class SnapshotDocuments
{
    public static IEnumerable<string> Names => Writers.Keys;

    public static byte[] Render(string name)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Writers[name](buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Render(string name, IBufferWriter<byte> output) => Writers[name](output);

    private static readonly Dictionary<string, Action<IBufferWriter<byte>>> Writers = new(StringComparer.Ordinal)
    {
        ["benchmark-receipt-clone80"] = b => ReceiptLayout.Write(new EscPosWriter(b, PrinterProfile.ChineseClone80), BenchmarkReceipt()),
        ["sample-receipt-clone80"] = b => ReceiptLayout.Write(new EscPosWriter(b, PrinterProfile.ChineseClone80), SampleData.Receipt()),
        ["sample-receipt-epson80"] = b => ReceiptLayout.Write(new EscPosWriter(b, PrinterProfile.EpsonCompatible80), SampleData.Receipt()),
        ["sample-receipt-clone58-noqr"] = b => ReceiptLayout.Write(new EscPosWriter(b, new PrinterProfile(PrinterProfile.ChineseClone58) { QrCodes = QrSupport.None }), SampleData.Receipt()),
        // Captured when the 58 mm clone still printed QR codes natively; the raster fallback it uses now has its own tests.
        ["awkward-receipt-clone58"] = b => ReceiptLayout.Write(new EscPosWriter(b, new PrinterProfile(PrinterProfile.ChineseClone58) { QrCodes = QrSupport.Native }), AwkwardReceipt()),
        ["awkward-receipt-epson80"] = b => ReceiptLayout.Write(new EscPosWriter(b, PrinterProfile.EpsonCompatible80), AwkwardReceipt()),
        ["yen-receipt-clone80"] = b => ReceiptLayout.Write(new EscPosWriter(b, PrinterProfile.ChineseClone80), YenReceipt()),
        ["kitchen-ticket-clone80"] = b => KitchenTicketLayout.Write(new EscPosWriter(b, PrinterProfile.ChineseClone80), SampleData.Ticket(), "热菜"),
        ["kitchen-void-backup-clone58"] = b => KitchenTicketLayout.Write(
            new EscPosWriter(b, PrinterProfile.ChineseClone58),
            SampleData.Ticket(kind: KitchenTicketKind.Void),
            "凉菜",
            "热菜一号机"),
    };

    // The receipt of ReceiptEncodingBenchmark (benchmarks/Ordering.Sdk.Benchmarks/Devices), kept identical.
    public static Receipt BenchmarkReceipt() => new(
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

    // Everything a fast path could get wrong: wrapping names (CJK split at the column edge, mixed widths),
    // substitutes (¥ • ™ © ® ½ no-break space), emoji and a lone surrogate, control characters, C1 controls,
    // zero-padded early-morning time in January, a non-ASCII order number (no barcode), a big quantity,
    // a huge and a tiny negative amount, no table, a UTF-8 (non-ASCII) QR payload.
    public static Receipt AwkwardReceipt() => new(
        "小王 Café™ 面馆 No.1 总店",
        "外带-7",
        new DateTimeOffset(2027, 1, 5, 9, 7, 0, TimeSpan.FromHours(-5)),
        [
            new ReceiptLine("超级无敌特大份麻辣香锅（加麻加辣）配米饭两碗和一瓶冰镇酸梅汤", 1, Money.Fen(18800), ["加\u00A0辣", "去葱•香菜"]),
            new ReceiptLine("Spaghetti alla carbonara with extra pecorino and guanciale", 12, Money.Fen(123456789)),
            new ReceiptLine("啤酒🍺 ½ 扎", 1, Money.Fen(1), ["\t冰\r\n镇\u0085", "©®¥"]),
            new ReceiptLine("a\uD800b 孤立代理", 3, Money.Fen(-5)),
            new ReceiptLine("半角ｶﾀｶﾅ＆全角ＡＢＣ", 99999, Money.Fen(0)),
        ],
        Money.Fen(123475040))
    {
        HeaderLines = ["地址：上海市静安区南京西路 1266 号恒隆广场 B1 层美食街 12 号铺位（近地铁 2 号线）"],
        Adjustments = [new ReceiptAmountLine("超长的优惠名称：新用户首单立减活动叠加会员日折扣", Money.Fen(-1))],
        Tenders = [new ReceiptAmountLine("现金 ¥", Money.Fen(123480000))],
        Change = Money.Fen(4960),
        PaymentQr = "https://pay.example.cn/单号?o=外带-7",
        FooterLines = ["Wi-Fi: laowang / 密码 88888888", string.Empty, "🙂"],
    };

    // Zero minor digits, a December-31 late-night time, a fee and rounding with positive sign.
    public static Receipt YenReceipt() => new(
        "すし 寿司",
        "Z9",
        new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.FromHours(9)),
        [new ReceiptLine("鮪 マグロ", 2, new Money(1200, Currency.Jpy)), new ReceiptLine("Tea", 1, new Money(0, Currency.Jpy))],
        new Money(1320, Currency.Jpy))
    {
        Fees = [new ReceiptAmountLine("Service 10%", new Money(120, Currency.Jpy))],
        Rounding = new Money(0, Currency.Jpy),
        Tenders = [new ReceiptAmountLine("Card", new Money(1320, Currency.Jpy))],
        Change = new Money(0, Currency.Jpy),
    };
}
