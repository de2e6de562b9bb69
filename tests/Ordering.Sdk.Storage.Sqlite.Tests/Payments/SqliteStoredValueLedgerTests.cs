using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Storage.Sqlite.Tests.Payments;

public sealed class SqliteStoredValueLedgerTests
{
    [Fact]
    public async Task DebitAndRefund_AfterReopen_KeepBalancesAndEntries()
    {
        using var temp = new TempDatabase();
        await using (var ledger = await SqliteStoredValueLedger.OpenAsync(temp.FilePath))
        {
            await ledger.TopUpAsync("M1", Money.Fen(10000), Money.Fen(2500), "t1");
            Assert.Equal(ChannelOutcome.Succeeded, (await ledger.DebitAsync("M1", "P1", Money.Fen(5000))).Outcome);
            await ledger.RefundDebitAsync("P1", "R1", Money.Fen(2000));
        }

        await using var reopened = await SqliteStoredValueLedger.OpenAsync(temp.FilePath);
        Assert.Equal(new StoredValueBalance(Money.Fen(7600), Money.Fen(1900)), await reopened.GetBalanceAsync("M1"));
        Assert.Equal(Money.Fen(5000), (await reopened.QueryDebitAsync("P1")).Amount);
        Assert.Equal(Money.Fen(2000), (await reopened.QueryRefundAsync("P1", "R1")).Amount);
        Assert.Equal(ChannelOutcome.NotFound, (await reopened.QueryRefundAsync("P1", "R2")).Outcome);

        // The rest of the debit goes back in the proportion it was taken: principal to principal, gift to gift.
        await reopened.RefundDebitAsync("P1", "R2", Money.Fen(3000));
        Assert.Equal(new StoredValueBalance(Money.Fen(10000), Money.Fen(2500)), await reopened.GetBalanceAsync("M1"));
        var entries = await reopened.GetEntriesAsync("M1");
        Assert.Equal(["t1", "P1", "R1", "R2"], entries.Select(e => e.Reference));
        Assert.Equal(new StoredValueEntry("M1", "P1", Money.Fen(-4000), Money.Fen(-1000), new StoredValueBalance(Money.Fen(6000), Money.Fen(1500))), entries[1]);
    }

    [Fact]
    public async Task EveryOperation_Repeated_IsIdempotentByEntryKey()
    {
        using var temp = new TempDatabase();
        await using var ledger = await SqliteStoredValueLedger.OpenAsync(temp.FilePath);

        for (var i = 0; i < 2; i++)
        {
            await ledger.TopUpAsync("M1", Money.Fen(300), Money.Fen(100), "t1");
            Assert.Equal(Money.Fen(200), (await ledger.DebitAsync("M1", "P1", Money.Fen(200))).Amount);
            Assert.Equal(Money.Fen(50), (await ledger.RefundDebitAsync("P1", "R1", Money.Fen(50))).Amount);
        }

        Assert.Equal(new StoredValueBalance(Money.Fen(187), Money.Fen(63)), await ledger.GetBalanceAsync("M1"));
        await ledger.ReverseDebitAsync("P1");
        await ledger.ReverseDebitAsync("P1");

        Assert.Equal(new StoredValueBalance(Money.Fen(300), Money.Fen(100)), await ledger.GetBalanceAsync("M1"));
        Assert.Equal(4, (await ledger.GetEntriesAsync("M1")).Count);
        Assert.Equal(ChannelOutcome.Cancelled, (await ledger.QueryDebitAsync("P1")).Outcome);
        Assert.Equal(ChannelOutcome.Cancelled, (await ledger.DebitAsync("M1", "P1", Money.Fen(200))).Outcome);
        Assert.Equal(StoredValueErrors.RefundTooLargeCode, (await ledger.RefundDebitAsync("P1", "R2", Money.Fen(1))).Error!.RawCode);
        Assert.Equal(StoredValueErrors.NoSuchDebitCode, (await ledger.RefundDebitAsync("P9", "R1", Money.Fen(1))).Error!.RawCode);
    }

    [Fact]
    public async Task DebitAsync_Insufficient_DeclinesAndWritesNothing()
    {
        using var temp = new TempDatabase();
        await using var ledger = await SqliteStoredValueLedger.OpenAsync(temp.FilePath);
        await ledger.TopUpAsync("M1", Money.Fen(100), Money.Fen(0), "t1");

        var result = await ledger.DebitAsync("M1", "P1", Money.Fen(101));

        Assert.Equal(ChannelOutcome.Declined, result.Outcome);
        Assert.Equal(StoredValueErrors.InsufficientBalanceCode, result.Error!.RawCode);
        Assert.Equal(Money.Fen(100), (await ledger.GetBalanceAsync("M1")).Total);
        Assert.Single(await ledger.GetEntriesAsync("M1"));
        Assert.Equal(ChannelOutcome.NotFound, (await ledger.QueryDebitAsync("P1")).Outcome);
    }

