using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ordering.Sdk.Payments.Tests.Engine;

public sealed class SettlementPropertyTests
{
    [Property(MaxTest = 50)]
    public Property SplitTender_SettledIffConfirmedTendersEqualAmountDue()
    {
        var gen = from due in Gen.Choose(1, 100_000)
                  from parts in Gen.ListOf(Gen.Choose(1, 60_000))
                  select (due, parts);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var world = new EngineHarness();
            var engine = world.BuildAsync().GetAwaiter().GetResult();
            var confirmed = 0L;
            var i = 0;
            foreach (var part in input.parts)
            {
                var amount = Math.Min(part, input.due);
                var attempt = engine.PayAsync(EngineHarness.CashTender("O", input.due, amount, amount, "k" + i++)).AsTask().GetAwaiter().GetResult();
                if (attempt.State == PaymentState.Succeeded)
                {
                    confirmed += amount;
                }
            }

            var status = engine.GetOrderStatus("O");
            return confirmed <= input.due && status.Confirmed.MinorUnits == confirmed && status.IsSettled == (confirmed == input.due);
        });
    }

    [Property(MaxTest = 50)]
    public Property Refunds_AnySequence_NeverExceedCapture()
    {
        var gen = from due in Gen.Choose(1, 50_000)
                  from refunds in Gen.ListOf(Gen.Choose(1, 30_000))
                  select (due, refunds);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var world = new EngineHarness();
            var engine = world.BuildAsync().GetAwaiter().GetResult();
            var attempt = engine.PayAsync(EngineHarness.Code("O", input.due, input.due, "k")).AsTask().GetAwaiter().GetResult();
            var refunded = 0L;
            var i = 0;
            foreach (var amount in input.refunds)
            {
                try
                {
                    engine.RefundAsync(new RefundRequest("O", "R" + i++) { Amount = Money.Fen(amount) }).AsTask().GetAwaiter().GetResult();
                    refunded += amount;
                }
                catch (ArgumentException)
                {
                    if (refunded + amount <= input.due)
                    {
                        return false;
                    }
                }
            }

            var snapshot = engine.GetAttempt(attempt.AttemptId)!;
            return refunded <= input.due
                && snapshot.Refunded.MinorUnits == refunded
                && world.WeChat.NetCaptured(attempt.AttemptId).MinorUnits == input.due - refunded
                && world.WeChat.OverRefundRequests == 0;
        });
    }
}
