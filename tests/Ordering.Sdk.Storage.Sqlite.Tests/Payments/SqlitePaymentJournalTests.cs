using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Storage.Sqlite.Tests.Payments;

public sealed class SqlitePaymentJournalTests
{
    [Fact]
    public async Task AppendAsync_EveryField_RoundTripsAfterReopen()
    {
        using var temp = new TempDatabase();
        var entry = new PaymentJournalEntry
        {
            Kind = PaymentJournalEntryKind.RefundRequested,
            Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            AttemptId = "P1",
            OrderId = "O1",
            IdempotencyKey = "K1",
            Channel = PaymentChannelId.Alipay,
            ChargeKind = ChargeKind.Jsapi,
            CurrencyCode = "CNY",
            Amount = 1234,
            AmountDue = 5678,
            Change = 9,
            PayerId = "M1",
            State = PaymentState.PartiallyRefunded,
            Trigger = PaymentTrigger.PartialRefund,
            Abandoned = true,
            ChannelTransactionId = "T1",
            RefundNumber = "R1-1",
            RefundState = RefundState.Processing,
            RawCode = "SYSTEMERROR",
            Detail = "L1=100;",
            Operation = PaymentOperation.RefundQuery,
            Cause = FailureCause.RateLimited,
            Action = RecommendedAction.ContactChannel,
        };

        await using (var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath))
        {
            Assert.Equal(1, await journal.AppendAsync(entry, CancellationToken.None));
            Assert.Equal(2, await journal.AppendAsync(entry with { AttemptId = "P2", OrderId = null, Detail = null }, CancellationToken.None));
        }

