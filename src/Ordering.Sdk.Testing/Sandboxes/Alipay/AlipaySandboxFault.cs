namespace Ordering.Sdk.Testing.Alipay;

/// <summary>One injected fault, used once by the next matching call.</summary>
/// <param name="Kind">The fault.</param>
/// <param name="Method">The OpenAPI method it applies to (e.g. <c>alipay.trade.pay</c>); <see langword="null"/> for any.</param>
/// <param name="Delay">For <see cref="AlipaySandboxFaultKind.Latency"/>: how long the answer is held back (real time).</param>
public sealed record AlipaySandboxFault(AlipaySandboxFaultKind Kind, string? Method = null, TimeSpan Delay = default);
