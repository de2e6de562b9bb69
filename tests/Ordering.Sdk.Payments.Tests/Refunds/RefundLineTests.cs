using Ordering.Sdk.Catalog;
using Ordering.Sdk.Payments.Tests.Engine;
using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Payments.Tests.Refunds;

public sealed class RefundLineTests
{
    // Three bowls of noodles for 1000 fen after discounts, and one tea for 300.
    private static readonly PriceSnapshot Snapshot = new()
    {
        CurrencyCode = "CNY",
        RefundRounding = FenRounding.HalfUp,
        AmountDue = 1300,
        Lines =
        [
            new SnapshotLine { SkuId = "noodles", ItemId = "noodles", CategoryId = "mains", Name = new LocalizedText("牛肉面", "Beef noodles"), Quantity = 3, Total = 1000 },
            new SnapshotLine { SkuId = "tea", ItemId = "tea", CategoryId = "drinks", Name = new LocalizedText("茶", "Tea"), Quantity = 1, Total = 300 },
        ],
    };

    [Fact]
    public void FromSnapshot_OneUnitAtATime_SumsExactlyToTheLineTotal()
    {
        var first = RefundLine.FromSnapshot(Snapshot, 0, 1);
        var second = RefundLine.FromSnapshot(Snapshot, 0, 1, refundedQuantity: 1, refundedAmount: first.Amount.MinorUnits);
        var third = RefundLine.FromSnapshot(Snapshot, 0, 1, refundedQuantity: 2, refundedAmount: (first.Amount + second.Amount).MinorUnits, lineId: "L-noodles");

        Assert.Equal(new RefundLine("0", Money.Fen(333)), first);
        Assert.Equal(Money.Fen(334), second.Amount);
        Assert.Equal(new RefundLine("L-noodles", Money.Fen(333)), third);
        Assert.Throws<ArgumentOutOfRangeException>(() => RefundLine.FromSnapshot(Snapshot, 0, 1, refundedQuantity: 3, refundedAmount: 1000));
        Assert.Throws<ArgumentOutOfRangeException>(() => RefundLine.FromSnapshot(Snapshot, 2, 1));
    }

    [Fact]
    public async Task RefundAsync_LinesFromTheSnapshot_RefundsThemAgainstTheCapture()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        var paid = await engine.PayAsync(EngineHarness.Code("O1", 1300, 1300, "k1"));

        var refund = await engine.RefundAsync(new RefundRequest("O1", "R1") { Lines = [RefundLine.FromSnapshot(Snapshot, 0, 2), RefundLine.FromSnapshot(Snapshot, 1, 1)] });

        Assert.Equal(RefundState.Succeeded, refund.State);
        Assert.Equal(Money.Fen(667 + 300), refund.Amount);
        Assert.Equal(Money.Fen(967), engine.GetAttempt(paid.AttemptId)!.Refunded);
    }
}
