namespace Ordering.Sdk.Testing.Alipay;

/// <summary>A snapshot of one trade in the sandbox's ledger.</summary>
/// <param name="OutTradeNo">The merchant's order number.</param>
/// <param name="TradeNo">Alipay's trade number.</param>
/// <param name="TotalFen">The trade amount in fen.</param>
/// <param name="Status">The status now.</param>
/// <param name="PaidFen">What the customer paid (0 unless paid at some point).</param>
/// <param name="RefundedFen">What was refunded, cancels included.</param>
/// <param name="Refunds">Refunds by request number (out_request_no) and amount in fen.</param>
/// <param name="PaidAt">When the customer paid.</param>
public sealed record AlipaySandboxTrade(
    string OutTradeNo,
    string TradeNo,
    long TotalFen,
    AlipaySandboxTradeStatus Status,
    long PaidFen,
    long RefundedFen,
    IReadOnlyDictionary<string, long> Refunds,
    DateTimeOffset? PaidAt);
