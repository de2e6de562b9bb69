namespace Ordering.Sdk.Payments;

/// <summary>One append-only record of the payment journal.</summary>
/// <remarks>
/// Amounts are minor units (fen) in <see cref="CurrencyCode"/>. Payment codes are never journaled:
/// resuming an attempt needs only its merchant order number.
/// </remarks>
public sealed record PaymentJournalEntry
{
    /// <summary>Gets the position in the journal, assigned by <see cref="IPaymentJournal.AppendAsync"/>; 0 before appending.</summary>
    public long Sequence { get; init; }

    /// <summary>Gets what the entry records.</summary>
    public required PaymentJournalEntryKind Kind { get; init; }

    /// <summary>Gets when the engine wrote the entry.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the attempt id (also its merchant order number); for a notification, its de-duplication key; for a failure outside any attempt, empty.</summary>
    public required string AttemptId { get; init; }

    /// <summary>Gets the order id (attempt created, refund requested).</summary>
    public string? OrderId { get; init; }

    /// <summary>Gets the caller's idempotency key (attempt created, refund requested).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Gets the channel.</summary>
    public PaymentChannelId Channel { get; init; }

    /// <summary>Gets how the charge is taken (attempt created).</summary>
    public ChargeKind ChargeKind { get; init; }

    /// <summary>Gets the ISO currency code of every amount of the entry.</summary>
    public string CurrencyCode { get; init; } = "CNY";

    /// <summary>Gets the attempt amount (attempt created), captured amount (state changed) or refund amount (refund entries).</summary>
    public long Amount { get; init; }

    /// <summary>Gets the order's amount due when the attempt was created.</summary>
    public long AmountDue { get; init; }

    /// <summary>Gets the change given for a cash tender.</summary>
    public long Change { get; init; }

    /// <summary>Gets the payer (member id for stored value), if any.</summary>
    public string? PayerId { get; init; }

    /// <summary>Gets the new state (state changed).</summary>
    public PaymentState State { get; init; }

    /// <summary>Gets the trigger of the transition (state changed).</summary>
    public PaymentTrigger Trigger { get; init; }

    /// <summary>Gets a value indicating whether the engine gave up on the attempt (its money, if any is found, is refunded).</summary>
    public bool Abandoned { get; init; }

    /// <summary>Gets the channel's transaction or refund id, when known.</summary>
    public string? ChannelTransactionId { get; init; }

    /// <summary>Gets the refund number sent to the channel (refund entries).</summary>
    public string? RefundNumber { get; init; }

    /// <summary>Gets the refund's new state (refund entries).</summary>
    public RefundState RefundState { get; init; }

    /// <summary>Gets the raw failure code that caused the entry, masked, if any.</summary>
    public string? RawCode { get; init; }

    /// <summary>Gets extra detail (refund lines as <c>line=amount;…</c>, a refund's reason, a failure's masked raw message), if any.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets the failed call (failure recorded).</summary>
    public PaymentOperation Operation { get; init; }

    /// <summary>Gets the failure's cause (failure recorded).</summary>
    public FailureCause Cause { get; init; }

    /// <summary>Gets the recommended action (failure recorded).</summary>
    public RecommendedAction Action { get; init; }
}
