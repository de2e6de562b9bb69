using Ordering.Sdk.Orders;

namespace Ordering.Sdk.Tests.Orders;

// The order service takes no lock of its own across a store append: while one order's append is stuck in the
// store (a slow fsync), commands and reads on other orders run to completion. Per-order ordering is the store's
// version check, not a service-wide lock.
public sealed class OrderServiceLockingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAsync_WhileAnotherOrdersAppendIsStuckInTheStore_OtherOrdersCompleteAndReadsAnswer()
    {
        var store = new StallingStore();
        var f = new OrderFixture(store);
        var slowOrder = await f.OpenTableAsync("slow", "T1");
        var other = await f.OpenTableAsync("other", "T2");

        store.StallAppendsOf("slow");
        var stuck = f.Service.ExecuteAsync(new AddItems { OrderId = "slow", RequestId = f.NextRequest(), ExpectedVersion = slowOrder.Version, Items = [new OrderItemRequest("rice", 1)] }).AsTask();
        await store.Stalled.WaitAsync(Patience);
        var added = await f.AddAsync(other, LineDisposition.Fire, ("fish", 1)).WaitAsync(Patience);
        var opened = await f.OpenTableAsync("third", "T3").WaitAsync(Patience);
        var read = await f.Service.GetAsync("slow").AsTask().WaitAsync(Patience);

        Assert.False(stuck.IsCompleted);
        Assert.Equal(other.Version + 1, added.Version);
        Assert.Equal(1, opened.Version);
        Assert.Equal(slowOrder.Version, read!.Version);
        store.Resume();
        var result = await stuck.WaitAsync(Patience);
        Assert.Equal(OrderCommandStatus.Accepted, result.Status);
        Assert.Equal(slowOrder.Version + 1, (await f.Service.GetAsync("slow"))!.Version);
    }

    // The in-memory store, except that appends touching one chosen order wait until released.
    private sealed class StallingStore : IOrderStore
    {
        private readonly InMemoryOrderStore _inner = new();
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _stalledOrder;

        public Task Stalled => _stalled.Task;

        public void StallAppendsOf(string orderId) => _stalledOrder = orderId;

        public void Resume() => _resume.SetResult();

        public async ValueTask<AppendResult> AppendAsync(OrderAppend append, CancellationToken cancellationToken = default)
        {
            if (append.Streams.Any(s => s.OrderId == _stalledOrder))
            {
                _stalled.TrySetResult();
                await _resume.Task.WaitAsync(cancellationToken);
            }

            return await _inner.AppendAsync(append, cancellationToken);
        }

        public ValueTask<IReadOnlyList<OrderEvent>> LoadAsync(string orderId, CancellationToken cancellationToken = default) => _inner.LoadAsync(orderId, cancellationToken);

        public ValueTask<IdempotencyRecord?> FindRequestAsync(string requestId, CancellationToken cancellationToken = default) => _inner.FindRequestAsync(requestId, cancellationToken);

        public ValueTask<string?> FindTableOccupantAsync(string tableId, CancellationToken cancellationToken = default) => _inner.FindTableOccupantAsync(tableId, cancellationToken);

        public ValueTask<int> NextOrderNumberAsync(DateOnly businessDay, CancellationToken cancellationToken = default) => _inner.NextOrderNumberAsync(businessDay, cancellationToken);

        public ValueTask<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(int max, CancellationToken cancellationToken = default) => _inner.ReadOutboxAsync(max, cancellationToken);

        public ValueTask AcknowledgeOutboxAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default) => _inner.AcknowledgeOutboxAsync(sequences, cancellationToken);
    }
}
