namespace Ordering.Sdk.Payments.Tests.Engine;

// Payments on different orders proceed concurrently; one order's steps stay strictly in journal order.
public sealed class PerOrderLockTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PayAsync_JournalAppendOfOrderABlocked_OrderBStillCompletes()
    {
        var world = new EngineHarness();
        var journal = new GatedJournal(world.Journal, e => e.OrderId == "A");
        var engine = await BuildAsync(world, journal);

        journal.Close();
        var blocked = engine.PayAsync(EngineHarness.CashTender("A", 5_000, 5_000, 5_000, "a1")).AsTask();
        await journal.Entered.Task.WaitAsync(Timeout);

        var other = await engine.PayAsync(EngineHarness.Code("B", 3_000, 3_000, "b1")).AsTask().WaitAsync(Timeout);

        Assert.Equal(PaymentState.Succeeded, other.State);
        Assert.True(engine.GetOrderStatus("B").IsSettled);
        Assert.False(blocked.IsCompleted);
        Assert.Empty(engine.GetAttempts("A"));
        Assert.Equal(1, world.WeChat.ChargesReceived);

        journal.Open();
        var first = await blocked.WaitAsync(Timeout);
        Assert.Equal(PaymentState.Succeeded, first.State);
        Assert.True(engine.GetOrderStatus("A").IsSettled);
    }

    [Fact]
    public async Task PayAsync_SameOrderSecondTender_WaitsForTheFirstTendersJournalWrite()
    {
        var world = new EngineHarness();
        var journal = new GatedJournal(world.Journal, e => e.IdempotencyKey == "a1");
        var engine = await BuildAsync(world, journal);

        journal.Close();
        var first = engine.PayAsync(EngineHarness.CashTender("A", 10_000, 4_000, 4_000, "a1")).AsTask();
        await journal.Entered.Task.WaitAsync(Timeout);
        var second = engine.PayAsync(EngineHarness.Code("A", 10_000, 6_000, "a2")).AsTask();

        // The second tender queues behind the order's lock: nothing of it is journaled, nothing is sent.
        await Task.Delay(200);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Equal(0, world.Journal.Count);
        Assert.Equal(0, world.WeChat.ChargesReceived);

        journal.Open();
        Assert.Equal(PaymentState.Succeeded, (await first.WaitAsync(Timeout)).State);
        Assert.Equal(PaymentState.Succeeded, (await second.WaitAsync(Timeout)).State);
        var entries = await world.Journal.ReadAllAsync(CancellationToken.None);
        var created = entries.Where(e => e.Kind == PaymentJournalEntryKind.AttemptCreated).Select(e => e.IdempotencyKey).ToList();
        Assert.Equal(["a1", "a2"], created);
        Assert.True(engine.GetOrderStatus("A").IsSettled);
    }

    [Fact]
    public async Task GetRefund_WhileTheOrdersLockIsHeldInsideAJournalAppend_Answers()
    {
        var world = new EngineHarness();
        var journal = new GatedJournal(world.Journal, e => e.Kind == PaymentJournalEntryKind.RefundRequested && e.IdempotencyKey == "R2");
        var engine = await BuildAsync(world, journal);
        await engine.PayAsync(EngineHarness.Code("A", 10_000, 10_000, "a1"));
        await engine.RefundAsync(new RefundRequest("A", "R1") { Amount = Money.Fen(1_000) });

        journal.Close();
        var blocked = engine.RefundAsync(new RefundRequest("A", "R2") { Amount = Money.Fen(2_000) }).AsTask();
        await journal.Entered.Task.WaitAsync(Timeout);

        var (done, pending) = await Task.Run(() => (engine.GetRefund("R1"), engine.GetRefund("R2"))).WaitAsync(Timeout);

        Assert.Equal(RefundState.Succeeded, done!.State);
        Assert.Equal(Money.Fen(1_000), done.Amount);
        Assert.Null(pending);
        Assert.False(blocked.IsCompleted);

        journal.Open();
        Assert.Equal(RefundState.Succeeded, (await blocked.WaitAsync(Timeout)).State);
        Assert.Equal(RefundState.Succeeded, engine.GetRefund("R2")!.State);
    }

    [Fact]
    public async Task PayAsync_SameKeyOnTwoOrdersAtOnce_CreatesOneAttemptAndRefusesTheOther()
    {
        var world = new EngineHarness();
        var journal = new GatedJournal(world.Journal, e => e.OrderId == "A");
        var engine = await BuildAsync(world, journal);

        journal.Close();
        var first = engine.PayAsync(EngineHarness.CashTender("A", 5_000, 5_000, 5_000, "shared")).AsTask();
        await journal.Entered.Task.WaitAsync(Timeout);

        // The key is reserved while A's intent is being journaled: B's tender with it is refused, not duplicated.
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => engine.PayAsync(EngineHarness.CashTender("B", 5_000, 5_000, 5_000, "shared")).AsTask()).WaitAsync(Timeout);
        Assert.Contains("IdempotencyKey", refused.Message, StringComparison.Ordinal);

        journal.Open();
        Assert.Equal(PaymentState.Succeeded, (await first.WaitAsync(Timeout)).State);
        Assert.Empty(engine.GetAttempts("B"));
    }

    [Fact]
    public async Task PayAsync_IntentNotJournaled_FreesTheKeyForARetry()
    {
        var world = new EngineHarness();
        var dying = new FlakyJournal(world.Journal, failures: 1);
        var engine = await new PaymentEngineBuilder()
            .AddChannel(world.Cash, EngineHarness.NoBackOff(ChannelPolicy.Local()))
            .UseJournal(dying)
            .UseTimeProvider(world.Time)
            .UseRandom(new Random(7))
            .BuildAsync();

        await Assert.ThrowsAsync<IOException>(() => engine.PayAsync(EngineHarness.CashTender("A", 5_000, 5_000, 5_000, "k")).AsTask());
        Assert.Empty(engine.GetAttempts("A"));

        var retried = await engine.PayAsync(EngineHarness.CashTender("A", 5_000, 5_000, 5_000, "k"));

        Assert.Equal(PaymentState.Succeeded, retried.State);
        Assert.Single(engine.GetAttempts("A"));
    }

    private static async Task<IPaymentEngine> BuildAsync(EngineHarness world, IPaymentJournal journal) =>
        await new PaymentEngineBuilder()
            .AddChannel(world.WeChat, EngineHarness.NoBackOff(ChannelPolicy.WeChatPay()))
            .AddChannel(world.Cash, EngineHarness.NoBackOff(ChannelPolicy.Local()))
            .UseJournal(journal)
            .UseTimeProvider(world.Time)
            .UseRandom(new Random(7))
            .BuildAsync();

    // Fails its first appends (a full disk), then recovers.
    private sealed class FlakyJournal(IPaymentJournal inner, int failures) : IPaymentJournal
    {
        private int _failuresLeft = failures;

        public ValueTask<long> AppendAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                throw new IOException("disk full");
            }

            return inner.AppendAsync(entry, cancellationToken);
        }

        public ValueTask<IReadOnlyList<PaymentJournalEntry>> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);
    }
}
