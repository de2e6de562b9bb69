namespace Ordering.Sdk.Testing.Alipay;

// The sandbox's mutable ledger entry; guarded by the sandbox lock.
internal sealed class SandboxTrade(string outTradeNo, string tradeNo, long totalFen, string kind, DateTimeOffset createdAt)
{
    public string OutTradeNo { get; } = outTradeNo;

    public string TradeNo { get; } = tradeNo;

    public long TotalFen { get; } = totalFen;

    public string Kind { get; } = kind;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string? AuthCode { get; init; }

    public string? NotifyUrl { get; init; }

    public string Subject { get; init; } = string.Empty;

    public AlipaySandboxTradeStatus Status { get; set; }

    public long PaidFen { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? ResolveAt { get; set; }

    public AlipayCustomerBehavior Behavior { get; set; }

    public Dictionary<string, (long Fen, DateTimeOffset At)> Refunds { get; } = new(StringComparer.Ordinal);

    public long RefundedFen => Refunds.Values.Sum(r => r.Fen);

    public AlipaySandboxTrade ToSnapshot() =>
        new(OutTradeNo, TradeNo, TotalFen, Status, PaidFen, RefundedFen, Refunds.ToDictionary(r => r.Key, r => r.Value.Fen, StringComparer.Ordinal), PaidAt);
}
