using System.Collections.Concurrent;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Storage.Sqlite.Tests.Orders;

// Group commit in the SQLite order store: appends queued while a commit is in flight share the next transaction,
// every caller is answered only after its transaction committed, a refused or failing append fails alone, and
// reads never wait for the writer. Commits are held deterministically through the writer's BeforeCommit hook.
public sealed class GroupCommitTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Append_WhileACommitIsHeld_OtherOrdersQueueIntoOneBatchAndAllComplete()
    {
        var held = new HeldCommit();
        await using var store = await SqliteOrderStore.OpenAsync(_db.FilePath, 512, held.Hooks);

        var first = store.AppendAsync(Append("a", 0, "a-1")).AsTask();
        await held.Entered.WaitAsync(Patience);
        var others = Enumerable.Range(0, 20).Select(i => store.AppendAsync(Append($"b{i}", 0, $"b{i}-1")).AsTask()).ToArray();

        Assert.False(first.IsCompleted, "an append was answered before its transaction committed");
        Assert.DoesNotContain(others, t => t.IsCompleted);
        held.Release();
        var results = await Task.WhenAll(others.Prepend(first)).WaitAsync(Patience);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal([1, 20], held.BatchSizes);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal([$"b{i}-1"], (await store.LoadAsync($"b{i}")).Select(e => e.RequestId));
        }
    }

    [Fact]
    public async Task Reads_WhileTheWriterHoldsAnUncommittedBatch_AnswerAtOnceWithTheCommittedState()
    {
        var held = new HeldCommit(armed: false);
        await using var store = await SqliteOrderStore.OpenAsync(_db.FilePath, 512, held.Hooks);
        var orders = OrderServiceFactory.Create(store, PricingEngine.Create(SampleMenu.Catalog(), new PricingPolicy()), new OrdersOptions());
        var opened = await orders.ExecuteAsync(new OpenOrder { OrderId = "o1", RequestId = "open-o1", ExpectedVersion = 0, Type = OrderType.Takeaway });
        var added = await orders.ExecuteAsync(new AddItems { OrderId = "o1", RequestId = "add-o1", ExpectedVersion = opened.Order!.Version, Items = [new OrderItemRequest(SampleMenu.Rice, 2)] });

        held.Arm();
        var pending = store.AppendAsync(Append("o2", 0, "o2-1")).AsTask();
        await held.Entered.WaitAsync(Patience);
        var view = await orders.GetAsync("o1").AsTask().WaitAsync(Patience);
        var uncommitted = await store.FindRequestAsync("o2-1").AsTask().WaitAsync(Patience);
        var history = await store.LoadAsync("o2").AsTask().WaitAsync(Patience);
        held.Release();
        await pending.WaitAsync(Patience);

        Assert.Equal(added.Order!.Version, view!.Version);
        Assert.Equal(added.Order.AmountDue, view.AmountDue);
        Assert.Null(uncommitted);
        Assert.Empty(history);
        Assert.NotNull(await store.FindRequestAsync("o2-1"));
    }

    [Fact]
    public async Task Append_ConflictDuplicateAndConstraintFailureInOneBatch_FailAloneAndLeaveNothingBehind()
    {
        var held = new HeldCommit();
        await using var store = await SqliteOrderStore.OpenAsync(_db.FilePath, 512, held.Hooks);
        var blocker = store.AppendAsync(Append("blocker", 0, "blocker-1")).AsTask();
        await held.Entered.WaitAsync(Patience);

        var winner = store.AppendAsync(Append("x", 0, "x-1")).AsTask();
        var stale = store.AppendAsync(Append("x", 0, "x-stale")).AsTask();
        var duplicate = store.AppendAsync(Append("y", 0, "x-1")).AsTask();
        var broken = store.AppendAsync(new OrderAppend([new StreamAppend("z", 0, [Event("z", 1, "z-1"), Event("z", 1, "z-1")])], Record("z", "z-1", 1, 1), [])).AsTask();
        var bystander = store.AppendAsync(Append("w", 0, "w-1")).AsTask();
        held.Release();

        Assert.True((await winner.WaitAsync(Patience)).Succeeded);
        Assert.Equal("x", (await stale.WaitAsync(Patience)).ConflictingOrderId);
        Assert.True((await duplicate.WaitAsync(Patience)).DuplicateRequest);
        var constraint = await Assert.ThrowsAsync<SqliteException>(() => broken.WaitAsync(Patience));
        Assert.Equal(19, constraint.SqliteErrorCode);
        Assert.True((await bystander.WaitAsync(Patience)).Succeeded);
        Assert.True((await blocker.WaitAsync(Patience)).Succeeded);
        Assert.Equal([1, 5], held.BatchSizes);

        Assert.Equal(["x-1"], (await store.LoadAsync("x")).Select(e => e.RequestId));
        Assert.Empty(await store.LoadAsync("y"));
        Assert.Empty(await store.LoadAsync("z"));
        Assert.Null(await store.FindRequestAsync("z-1"));
        Assert.Equal("x", (await store.FindRequestAsync("x-1"))!.OrderId);
        Assert.Equal(["blocker", "x", "w"], (await store.ReadOutboxAsync(100)).Select(o => o.Event.OrderId));
    }

    [Fact]
    public async Task Append_CancelledWhileQueued_IsWithdrawnAndNeverWritten()
    {
        var held = new HeldCommit();
        await using var store = await SqliteOrderStore.OpenAsync(_db.FilePath, 512, held.Hooks);
        var blocker = store.AppendAsync(Append("blocker", 0, "blocker-1")).AsTask();
        await held.Entered.WaitAsync(Patience);
        using var cancel = new CancellationTokenSource();
        var withdrawn = store.AppendAsync(Append("c", 0, "c-1"), cancel.Token).AsTask();
        var kept = store.AppendAsync(Append("k", 0, "k-1")).AsTask();

        await cancel.CancelAsync();
        held.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn.WaitAsync(Patience));
        Assert.True((await kept.WaitAsync(Patience)).Succeeded);
        Assert.True((await blocker.WaitAsync(Patience)).Succeeded);
        Assert.Empty(await store.LoadAsync("c"));
        Assert.Null(await store.FindRequestAsync("c-1"));
    }

    [Fact]
    public async Task Appends_ManyConcurrentDinersOnDifferentOrders_ShareCommitsAndSurviveReopening()
    {
        var batches = new ConcurrentQueue<int>();
        var acknowledged = new ConcurrentBag<string>();
        await using (var store = await SqliteOrderStore.OpenAsync(_db.FilePath, 512, new GroupCommitHooks { Committed = batches.Enqueue }))
        {
            var diners = Enumerable.Range(0, 32).Select(d => Task.Run(async () =>
            {
                for (var v = 0; v < 5; v++)
                {
                    var requestId = $"d{d}-{v + 1}";
                    var result = await store.AppendAsync(Append($"d{d}", v, requestId));
                    Assert.True(result.Succeeded, requestId);
                    acknowledged.Add(requestId);
                }
            })).ToArray();
            await Task.WhenAll(diners).WaitAsync(Patience);
        }

        await using var reopened = await SqliteOrderStore.OpenAsync(_db.FilePath);
        Assert.Equal(160, batches.Sum());
        Assert.Equal(160, acknowledged.Count);
        foreach (var requestId in acknowledged)
        {
            var record = await reopened.FindRequestAsync(requestId);
            Assert.NotNull(record);
            Assert.Equal(requestId, (await reopened.LoadAsync(record.OrderId))[(int)record.FromVersion - 1].RequestId);
        }
    }

    // Any interleaving of appends to several orders (with stale versions, reused request ids and table claims mixed
    // in), cut into batches of any size, gives each caller the answer and each order the history that applying the
    // same appends one by one to the in-memory reference store gives; and a reopened file reads back the same.
    [Property(MaxTest = 20)]
    public Property Appends_AnyInterleavingAndBatchSize_MatchSequentialApplication()
    {
        var gen = from script in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
                  from limit in Gen.Choose(1, 8)
                  select (script, limit);
        return Prop.ForAll(gen.ToArbitrary(), input => MatchesSequentialApplication(input.script, input.limit));
    }

    private static void MatchesSequentialApplication(byte[] script, int batchLimit)
    {
        using var db = new TempDatabase();
        var reference = new InMemoryOrderStore();
        var (appends, expected) = Script(script, reference);

        var held = new HeldCommit();
        var store = SqliteOrderStore.OpenAsync(db.FilePath, batchLimit, held.Hooks).AsTask().GetAwaiter().GetResult();
        try
        {
            // Everything queues behind a held first commit, so the writer must cut the whole script into batches.
            var first = store.AppendAsync(Append("warm-up", 0, "warm-up-1")).AsTask();
            Assert.True(held.Entered.Wait(Patience));
            var pending = appends.Select(a => store.AppendAsync(a).AsTask()).ToArray();
            held.Release();
            Assert.True(first.Wait(Patience));
            var actual = Task.WhenAll(pending).WaitAsync(Patience).GetAwaiter().GetResult();
            Assert.Equal(expected, actual);
            Assert.All(held.BatchSizes, size => Assert.InRange(size, 1, batchLimit));
        }
        finally
        {
            store.Dispose();
        }

        using var reopened = SqliteOrderStore.OpenAsync(db.FilePath).AsTask().GetAwaiter().GetResult();
        foreach (var orderId in appends.SelectMany(a => a.Streams).Select(s => s.OrderId).Distinct(StringComparer.Ordinal))
        {
            var want = reference.LoadAsync(orderId).AsTask().GetAwaiter().GetResult().Select(e => (e.Version, e.RequestId));
            var have = reopened.LoadAsync(orderId).AsTask().GetAwaiter().GetResult().Select(e => (e.Version, e.RequestId));
            Assert.Equal(want, have);
        }

        foreach (var table in new[] { "T0", "T1" })
        {
            Assert.Equal(
                reference.FindTableOccupantAsync(table).AsTask().GetAwaiter().GetResult(),
                reopened.FindTableOccupantAsync(table).AsTask().GetAwaiter().GetResult());
        }
    }

    // Each byte is one append: which of four orders, and what kind: the order's next version (the common case),
    // a stale version, a request id used before, or taking or freeing one of two tables along with the events.
    // Applied one by one to the reference store as it is built, so later appends follow what was accepted.
    private static (List<OrderAppend> Appends, List<AppendResult> Results) Script(byte[] script, InMemoryOrderStore reference)
    {
        var next = new long[4];
        var requests = new List<string>();
        var appends = new List<OrderAppend>();
        var results = new List<AppendResult>();
        for (var i = 0; i < script.Length; i++)
        {
            var order = script[i] % 4;
            var orderId = "o" + order.ToString(CultureInfo.InvariantCulture);
            var requestId = "r" + i.ToString(CultureInfo.InvariantCulture);
            var expected = next[order];
            var claims = new List<TableClaim>();
            var table = "T" + (script[i] / 32 % 2).ToString(CultureInfo.InvariantCulture);
            switch (script[i] / 4 % 8)
            {
                case 0:
                    expected = next[order] == 0 ? 1 : next[order] - 1;
                    break;
                case 1 when requests.Count > 0:
                    requestId = requests[script[i] % requests.Count];
                    break;
                case 2:
                    claims.Add(new TableClaim(table, orderId));
                    break;
                case 3:
                    claims.Add(new TableClaim(table, null, orderId));
                    break;
            }

            var append = new OrderAppend([new StreamAppend(orderId, expected, [Event(orderId, expected + 1, requestId)])], Record(orderId, requestId, expected + 1, expected + 1), claims);
            var result = reference.AppendAsync(append).AsTask().GetAwaiter().GetResult();
            if (result.Succeeded)
            {
                next[order] = expected + 1;
            }

            requests.Add(requestId);
            appends.Add(append);
            results.Add(result);
        }

        return (appends, results);
    }

    private static OrderAppend Append(string orderId, long expectedVersion, string requestId) =>
        new([new StreamAppend(orderId, expectedVersion, [Event(orderId, expectedVersion + 1, requestId)])], Record(orderId, requestId, expectedVersion + 1, expectedVersion + 1), []);

    private static ItemsAdded Event(string orderId, long version, string requestId) => new()
    {
        OrderId = orderId,
        Version = version,
        RequestId = requestId,
        OccurredAt = new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero),
        Round = 1,
        Disposition = LineDisposition.Fire,
        Lines = [new AddedLine("L" + version.ToString(CultureInfo.InvariantCulture), new OrderItemRequest(SampleMenu.Rice, 1))],
    };

    private static IdempotencyRecord Record(string orderId, string requestId, long from, long to) =>
        new(requestId, orderId, nameof(AddItems), OrderCommandStatus.Accepted, null, from, to);

    // Holds the next batch once armed (at once by default) before its COMMIT until released, and records every committed
    // batch's size.
    private sealed class HeldCommit(bool armed = true)
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<int> _sizes = new();
        private int _armed = armed ? 1 : 0;

        public Task Entered => _entered.Task;

        public int[] BatchSizes => [.. _sizes];

        public GroupCommitHooks Hooks => new()
        {
            BeforeCommit = async _ =>
            {
                if (Interlocked.Exchange(ref _armed, 0) == 1)
                {
                    _entered.SetResult();
                    await _release.Task.ConfigureAwait(false);
                }
            },
            Committed = _sizes.Enqueue,
        };

        public void Arm() => Volatile.Write(ref _armed, 1);

        public void Release() => _release.SetResult();
    }
}
