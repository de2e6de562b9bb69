using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ordering.Sdk.Payments.Tests.StoredValue;

public sealed class StoredValueLedgerTests
{
    [Fact]
    public void TryDebit_SplitsProportionallyAndRefundRestoresEachBalance()
    {
        var ledger = new StoredValueLedger();
        ledger.TopUp("M1", Money.Fen(10000), Money.Fen(2500), "t1");

        Assert.Equal(ChannelOutcome.Succeeded, ledger.TryDebit("M1", "P1", Money.Fen(5000)).Outcome);
        Assert.Equal(new StoredValueBalance(Money.Fen(6000), Money.Fen(1500)), ledger.GetBalance("M1"));

        ledger.Refund("P1", "R1", Money.Fen(2000));
        ledger.Refund("P1", "R1", Money.Fen(2000));
        ledger.Refund("P1", "R2", Money.Fen(3000));

        Assert.Equal(new StoredValueBalance(Money.Fen(10000), Money.Fen(2500)), ledger.GetBalance("M1"));
    }

    [Fact]
    public void TryDebit_Insufficient_DeclinesAndLeavesTheBalance()
    {
        var ledger = new StoredValueLedger();
        ledger.TopUp("M1", Money.Fen(100), Money.Fen(0), "t1");

        var result = ledger.TryDebit("M1", "P1", Money.Fen(101));

        Assert.Equal(ChannelOutcome.Declined, result.Outcome);
        Assert.Equal(FailureCause.Customer, result.Error!.Cause);
        Assert.Equal(Money.Fen(100), ledger.GetBalance("M1").Total);
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
                if (ledger.TryDebit("M", number, Money.Fen(amount)).Outcome == ChannelOutcome.Succeeded)
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
                    ledger.Refund(number, number + "a", Money.Fen(half));
                }

                ledger.Refund(number, number + "b", Money.Fen(amount - half));
            }

            return ledger.GetBalance("M") == start;
        });
    }
}
