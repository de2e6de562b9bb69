namespace Ordering.Sdk.Payments;

/// <summary>A channel's answer to one call: a definitive result, a pending or unknown result, or a classified failure.</summary>
/// <param name="Outcome">What the channel answered.</param>
/// <param name="Amount">The amount captured or refunded, when the answer carries it.</param>
/// <param name="ChannelTransactionId">The channel's own transaction or refund id, when known.</param>
/// <param name="Error">The classified error for <see cref="ChannelOutcome.Declined"/> and <see cref="ChannelOutcome.Unknown"/>.</param>
/// <param name="CustomerPrompt">What to show the customer (a QR code URL, a prepay id), when any.</param>
public sealed record ChannelResult(ChannelOutcome Outcome, Money? Amount = null, string? ChannelTransactionId = null, ChannelError? Error = null, string? CustomerPrompt = null)
{
    /// <summary>Creates a definitive success.</summary>
    /// <param name="amount">The amount captured or refunded.</param>
    /// <param name="channelTransactionId">The channel's id.</param>
    /// <returns>The result.</returns>
    public static ChannelResult Success(Money amount, string? channelTransactionId = null) => new(ChannelOutcome.Succeeded, amount, channelTransactionId);

    /// <summary>Creates a definitive refusal.</summary>
    /// <param name="error">Why.</param>
    /// <returns>The result.</returns>
    public static ChannelResult Decline(ChannelError error) => new(ChannelOutcome.Declined, Error: error);

    /// <summary>Creates an unknown outcome (timeout, SYSTEMERROR).</summary>
    /// <param name="error">What was observed.</param>
    /// <returns>The result.</returns>
    public static ChannelResult Unknown(ChannelError error) => new(ChannelOutcome.Unknown, Error: error);

    /// <summary>Creates a "customer is paying" answer.</summary>
    /// <param name="customerPrompt">What to show the customer, if anything.</param>
    /// <returns>The result.</returns>
    public static ChannelResult Paying(string? customerPrompt = null) => new(ChannelOutcome.CustomerPaying, CustomerPrompt: customerPrompt);

    /// <summary>Creates a "not found" answer.</summary>
    /// <returns>The result.</returns>
    public static ChannelResult NotFound() => new(ChannelOutcome.NotFound);

    /// <summary>Creates a "closed / reversed / cancelled" answer.</summary>
    /// <returns>The result.</returns>
    public static ChannelResult Cancelled() => new(ChannelOutcome.Cancelled);

    /// <summary>Creates a "refund accepted, processing" answer.</summary>
    /// <returns>The result.</returns>
    public static ChannelResult Processing() => new(ChannelOutcome.Processing);
}
