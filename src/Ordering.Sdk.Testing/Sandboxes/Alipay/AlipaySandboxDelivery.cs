namespace Ordering.Sdk.Testing.Alipay;

/// <summary>One attempt to deliver a notification.</summary>
/// <param name="NotifyId">The notification id, the same across retries.</param>
/// <param name="OutTradeNo">The trade it is about.</param>
/// <param name="Attempt">1 for the first delivery, 2 for the first retry, and so on.</param>
/// <param name="At">When it was sent (sandbox clock).</param>
/// <param name="Acknowledged">Whether the receiver answered exactly <c>success</c>.</param>
/// <param name="SignatureValid">False for an injected bad-signature probe.</param>
public sealed record AlipaySandboxDelivery(string NotifyId, string OutTradeNo, int Attempt, DateTimeOffset At, bool Acknowledged, bool SignatureValid);
