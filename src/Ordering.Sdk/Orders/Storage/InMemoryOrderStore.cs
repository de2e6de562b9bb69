namespace Ordering.Sdk.Orders;

/// <summary>An <see cref="IOrderStore"/> in process memory, for tests and demos; nothing survives a restart.</summary>
/// <threadsafety>Thread-safe: every operation takes one lock, so appends are atomic.</threadsafety>
public sealed class InMemoryOrderStore : IOrderStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<OrderEvent>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdempotencyRecord> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, int> _orderNumbers = [];
    private readonly List<OutboxEntry> _outbox = [];
    private long _sequence;

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<OrderEvent>> LoadAsync(string orderId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<OrderEvent> events = _streams.TryGetValue(orderId, out var stream) ? stream.ToArray() : [];
            return ValueTask.FromResult(events);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IdempotencyRecord?> FindRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_requests.GetValueOrDefault(requestId));
        }
    }

    /// <inheritdoc/>
    public ValueTask<string?> FindTableOccupantAsync(string tableId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_tables.GetValueOrDefault(tableId));
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> NextOrderNumberAsync(DateOnly businessDay, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var next = _orderNumbers.GetValueOrDefault(businessDay) + 1;
            _orderNumbers[businessDay] = next;
            return ValueTask.FromResult(next);
        }
    }

    /// <inheritdoc/>
    public ValueTask<AppendResult> AppendAsync(OrderAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_requests.ContainsKey(append.Request.RequestId))
            {
                return ValueTask.FromResult(new AppendResult { DuplicateRequest = true });
            }

            foreach (var stream in append.Streams)
            {
                var version = _streams.TryGetValue(stream.OrderId, out var existing) ? existing.Count : 0;
                if (version != stream.ExpectedVersion)
                {
                    return ValueTask.FromResult(new AppendResult { ConflictingOrderId = stream.OrderId });
                }
            }

            foreach (var claim in append.TableClaims)
            {
                var holder = _tables.GetValueOrDefault(claim.TableId);
                var ok = claim.OrderId is null
                    ? holder is null || string.Equals(holder, claim.PreviousOrderId, StringComparison.Ordinal)
                    : holder is null || string.Equals(holder, claim.OrderId, StringComparison.Ordinal);
                if (!ok)
                {
                    return ValueTask.FromResult(new AppendResult { OccupiedTableId = claim.TableId });
                }
            }

            foreach (var stream in append.Streams)
            {
                if (!_streams.TryGetValue(stream.OrderId, out var list))
                {
                    _streams[stream.OrderId] = list = [];
                }

                list.AddRange(stream.Events);
                foreach (var e in stream.Events)
                {
                    _outbox.Add(new OutboxEntry(++_sequence, e));
                }
            }

            foreach (var claim in append.TableClaims.Where(c => c.OrderId is null))
            {
                _tables.Remove(claim.TableId);
            }

            foreach (var claim in append.TableClaims.Where(c => c.OrderId is not null))
            {
                _tables[claim.TableId] = claim.OrderId!;
            }

            _requests[append.Request.RequestId] = append.Request;
            return ValueTask.FromResult(AppendResult.Success);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<OutboxEntry>> ReadOutboxAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        lock (_lock)
        {
            IReadOnlyList<OutboxEntry> entries = _outbox.Take(max).ToArray();
            return ValueTask.FromResult(entries);
        }
    }

    /// <inheritdoc/>
    public ValueTask AcknowledgeOutboxAsync(IReadOnlyList<long> sequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        lock (_lock)
        {
            var done = sequences.ToHashSet();
            _outbox.RemoveAll(e => done.Contains(e.Sequence));
            return ValueTask.CompletedTask;
        }
    }
}
