namespace Ordering.Sdk.Payments;

/// <summary>
/// One diagnosed failure: the cause, the raw channel code and message, what to do next and what to tell
/// staff and the customer, in Simplified Chinese and English.
/// </summary>
/// <remarks>Payment codes and secrets never appear here: the raw message is masked before it is stored.</remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PaymentFailure
{
    internal PaymentFailure(
        string? attemptId,
        string? orderId,
        PaymentChannelId channel,
        PaymentOperation operation,
        FailureCause cause,
        RecommendedAction action,
        string rawCode,
        string rawMessage,
        FailureText text,
        DateTimeOffset occurredAt)
    {
        AttemptId = attemptId;
        OrderId = orderId;
        Channel = channel;
        Operation = operation;
        Cause = cause;
        Action = action;
        RawCode = rawCode;
        RawMessage = rawMessage;
        StaffMessageZhCn = text.StaffZhCn;
        StaffMessageEn = text.StaffEn;
        CustomerMessageZhCn = text.CustomerZhCn;
        CustomerMessageEn = text.CustomerEn;
        OccurredAt = occurredAt;
    }

    /// <summary>Gets the payment attempt the failure belongs to, if any.</summary>
    public string? AttemptId { get; }

    /// <summary>Gets the order the failure belongs to, if any.</summary>
    public string? OrderId { get; }

    /// <summary>Gets the channel that failed.</summary>
    public PaymentChannelId Channel { get; }

    /// <summary>Gets the call that failed.</summary>
    public PaymentOperation Operation { get; }

    /// <summary>Gets the cause.</summary>
    public FailureCause Cause { get; }

    /// <summary>Gets what staff should do next.</summary>
    public RecommendedAction Action { get; }

    /// <summary>Gets the channel's raw code (or the engine's own code for local refusals).</summary>
    public string RawCode { get; }

    /// <summary>Gets the channel's raw message, with payment codes masked.</summary>
    public string RawMessage { get; }

    /// <summary>Gets the message for staff in Simplified Chinese.</summary>
    public string StaffMessageZhCn { get; }

    /// <summary>Gets the message for staff in English.</summary>
    public string StaffMessageEn { get; }

    /// <summary>Gets the message for the customer in Simplified Chinese.</summary>
    public string CustomerMessageZhCn { get; }

    /// <summary>Gets the message for the customer in English.</summary>
    public string CustomerMessageEn { get; }

    /// <summary>Gets when the failure was recorded.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Channel} {Operation} failed: {Cause} ({RawCode}) → {Action}");
}
