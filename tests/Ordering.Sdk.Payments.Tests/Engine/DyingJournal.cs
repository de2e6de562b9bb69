namespace Ordering.Sdk.Payments.Tests.Engine;

// A journal whose process "dies" at the first entry matching a predicate: that entry is never written and
// every later append fails too, as if the process were gone. The inner journal is what survives.
internal sealed class DyingJournal(IPaymentJournal inner, Func<PaymentJournalEntry, bool> diesAt) : IPaymentJournal
{
    public bool Died { get; private set; }

    public ValueTask<long> AppendAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
    {
        if (Died || diesAt(entry))
        {
            Died = true;
            throw new IOException("The process died.");
        }

        return inner.AppendAsync(entry, cancellationToken);
    }

    public ValueTask<IReadOnlyList<PaymentJournalEntry>> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);
}
