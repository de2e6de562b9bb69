using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ordering.Sdk.Payments.Tests.Engine;

// Many orders paid at once, each by several tenders racing each other, over a journal whose appends finish
// in a scrambled order: whatever the interleaving, every request leaves only after its intent is durable,
// each attempt's journal entries are a path through the chart, and the order settles exactly.
public sealed class ConcurrentOrdersPropertyTests
{
    [Property(MaxTest = 25)]
    public Property PayAsync_ManyOrdersAndTendersInterleaved_KeepJournalBeforeNetworkAndPerOrderOrder()
    {
        var gen = from orders in Gen.Choose(2, 8)
                  from tenders in Gen.Choose(1, 3)
                  from seed in Gen.Choose(0, int.MaxValue - 1)
                  select (orders, tenders, seed);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (orders, tenders, seed) = input;
            var durable = new InMemoryPaymentJournal();
            var journal = new ScrambledJournal(durable, seed);
            var channel = new WitnessChannel(durable);
            var engine = new PaymentEngineBuilder()
                .AddChannel(channel, EngineHarness.NoBackOff(ChannelPolicy.WeChatPay()))
                .AddChannel(new CashChannel(), EngineHarness.NoBackOff(ChannelPolicy.Local()))
                .UseJournal(journal)
                .UseRandom(new Random(seed))
                .BuildAsync().AsTask().GetAwaiter().GetResult();

            const long due = 9_000;
            var share = due / tenders;
            var payments = new List<Task<PaymentAttemptSnapshot>>();
            for (var o = 0; o < orders; o++)
            {
                for (var t = 0; t < tenders; t++)
                {
                    var orderId = "O" + o;
                    var amount = t == tenders - 1 ? due - (share * (tenders - 1)) : share;
                    var request = t % 2 == 0
                        ? EngineHarness.Code(orderId, due, amount, orderId + "-" + t)
                        : EngineHarness.CashTender(orderId, due, amount, amount, orderId + "-" + t);
                    payments.Add(Task.Run(async () => await engine.PayAsync(request)));
                }
            }

            var results = Task.WhenAll(payments).WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
            var entries = durable.ReadAllAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            var settled = Enumerable.Range(0, orders).All(o => engine.GetOrderStatus("O" + o).IsSettled);
            var allSucceeded = results.All(r => r.State == PaymentState.Succeeded);
            return (channel.SentBeforeJournaled == 0).Label("a charge left before its intent was durable")
                .And(ChartPathsHold(entries).Label("an attempt's journal entries are not a path through the chart"))
                .And(allSucceeded.Label("every tender succeeds"))
                .And(settled.Label("every order settles"))
                .And((channel.Charges == orders * ((tenders + 1) / 2)).Label("one charge per code tender"));
        });
    }

    // Replays each attempt's StateChanged entries through the chart from Created, in journal order.
    private static bool ChartPathsHold(IReadOnlyList<PaymentJournalEntry> entries)
    {
        var states = new Dictionary<string, PaymentState>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Kind == PaymentJournalEntryKind.AttemptCreated)
            {
                if (!states.TryAdd(entry.AttemptId, PaymentState.Created))
                {
                    return false;
                }
            }
            else if (entry.Kind == PaymentJournalEntryKind.StateChanged)
            {
                if (!states.TryGetValue(entry.AttemptId, out var from) || !PaymentStateChart.TryFire(from, entry.Trigger, out var to, out _) || to != entry.State)
                {
                    return false;
                }

                states[entry.AttemptId] = to;
            }
        }

        return states.Values.All(s => s == PaymentState.Succeeded);
    }

    // Each append waits a seeded, random little while before it becomes durable, so appends of different
    // orders finish in a scrambled order.
    private sealed class ScrambledJournal(IPaymentJournal inner, int seed) : IPaymentJournal
    {
        private readonly Random _random = new(seed);

        public async ValueTask<long> AppendAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
        {
            int delay;
            lock (_random)
            {
                delay = _random.Next(0, 3);
            }

            if (delay == 0)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(delay, cancellationToken);
            }

            return await inner.AppendAsync(entry, cancellationToken);
        }

        public ValueTask<IReadOnlyList<PaymentJournalEntry>> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);
    }

    // A WeChat Pay channel that succeeds at once and checks, as each charge arrives, that its intent is durable.
    private sealed class WitnessChannel(InMemoryPaymentJournal durable) : IPaymentChannel
    {
        private int _charges;
        private int _early;

        public int Charges => Volatile.Read(ref _charges);

        public int SentBeforeJournaled => Volatile.Read(ref _early);

        public PaymentChannelId Id => PaymentChannelId.WeChatPay;

        public ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _charges);
            var entries = durable.ReadAllAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
            if (!entries.Any(e => e.Kind == PaymentJournalEntryKind.AttemptCreated && e.AttemptId == request.MerchantOrderNumber))
            {
                Interlocked.Increment(ref _early);
            }

            return ValueTask.FromResult(ChannelResult.Success(request.Amount));
        }

        public ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken) => ValueTask.FromResult(ChannelResult.NotFound());

        public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken) => ValueTask.FromResult(ChannelResult.Cancelled());

        public ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(ChannelResult.Success(request.Amount));

        public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken) => ValueTask.FromResult(ChannelResult.NotFound());
    }
}
