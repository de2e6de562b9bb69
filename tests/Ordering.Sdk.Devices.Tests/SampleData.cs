using Ordering.Sdk.Devices.Layouts;
using Ordering.Sdk.Kitchen;

namespace Ordering.Sdk.Devices.Tests;

internal static class SampleData
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 3, 0, TimeSpan.FromHours(8));

    public static Receipt Receipt() => new(
        "老王川菜馆",
        "A0012",
        Noon,
        [
            new ReceiptLine("宫保鸡丁", 1, Money.Fen(3800), ["微辣"]),
            new ReceiptLine("鱼香肉丝", 2, Money.Fen(6400)),
            new ReceiptLine("麻婆豆腐", 1, Money.Fen(2200), ["不要葱", "加辣"]),
            new ReceiptLine("酸辣土豆丝", 1, Money.Fen(1600)),
            new ReceiptLine("米饭", 4, Money.Fen(800)),
            new ReceiptLine("可乐 Coca-Cola 330ml", 2, Money.Fen(1000)),
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
        Fees = [new ReceiptAmountLine("茶位费 4人", Money.Fen(800))],
        Rounding = Money.Fen(-415),
        Tenders = [new ReceiptAmountLine("微信支付", Money.Fen(20000)), new ReceiptAmountLine("现金", Money.Fen(10000))],
        Change = Money.Fen(5000),
        PaymentQr = "https://pay.example.cn/e-invoice?o=A0012&s=88",
        FooterLines = ["谢谢惠顾 ¥ 欢迎再来"],
    };

    public static KitchenTicket Ticket(string orderId = "o-1", int revision = 1, KitchenTicketKind kind = KitchenTicketKind.NewOrder) => new(
        orderId,
        "0012",
        "hot",
        revision,
        kind,
        [
            new KitchenTicketItem("宫保鸡丁", 2, ["微辣", "去花生"]) { Note = "快一点", Seat = "3" },
            new KitchenTicketItem("水煮牛肉", 1) { Course = "热菜" },
        ],
        Noon)
    {
        Table = "A12",
        GuestCount = 4,
        Round = 2,
        Note = "一起上",
    };
}
