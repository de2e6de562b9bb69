namespace Ordering.Sdk.Payments;

/// <summary>A point-in-time view of one payment attempt.</summary>
/// <param name="AttemptId">The attempt id, also its merchant order number at the channel.</param>
/// <param name="OrderId">The order it pays for.</param>
/// <param name="IdempotencyKey">The caller's key.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Kind">How the charge is taken.</param>
/// <param name="Amount">The amount applied to the order.</param>
/// <param name="State">The state.</param>
/// <param name="Captured">What the channel captured (zero until it succeeds).</param>
/// <param name="Refunded">What has been refunded of it.</param>
/// <param name="Change">Change to give for a cash tender.</param>
/// <param name="IsAbandoned">The engine gave up on it; any money found later is refunded automatically and does not count towards the order.</param>
/// <param name="ChannelTransactionId">The channel's transaction id, when known.</param>
/// <param name="CustomerPrompt">What to show the customer (QR code URL, prepay id), when any.</param>
/// <param name="LastFailure">The last diagnosed failure, if any.</param>
/// <param name="CreatedAt">When the attempt was created.</param>
public sealed record PaymentAttemptSnapshot(
    string AttemptId,
    string OrderId,
    string IdempotencyKey,
    PaymentChannelId Channel,
    ChargeKind Kind,
    Money Amount,
    PaymentState State,
    Money Captured,
    Money Refunded,
    Money Change,
    bool IsAbandoned,
    string? ChannelTransactionId,
    string? CustomerPrompt,
    PaymentFailure? LastFailure,
    DateTimeOffset CreatedAt);