        await using var reopened = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        var entries = await reopened.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, entries.Count);
        Assert.Equal(entry with { Sequence = 1 }, entries[0]);
        Assert.Null(entries[1].OrderId);
        Assert.Equal(2, entries[1].Sequence);
    }

    [Fact]
    public async Task Engine_OnSqliteJournal_ResumesAnUnknownAttemptAfterRestart()
    {
        using var temp = new TempDatabase();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var wechat = new FakePaymentChannel(PaymentChannelId.WeChatPay, time, new Random(3));
        var policy = new ChannelPolicy { RetryBaseDelay = TimeSpan.Zero };
        string attemptId;
        await using (var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath))
        {
            var engine = await new PaymentEngineBuilder().AddChannel(wechat, policy).UseJournal(journal).UseTimeProvider(time).UseRandom(new Random(1)).BuildAsync();
            wechat.EnqueueFault(FakeCallFault.ResponseLost);
            var attempt = await engine.PayAsync(new TenderRequest("O1", Money.Fen(2000), Money.Fen(2000), ChargeKind.CodePay, "k") { PaymentCode = "134567890123456789" });
            Assert.Equal(PaymentState.Pending, attempt.State);
            attemptId = attempt.AttemptId;
        }

        await using var reopened = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        var resumed = await new PaymentEngineBuilder().AddChannel(wechat, policy).UseJournal(reopened).UseTimeProvider(time).UseRandom(new Random(2)).BuildAsync();
        await resumed.ProcessDueWorkAsync();

        Assert.Equal(PaymentState.Succeeded, resumed.GetAttempt(attemptId)!.State);
        Assert.True(resumed.GetOrderStatus("O1").IsSettled);
        Assert.Equal(1, wechat.ChargesReceived);
    }

    [Fact]
    public async Task AppendAsync_FromManyTasks_AssignsDistinctSequences()
    {
        using var temp = new TempDatabase();
        await using var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        var entry = new PaymentJournalEntry { Kind = PaymentJournalEntryKind.StateChanged, Timestamp = DateTimeOffset.UnixEpoch, AttemptId = "P" };

        var sequences = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => journal.AppendAsync(entry, CancellationToken.None).AsTask()));

        Assert.Equal(20, sequences.Distinct().Count());
        Assert.Equal(20, (await journal.ReadAllAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task OpenAsync_FileAtVersion1_MigratesAndKeepsItsEntries()
    {
        using var temp = new TempDatabase();
        var version1 = new SqliteSchema(SqlitePaymentJournal.Component, [SqlitePaymentJournal.Schema.Migrations[0]]);
        await using (var old = await SqliteDatabase.OpenAsync(temp.FilePath, version1))
        {
            using var insert = old.CreateCommand();
            insert.CommandText = "INSERT INTO payment_journal (kind, timestamp_utc_ticks, attempt_id, channel, charge_kind, currency, amount, amount_due, change, state, trigger, abandoned, refund_state) VALUES (1, 0, 'P1', 1, 0, 'CNY', 5, 5, 0, 3, 2, 0, 0);";
            await insert.ExecuteNonQueryAsync();
        }

        await using var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        await journal.AppendAsync(new PaymentJournalEntry { Kind = PaymentJournalEntryKind.FailureRecorded, Timestamp = DateTimeOffset.UnixEpoch, AttemptId = "P1", Cause = FailureCause.Risk, Action = RecommendedAction.SwitchMethod, Operation = PaymentOperation.Query }, CancellationToken.None);
        var entries = await journal.ReadAllAsync(CancellationToken.None);

        Assert.Equal(2, entries.Count);
        Assert.Equal("P1", entries[0].AttemptId);
        Assert.Equal(5, entries[0].Amount);
        Assert.Equal(FailureCause.Network, entries[0].Cause);
        Assert.Equal((FailureCause.Risk, RecommendedAction.SwitchMethod, PaymentOperation.Query), (entries[1].Cause, entries[1].Action, entries[1].Operation));
    }

    [Fact]
    public async Task Engine_OnSqliteJournal_RebuildsTheFailureLogAfterRestart()
    {
        using var temp = new TempDatabase();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var wechat = new FakePaymentChannel(PaymentChannelId.WeChatPay, time, new Random(3));
        IReadOnlyList<PaymentFailure> before;
        await using (var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath))
        {
            var engine = await new PaymentEngineBuilder().AddChannel(wechat).UseJournal(journal).UseTimeProvider(time).UseRandom(new Random(1)).BuildAsync();
            await engine.PayAsync(new TenderRequest("O1", Money.Fen(2000), Money.Fen(2000), ChargeKind.CodePay, "k1") { PaymentCode = "9912345678" });
            wechat.EnqueueFault(FakeCallFault.ResponseLost);
            await engine.PayAsync(new TenderRequest("O2", Money.Fen(2000), Money.Fen(2000), ChargeKind.CodePay, "k2") { PaymentCode = "134567890123456789" });
            before = engine.GetFailures();
        }

        await using var reopened = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        var resumed = await new PaymentEngineBuilder().AddChannel(wechat).UseJournal(reopened).UseTimeProvider(time).UseRandom(new Random(2)).BuildAsync();
        var after = resumed.GetFailures();

        Assert.Equal(2, before.Count);
        Assert.Equal(before.Select(f => (f.AttemptId, f.OrderId, f.Operation, f.Cause, f.Action, f.RawCode, f.RawMessage, f.StaffMessageEn, f.OccurredAt)), after.Select(f => (f.AttemptId, f.OrderId, f.Operation, f.Cause, f.Action, f.RawCode, f.RawMessage, f.StaffMessageEn, f.OccurredAt)));
    }

    [Fact]
    public async Task AppendAsync_ManyConcurrentCallers_ShareTransactionsAndAllBecomeDurable()
    {
        using var temp = new TempDatabase();
        long committed;
        long[] sequences;
        await using (var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath))
        {
            // All 200 are queued before the first fsync can finish: the writer takes them in a few batches.
            var appends = Enumerable.Range(0, 200).Select(i => journal.AppendAsync(Entry("P" + i), CancellationToken.None).AsTask()).ToList();
            sequences = await Task.WhenAll(appends);
            committed = journal.CommittedTransactions;
        }

        await using var reopened = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        var entries = await reopened.ReadAllAsync(CancellationToken.None);
        Assert.Equal(200, entries.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => "P" + i), entries.Select(e => e.AttemptId));
        Assert.Equal(entries.Select(e => e.Sequence), sequences);
        Assert.InRange(committed, 1, 50);
    }

    [Fact]
    public async Task AppendAsync_OneBadEntryInABatch_FailsOnlyItsCaller()
    {
        using var temp = new TempDatabase();
        await using (var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath))
        {
            var good = Enumerable.Range(0, 30).Select(i => journal.AppendAsync(Entry("G" + i), CancellationToken.None).AsTask()).ToList();

            // A null attempt id breaks the NOT NULL column: that entry cannot be written.
            var bad = journal.AppendAsync(Entry(null!), CancellationToken.None).AsTask();
            good.AddRange(Enumerable.Range(30, 30).Select(i => journal.AppendAsync(Entry("G" + i), CancellationToken.None).AsTask()));

            await Assert.ThrowsAnyAsync<Exception>(() => bad);
            var sequences = await Task.WhenAll(good);
            Assert.Equal(60, sequences.Distinct().Count());
        }

        await using var reopened = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        var entries = await reopened.ReadAllAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => "G" + i), entries.Select(e => e.AttemptId));
    }

    [Fact]
    public async Task DisposeAsync_WithAppendsQueued_WritesThemBeforeClosing()
    {
        using var temp = new TempDatabase();
        List<Task<long>> appends;
        await using (var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath))
        {
            appends = Enumerable.Range(0, 20).Select(i => journal.AppendAsync(Entry("P" + i), CancellationToken.None).AsTask()).ToList();
        }

        Assert.All(appends, a => Assert.True(a.IsCompletedSuccessfully));
        await using var reopened = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        Assert.Equal(20, (await reopened.ReadAllAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_Throws()
    {
        using var temp = new TempDatabase();
        var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        await journal.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => journal.AppendAsync(Entry("P"), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task AppendAsync_CancelledBeforeItIsQueued_WritesNothing()
    {
        using var temp = new TempDatabase();
        await using var journal = await SqlitePaymentJournal.OpenAsync(temp.FilePath);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => journal.AppendAsync(Entry("P"), cancelled.Token).AsTask());

        Assert.Empty(await journal.ReadAllAsync(CancellationToken.None));
    }

    private static PaymentJournalEntry Entry(string attemptId) =>
        new() { Kind = PaymentJournalEntryKind.StateChanged, Timestamp = DateTimeOffset.UnixEpoch, AttemptId = attemptId, CurrencyCode = "CNY" };
}
