namespace Ordering.Sdk.Payments;

/// <summary>A payment journal in memory, for tests and simulations; it does not survive the process.</summary>
/// <threadsafety>Safe to use from several threads.</threadsafety>
public sealed class InMemoryPaymentJournal : IPaymentJournal
{
    private readonly List<PaymentJournalEntry> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>Gets the number of entries.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is <see langword="null"/>.</exception>
    public ValueTask<long> AppendAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var sequence = _entries.Count + 1L;
            _entries.Add(entry with { Sequence = sequence });
            return ValueTask.FromResult(sequence);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<PaymentJournalEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<PaymentJournalEntry>>(_entries.ToArray());
        }
    }
}
