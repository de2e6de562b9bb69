using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ordering.Sdk.Payments.Tests.Engine;

public sealed class OpenAmountTests
{
    [Fact]
    public async Task PayAsync_ReopenedAndPartlyRefunded_AcceptsTenderForRemainingDue()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        var paid = await engine.PayAsync(EngineHarness.Code("O", 10_000, 10_000, "k1"));
        Assert.Equal(PaymentState.Succeeded, paid.State);

        // 反结账: a 30.00 dish is refunded; the order's amount due stays 100.00 after re-pricing.
        await engine.RefundAsync(new RefundRequest("O", "R1") { Amount = Money.Fen(3_000) });

        var again = await engine.PayAsync(EngineHarness.Code("O", 10_000, 3_000, "k2", EngineHarness.AlipayCode));

        Assert.Equal(PaymentState.Succeeded, again.State);
        Assert.Null(again.LastFailure);
    }

    [Fact]
    public async Task PayAsync_MoreThanRefundedDifference_IsRefusedWithOpenAmount()
    {
        var world = new EngineHarness();
        var engine = await world.BuildAsync();
        await engine.PayAsync(EngineHarness.Code("O", 10_000, 10_000, "k1"));
        await engine.RefundAsync(new RefundRequest("O", "R1") { Amount = Money.Fen(3_000) });

        var tooMuch = await engine.PayAsync(EngineHarness.Code("O", 10_000, 3_001, "k2", EngineHarness.AlipayCode));

        Assert.Equal(PaymentState.Failed, tooMuch.State);
        Assert.Equal(EngineErrorCodes.ExceedsOutstanding, tooMuch.LastFailure!.RawCode);
        Assert.Equal(0, world.Alipay.NetCaptured(tooMuch.AttemptId).MinorUnits);
    }

    [Fact]
    public void OpenAmount_MoreKeptThanDue_IsZeroNotNegative()
    {
        var status = new OrderPaymentStatus(Money.Fen(5_000), Money.Fen(10_000), Money.Fen(0), Money.Fen(1_000));

        Assert.Equal(Money.Fen(0), PaymentEngine.OpenAmount(Money.Fen(5_000), status));
    }

    // Open = due − (captured − refunded) − in flight, floored at zero, for any amounts.
    [Property(MaxTest = 200)]
    public Property OpenAmount_AnyAmounts_IsDueMinusKeptMinusReservedNeverNegative()
    {
        var gen = from due in Gen.Choose(0, 100_000)
                  from captured in Gen.Choose(0, 100_000)
                  from refunded in Gen.Choose(0, 100_000)
                  from reserved in Gen.Choose(0, 100_000)
                  where refunded <= captured
                  select (due, captured, refunded, reserved);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var status = new OrderPaymentStatus(Money.Fen(x.due), Money.Fen(x.captured), Money.Fen(x.reserved), Money.Fen(x.refunded));
            var open = PaymentEngine.OpenAmount(Money.Fen(x.due), status).MinorUnits;
            return open == Math.Max(0L, (long)x.due - (x.captured - x.refunded) - x.reserved);
        });
    }

    // End to end: pay in full, refund any amount, then the engine accepts exactly the refunded difference again.
    [Property(MaxTest = 30)]
    public Property PayAsync_AfterAnyPartialRefund_AcceptsUpToRefundedAndNoMore()
    {
        var gen = from due in Gen.Choose(2, 50_000)
                  from refund in Gen.Choose(1, 50_000)
                  where refund < due
                  select (due, refund);
        return Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var world = new EngineHarness();
            var engine = world.BuildAsync().GetAwaiter().GetResult();
            engine.PayAsync(EngineHarness.Code("O", x.due, x.due, "k1")).AsTask().GetAwaiter().GetResult();
            engine.RefundAsync(new RefundRequest("O", "R1") { Amount = Money.Fen(x.refund) }).AsTask().GetAwaiter().GetResult();
            var over = engine.PayAsync(EngineHarness.CashTender("O", x.due, x.refund + 1L, x.refund + 1L, "k2")).AsTask().GetAwaiter().GetResult();
            var exact = engine.PayAsync(EngineHarness.CashTender("O", x.due, x.refund, x.refund, "k3")).AsTask().GetAwaiter().GetResult();
            return over.State == PaymentState.Failed && exact.State == PaymentState.Succeeded;
        });
    }
}
