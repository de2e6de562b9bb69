namespace Ordering.Sdk.Payments;

// The most recent failures in journal order (by the sequence their FailureRecorded entry got), bounded:
// orders record failures concurrently, so they can arrive here slightly out of journal order.
internal sealed class FailureLog(int capacity)
{
    private readonly List<(long Sequence, PaymentFailure Failure)> _entries = [];

    public void Add(long sequence, PaymentFailure failure)
    {
        var at = _entries.Count;
        while (at > 0 && _entries[at - 1].Sequence > sequence)
        {
            at--;
        }

        if (_entries.Count == capacity)
        {
            if (at == 0)
            {
                // Older than everything kept: it would be the one dropped.
                return;
            }

            _entries.RemoveAt(0);
            at--;
        }

        _entries.Insert(at, (sequence, failure));
    }

    public PaymentFailure[] ToArray()
    {
        var failures = new PaymentFailure[_entries.Count];
        for (var i = 0; i < failures.Length; i++)
        {
            failures[i] = _entries[i].Failure;
        }

        return failures;
    }
}
