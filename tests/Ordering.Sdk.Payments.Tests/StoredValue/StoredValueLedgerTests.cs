using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ordering.Sdk.Payments.Tests.StoredValue;

public sealed class StoredValueLedgerTests
{
    [Fact]
    public async Task DebitAsync_SplitsProportionallyAndRefundRestoresEachBalance()
    {
        var ledger = new StoredValueLedger();
        ledger.TopUp("M1", Money.Fen(10000), Money.Fen(2500), "t1");

        Assert.Equal(ChannelOutcome.Succeeded, (await ledger.DebitAsync("M1", "P1", Money.Fen(5000))).Outcome);
        Assert.Equal(new StoredValueBalance(Money.Fen(6000), Money.Fen(1500)), ledger.GetBalance("M1"));

        await ledger.RefundDebitAsync("P1", "R1", Money.Fen(2000));
        await ledger.RefundDebitAsync("P1", "R1", Money.Fen(2000));
        Assert.Equal(new StoredValueBalance(Money.Fen(7600), Money.Fen(1900)), ledger.GetBalance("M1"));
        await ledger.RefundDebitAsync("P1", "R2", Money.Fen(3000));

        Assert.Equal(new StoredValueBalance(Money.Fen(10000), Money.Fen(2500)), ledger.GetBalance("M1"));
        Assert.Equal(4, ledger.GetEntries("M1").Count);
    }

    [Fact]
    public async Task DebitAsync_Insufficient_DeclinesAndLeavesTheBalance()
    {
        var ledger = new StoredValueLedger();
        ledger.TopUp("M1", Money.Fen(100), Money.Fen(0), "t1");

        var result = await ledger.DebitAsync("M1", "P1", Money.Fen(101));

        Assert.Equal(ChannelOutcome.Declined, result.Outcome);
        Assert.Equal(FailureCause.Customer, result.Error!.Cause);
        Assert.Equal(StoredValueErrors.InsufficientBalanceCode, result.Error.RawCode);
        Assert.Equal(Money.Fen(100), ledger.GetBalance("M1").Total);
        Assert.Equal(ChannelOutcome.NotFound, (await ledger.QueryDebitAsync("P1")).Outcome);
    }

    [Fact]
    public async Task ReverseDebitAsync_AfterPartialRefund_RestoresTheRestOnceAndRefusesLaterRefunds()
    {
        var ledger = new StoredValueLedger();
        ledger.TopUp("M1", Money.Fen(300), Money.Fen(100), "t1");
        await ledger.DebitAsync("M1", "P1", Money.Fen(200));
        await ledger.RefundDebitAsync("P1", "R1", Money.Fen(50));

        await ledger.ReverseDebitAsync("P1");
        await ledger.ReverseDebitAsync("P1");

        Assert.Equal(new StoredValueBalance(Money.Fen(300), Money.Fen(100)), ledger.GetBalance("M1"));
        Assert.Equal(ChannelOutcome.Cancelled, (await ledger.QueryDebitAsync("P1")).Outcome);
        Assert.Equal(ChannelOutcome.Cancelled, (await ledger.DebitAsync("M1", "P1", Money.Fen(200))).Outcome);
        Assert.Equal(StoredValueErrors.RefundTooLargeCode, (await ledger.RefundDebitAsync("P1", "R2", Money.Fen(1))).Error!.RawCode);
    }

    [Property]
    public Property Allocation_AnyDebitThenAnyRefundSplit_SumsExactlyAndNeverExceedsWhatWasTaken()
    {
        var gen = from principal in Gen.Choose(0, 100_000)
                  from gift in Gen.Choose(0, 50_000)
                  from amount in Gen.Choose(1, 150_000)
                  from cuts in Gen.ListOf(Gen.Choose(1, 150_000))
                  select (principal, gift, amount, cuts);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var balance = new StoredValueBalance(Money.Fen(input.principal), Money.Fen(input.gift));
            var amount = Money.Fen(Math.Min(input.amount, input.principal + input.gift));
            if (amount.MinorUnits == 0)
            {
                return true;
            }

            var debit = StoredValueAllocation.Debit(balance, amount);
            if (debit.Total != amount || debit.Principal > balance.Principal || debit.Gift > balance.Gift || debit.Principal.IsNegative || debit.Gift.IsNegative)
            {
                return false;
            }

            Money refunded = Money.Zero(Currency.Cny), principalBack = Money.Zero(Currency.Cny), giftBack = Money.Zero(Currency.Cny);
            foreach (var cut in input.cuts.Append(int.MaxValue))
            {
                var part = Money.Fen(Math.Min(cut, (debit.Total - refunded).MinorUnits));
                if (part.MinorUnits == 0)
                {
                    break;
                }

                var back = StoredValueAllocation.Refund(debit, refunded, principalBack, part);
                if (back.Total != part || back.Principal.IsNegative || back.Gift.IsNegative)
                {
                    return false;
                }

                refunded += part;
                principalBack += back.Principal;
                giftBack += back.Gift;
                if (principalBack > debit.Principal || giftBack > debit.Gift)
                {
                    return false;
                }
            }

            return principalBack == debit.Principal && giftBack == debit.Gift;
        });
    }

    [Property]
    public Property Ledger_AnyDebitsAndRefunds_NeverNegativeAndRefundsRestoreExactly()
    {
        var gen = from principal in Gen.Choose(0, 100_000)
                  from gift in Gen.Choose(0, 50_000)
                  from debits in Gen.ListOf(Gen.Choose(1, 30_000))
                  select (principal, gift, debits);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var ledger = new StoredValueLedger();
            var start = ledger.TopUp("M", Money.Fen(input.principal), Money.Fen(input.gift), "t");
            var taken = new List<(string Number, long Amount)>();
            var i = 0;
            foreach (var amount in input.debits)
            {
                var number = "P" + i++;
                if (Done(ledger.DebitAsync("M", number, Money.Fen(amount))).Outcome == ChannelOutcome.Succeeded)
                {
                    taken.Add((number, amount));
                }

                var balance = ledger.GetBalance("M");
                if (balance.Principal.IsNegative || balance.Gift.IsNegative)
                {
                    return false;
                }
            }

            // Refund every debit in two halves: each balance is back exactly where it started.
            foreach (var (number, amount) in taken)
            {
                var half = amount / 2;
                if (half > 0)
                {
                    Done(ledger.RefundDebitAsync(number, number + "a", Money.Fen(half)));
                }

                Done(ledger.RefundDebitAsync(number, number + "b", Money.Fen(amount - half)));
            }

            return ledger.GetBalance("M") == start;
        });
    }

    // The in-memory ledger completes synchronously.
    private static T Done<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : throw new InvalidOperationException("The in-memory ledger should complete synchronously.");
}
