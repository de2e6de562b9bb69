namespace Ordering.Sdk.Payments.Tests.Engine;

// A journal whose appends, once closed, wait on a gate: a slow fsync frozen in the middle of a write. With a
// filter only the matching entries wait (say, one order's), the others go straight through.
internal sealed class GatedJournal(IPaymentJournal inner, Func<PaymentJournalEntry, bool>? filter = null) : IPaymentJournal
{
    private TaskCompletionSource _gate = CompletedGate();

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _gate.TrySetResult();

    public async ValueTask<long> AppendAsync(PaymentJournalEntry entry, CancellationToken cancellationToken)
    {
        if (filter is null || filter(entry))
        {
            Entered.TrySetResult();
            await _gate.Task.WaitAsync(cancellationToken);
        }

        return await inner.AppendAsync(entry, cancellationToken);
    }

    public ValueTask<IReadOnlyList<PaymentJournalEntry>> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}
