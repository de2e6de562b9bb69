using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.Engine;

// Things that arrive at once from several threads: copies of one notification, failures of many orders.
public sealed class ConcurrentDeliveryTests
{
    [Fact]
    public async Task ApplyNotificationAsync_SixteenCopiesAtOnce_AppliedOnceAndTheRestDuplicates()
    {
        var world = new EngineHarness();
        var journal = new JitteryJournal(world.Journal, seed: 5);
        var engine = await BuildAsync(world, journal);
        world.WeChat.EnqueueFault(FakeCallFault.ResponseLost);
        var attempt = await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "k"));
        Assert.Equal(PaymentState.Pending, attempt.State);
        var paid = new PaymentNotification(PaymentChannelId.WeChatPay, "N1", PaymentNotificationKind.PaymentSucceeded, attempt.AttemptId, Money.Fen(1000), "T1");

        var dispositions = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await engine.ApplyNotificationAsync(paid))));

        Assert.Equal(1, dispositions.Count(d => d == NotificationDisposition.Applied));
        Assert.Equal(15, dispositions.Count(d => d == NotificationDisposition.Duplicate));
        var entries = await world.Journal.ReadAllAsync(CancellationToken.None);
        Assert.Single(entries, e => e.Kind == PaymentJournalEntryKind.NotificationAccepted);
        Assert.Equal(PaymentState.Succeeded, engine.GetAttempt(attempt.AttemptId)!.State);
    }

    [Fact]
    public async Task GetFailures_ManyOrdersFailingAtOnce_LiveLogMatchesTheLogRebuiltFromTheJournal()
    {
        var world = new EngineHarness();
        var journal = new JitteryJournal(world.Journal, seed: 11);
        var engine = await BuildAsync(world, journal);

        // Unknown payment codes are refused locally, each with a journaled failure, on 24 orders at once.
        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
            await engine.PayAsync(EngineHarness.Code("O" + i, 1000, 1000, "k" + i, code: "9912345678")))));
        var rebuilt = await BuildAsync(world, world.Journal);

        var live = engine.GetFailures();
        Assert.Equal(24, live.Count);
        Assert.Equal(rebuilt.GetFailures().Select(f => f.AttemptId), live.Select(f => f.AttemptId));
    }

    private static async Task<IPaymentEngine> BuildAsync(EngineHarness world, IPaymentJournal journal) =>
        await new PaymentEngineBuilder()
            .AddChannel(world.WeChat, EngineHarness.NoBackOff(ChannelPolicy.WeChatPay()))
            .UseJournal(journal)
            .UseTimeProvider(world.Time)
            .UseRandom(new Random(7))
            .BuildAsync();

    // Each append yields or sleeps a seeded 0-2 ms first, so concurrent appends finish in a scrambled order.
    private sealed class JitteryJournal(IPaymentJournal inner, int seed) : IPaymentJournal
    {
        private readonly Random _random = new(seed);

        public async ValueTask<long> AppendAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
        {
            int delay;
            lock (_random)
            {
                delay = _random.Next(0, 3);
            }

            await Task.Delay(delay, cancellationToken);
            return await inner.AppendAsync(entry, cancellationToken);
        }

        public ValueTask<IReadOnlyList<PaymentJournalEntry>> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);
    }
}
