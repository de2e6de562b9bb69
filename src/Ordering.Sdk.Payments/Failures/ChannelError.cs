namespace Ordering.Sdk.Payments;

/// <summary>A classified error reported by a payment channel.</summary>
/// <param name="Cause">The cause the channel adapter classified the error as.</param>
/// <param name="RawCode">The channel's own code (for example <c>SYSTEMERROR</c> or <c>ACQ.PAYMENT_AUTH_CODE_INVALID</c>).</param>
/// <param name="RawMessage">The channel's own message; payment codes in it are masked before it is logged or shown.</param>
/// <param name="Action">The action the adapter recommends, or <see langword="null"/> to use the default for <paramref name="Cause"/>.</param>
public sealed record ChannelError(FailureCause Cause, string RawCode, string RawMessage, RecommendedAction? Action = null);
