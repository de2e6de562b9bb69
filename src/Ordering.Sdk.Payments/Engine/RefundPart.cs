namespace Ordering.Sdk.Payments;

// One channel refund of one attempt; guarded by its order's gate, except DueAt and Busy (the engine's _sync).
internal sealed class RefundPart(string number, string groupNumber, PaymentAttempt attempt, Money amount, bool automatic)
{
    public string Number { get; } = number;

    public string GroupNumber { get; } = groupNumber;

    public PaymentAttempt Attempt { get; } = attempt;

    public Money Amount { get; } = amount;

    public bool Automatic { get; } = automatic;

    public RefundState State { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public bool Busy { get; set; }

    // Whether this process sent it; after a restart the engine queries first and re-sends only if the channel never saw it.
    public bool Sent { get; set; }

    public bool IsOpen => State is RefundState.Requested or RefundState.Processing;

    public RefundPartSnapshot ToSnapshot() => new(Number, Attempt.Id, Attempt.Channel, Amount, State, Automatic);
}
