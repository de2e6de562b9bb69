namespace Ordering.Sdk.Payments;

// The engine's mutable record of one attempt; guarded by its order's gate, except DueAt and Busy (the engine's _sync).
internal sealed class PaymentAttempt
{
    public PaymentAttempt(string id, string orderId, string idempotencyKey, PaymentChannelId channel, ChargeKind kind, Money amount, Money change, string? payerId, DateTimeOffset createdAt)
    {
        Id = id;
        OrderId = orderId;
        IdempotencyKey = idempotencyKey;
        Channel = channel;
        Kind = kind;
        Amount = amount;
        Change = change;
        PayerId = payerId;
        CreatedAt = createdAt;
        Captured = Money.Zero(amount.Currency);
        Refunded = Money.Zero(amount.Currency);
        RefundReserved = Money.Zero(amount.Currency);
    }

    public string Id { get; }

    // The order the attempt belongs to; set when the attempt is registered.
    public OrderBook Book { get; set; } = null!;

    public string OrderId { get; }

    public string IdempotencyKey { get; }

    public PaymentChannelId Channel { get; }

    public ChargeKind Kind { get; }

    public Money Amount { get; }

    public Money Change { get; }

    public string? PayerId { get; }

    public DateTimeOffset CreatedAt { get; }

    public PaymentState State { get; set; }

    public Money Captured { get; set; }

    public Money Refunded { get; set; }

    // Refund parts journaled but not yet resolved: counted against what may still be refunded.
    public Money RefundReserved { get; set; }

    public bool Abandoned { get; set; }

    public string? ChannelTransactionId { get; set; }

    public string? CustomerPrompt { get; set; }

    public PaymentFailure? LastFailure { get; set; }

    // Scheduling: when the engine should next look at the attempt, and whether a call is running.
    public DateTimeOffset? DueAt { get; set; }

    public bool Busy { get; set; }

    // A success notification arrived for a Failed/Cancelled attempt: confirm it by query (notifications are untrusted).
    public bool NeedsVerification { get; set; }

    public bool AutoRefundStarted { get; set; }

    // Whether the channel answered a charge request of this attempt, so a wallet (QR / JSAPI) customer holds the
    // prompt they pay with. In memory only: after a restart an unpaid wallet charge is presented again, which also
    // brings back the prompt the journal does not keep.
    public bool ChargeAnswered { get; set; }

    public Money Refundable => Captured - Refunded - RefundReserved;

    // Paid by the customer in the wallet (QR scanned, JSAPI prompt), not by a scanned payment code.
    public bool IsWallet => Kind is ChargeKind.QrCode or ChargeKind.Jsapi;

    // How long after creation the engine waits before closing or reversing the attempt.
    public TimeSpan ResolveWithin(ChannelPolicy policy) => IsWallet ? policy.CustomerActionTimeout : policy.GiveUpAfter;

    // Counts towards the order: captured and not given up.
    public bool CountsTowardsOrder => PaymentStateChart.HasCaptured(State) && !Abandoned;

    public bool ReservesOutstanding => State is PaymentState.Created or PaymentState.Pending or PaymentState.AwaitingCustomer && !Abandoned;

    public PaymentAttemptSnapshot ToSnapshot() => new(
        Id, OrderId, IdempotencyKey, Channel, Kind, Amount, State, Captured, Refunded, Change, Abandoned, ChannelTransactionId, CustomerPrompt, LastFailure, CreatedAt);
}