    [Fact]
    public async Task DebitAsync_ConcurrentFromTwoConnections_NeverOverdraws()
    {
        using var temp = new TempDatabase();
        await using var first = await SqliteStoredValueLedger.OpenAsync(temp.FilePath);
        await using var second = await SqliteStoredValueLedger.OpenAsync(temp.FilePath);
        await first.TopUpAsync("M1", Money.Fen(700), Money.Fen(300), "t1");

        // 30 debits of 100 race for a balance of 1000, half through each connection, on pool threads.
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? first : second).DebitAsync("M1", "P" + i, Money.Fen(100)))));

        Assert.Equal(10, results.Count(r => r.Outcome == ChannelOutcome.Succeeded));
        Assert.Equal(20, results.Count(r => r.Outcome == ChannelOutcome.Declined));
        Assert.Equal(new StoredValueBalance(Money.Zero(Currency.Cny), Money.Zero(Currency.Cny)), await second.GetBalanceAsync("M1"));
        var entries = await first.GetEntriesAsync("M1");
        Assert.Equal(11, entries.Count);
        Assert.All(entries, e => Assert.False(e.BalanceAfter.Principal.IsNegative || e.BalanceAfter.Gift.IsNegative));
    }

    [Fact]
    public async Task Schema_NegativeBalanceWrittenBehindTheLedgersBack_IsRefusedByTheDatabase()
    {
        using var temp = new TempDatabase();
        await using (var ledger = await SqliteStoredValueLedger.OpenAsync(temp.FilePath))
        {
            await ledger.TopUpAsync("M1", Money.Fen(100), Money.Fen(0), "t1");
        }

        await using var connection = await SqliteDatabase.OpenAsync(temp.FilePath, SqliteStoredValueLedger.Schema);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE stored_value_accounts SET principal = -1 WHERE member_id = 'M1';";

        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("CHECK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engine_StoredValueOnSqliteLedger_RefundAfterRestartRestoresTheBalance()
    {
        using var temp = new TempDatabase();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var policy = new ChannelPolicy { RetryBaseDelay = TimeSpan.Zero };
        await using (var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath))
        await using (var ledger = await SqliteStoredValueLedger.OpenAsync(temp.FilePath))
        {
            await ledger.TopUpAsync("M1", Money.Fen(8000), Money.Fen(2000), "t1");
            var engine = await new PaymentEngineBuilder().AddChannel(new StoredValueChannel(ledger), policy).UseJournal(journal).UseTimeProvider(time).BuildAsync();
            var paid = await engine.PayAsync(new TenderRequest("O1", Money.Fen(5000), Money.Fen(5000), ChargeKind.StoredValue, "k1") { PayerId = "M1" });
            Assert.Equal(PaymentState.Succeeded, paid.State);
            Assert.Equal(new StoredValueBalance(Money.Fen(4000), Money.Fen(1000)), await ledger.GetBalanceAsync("M1"));
        }

        await using var journal2 = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        await using var ledger2 = await SqliteStoredValueLedger.OpenAsync(temp.FilePath);
        var resumed = await new PaymentEngineBuilder().AddChannel(new StoredValueChannel(ledger2), policy).UseJournal(journal2).UseTimeProvider(time).BuildAsync();
        var refund = await resumed.RefundAsync(new RefundRequest("O1", "R1") { Amount = Money.Fen(5000) });

        Assert.Equal(RefundState.Succeeded, refund.State);
        Assert.Equal(new StoredValueBalance(Money.Fen(8000), Money.Fen(2000)), await ledger2.GetBalanceAsync("M1"));
    }

    [Fact]
    public async Task Engine_CrashAfterTheDebitBeforeItsConfirmation_ResumesToSucceededWithoutDebitingTwice()
    {
        using var temp = new TempDatabase();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var policy = new ChannelPolicy { RetryBaseDelay = TimeSpan.Zero };
        var tender = new TenderRequest("O1", Money.Fen(3000), Money.Fen(3000), ChargeKind.StoredValue, "k1") { PayerId = "M1" };
        await using (var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath))
        await using (var ledger = await SqliteStoredValueLedger.OpenAsync(temp.FilePath))
        {
            await ledger.TopUpAsync("M1", Money.Fen(5000), Money.Fen(0), "t1");
            var dying = new DiesAtConfirmation(journal);
            var engine = await new PaymentEngineBuilder().AddChannel(new StoredValueChannel(ledger), policy).UseJournal(dying).UseTimeProvider(time).BuildAsync();
            await Assert.ThrowsAsync<IOException>(async () => await engine.PayAsync(tender));
        }

        // A new process: the ledger on disk remembers the debit the journal never confirmed.
        await using var journal2 = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        await using var ledger2 = await SqliteStoredValueLedger.OpenAsync(temp.FilePath);
        var resumed = await new PaymentEngineBuilder().AddChannel(new StoredValueChannel(ledger2), policy).UseJournal(journal2).UseTimeProvider(time).BuildAsync();
        await resumed.ProcessDueWorkAsync();
        var again = await resumed.PayAsync(tender);

        Assert.Equal(PaymentState.Succeeded, again.State);
        Assert.True(resumed.GetOrderStatus("O1").IsSettled);
        Assert.Equal(Money.Fen(2000), (await ledger2.GetBalanceAsync("M1")).Total);
        Assert.Equal(2, (await ledger2.GetEntriesAsync("M1")).Count);
    }

    // Any interleaving of top-ups, debits, refunds and reversals: the SQLite ledger answers exactly like the
    // in-memory one, each balance equals the sum of its entries, and no balance is ever negative.
    [Property(MaxTest = 25)]
    public Property Ledger_AnyOperations_BalanceIsTheSumOfEntriesAndNeverNegative()
    {
        var operation = from kind in Gen.Choose(0, 3)
                        from member in Gen.Choose(0, 1)
                        from target in Gen.Choose(0, 5)
                        from amount in Gen.Choose(1, 4_000)
                        select (kind, member, target, amount);
        return Prop.ForAll(Gen.ListOf(operation).ToArbitrary(), operations =>
        {
            using var temp = new TempDatabase();
            using var ledger = Run(SqliteStoredValueLedger.OpenAsync(temp.FilePath));
            var model = new StoredValueLedger();
            var n = 0;
            foreach (var (kind, member, target, amount) in operations)
            {
                var memberId = "M" + member;
                var debit = "P" + target;
                n++;
                var (actual, expected) = kind switch
                {
                    0 => (Describe(Run(ledger.TopUpAsync(memberId, Money.Fen(amount), Money.Fen(amount / 3), "t" + n))), Describe(model.TopUp(memberId, Money.Fen(amount), Money.Fen(amount / 3), "t" + n))),
                    1 => (Describe(Run(ledger.DebitAsync(memberId, debit, Money.Fen(amount)))), Describe(Run(model.DebitAsync(memberId, debit, Money.Fen(amount))))),
                    2 => (Describe(Run(ledger.RefundDebitAsync(debit, "R" + n, Money.Fen(amount / 2 + 1)))), Describe(Run(model.RefundDebitAsync(debit, "R" + n, Money.Fen(amount / 2 + 1))))),
                    _ => (Describe(Run(ledger.ReverseDebitAsync(debit))), Describe(Run(model.ReverseDebitAsync(debit)))),
                };
                if (actual != expected)
                {
                    return false.Label($"op {n}: sqlite {actual}, model {expected}");
                }
            }

            foreach (var memberId in new[] { "M0", "M1" })
            {
                var balance = Run(ledger.GetBalanceAsync(memberId));
                var entries = Run(ledger.GetEntriesAsync(memberId));
                var principal = entries.Sum(e => e.Principal.MinorUnits);
                var gift = entries.Sum(e => e.Gift.MinorUnits);
                if (balance != model.GetBalance(memberId) || balance.Principal.MinorUnits != principal || balance.Gift.MinorUnits != gift)
                {
                    return false.Label($"{memberId}: balance {balance}, entries sum {principal}+{gift}, model {model.GetBalance(memberId)}");
                }

                if (entries.Any(e => e.BalanceAfter.Principal.IsNegative || e.BalanceAfter.Gift.IsNegative))
                {
                    return false.Label($"{memberId}: a balance went negative");
                }
            }

            return true.ToProperty();
        });
    }

    private static string Describe(ChannelResult result) => $"{result.Outcome} {result.Amount} {result.Error?.RawCode}";

    private static string Describe(StoredValueBalance balance) => balance.ToString();

    private static T Run<T>(ValueTask<T> task) => task.AsTask().GetAwaiter().GetResult();

    // The process dies when the engine journals a confirmation: the debit happened, its confirmation is lost.
    private sealed class DiesAtConfirmation(IPaymentJournal inner) : IPaymentJournal
    {
        public ValueTask<long> AppendAsync(PaymentJournalEntry entry, CancellationToken cancellationToken) =>
            entry.Trigger == PaymentTrigger.Confirm && entry.Kind == PaymentJournalEntryKind.StateChanged
                ? throw new IOException("The process died.")
                : inner.AppendAsync(entry, cancellationToken);

        public ValueTask<IReadOnlyList<PaymentJournalEntry>> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);
    }
}
