using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Testing;

// Wraps the durable journal and crashes the engine at chosen append steps, before or after the write is durable.
internal sealed class CrashingJournal(IPaymentJournal inner, HashSet<long> crashSteps, Random random) : IPaymentJournal
{
    private long _appends;

    public bool Enabled { get; set; } = true;

    public long Appends => _appends;

    public async ValueTask<long> AppendAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
    {
        var step = ++_appends;
        if (Enabled && crashSteps.Contains(step))
        {
            var persisted = random.Next(2) == 0;
            if (persisted)
            {
                await inner.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
            }

            throw new SimulatedCrashException(step, persisted);
        }

        return await inner.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<IReadOnlyList<PaymentJournalEntry>> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);
}
