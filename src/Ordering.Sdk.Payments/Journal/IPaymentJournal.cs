namespace Ordering.Sdk.Payments;

/// <summary>The durable, append-only record of every payment intent and transition.</summary>
/// <remarks>
/// The engine appends an attempt's intent before any request leaves the process and every transition
/// after; on start it reads the journal back and resumes every attempt that is not final. An
/// implementation must make an entry durable before <see cref="AppendAsync"/> completes.
/// </remarks>
public interface IPaymentJournal
{
    /// <summary>Appends an entry durably.</summary>
    /// <param name="entry">The entry; its <see cref="PaymentJournalEntry.Sequence"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels the append.</param>
    /// <returns>The sequence number assigned to the entry.</returns>
    ValueTask<long> AppendAsync(PaymentJournalEntry entry, CancellationToken cancellationToken);

    /// <summary>Reads every entry in append order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, with their sequence numbers.</returns>
    ValueTask<IReadOnlyList<PaymentJournalEntry>> ReadAllAsync(CancellationToken cancellationToken);
}
