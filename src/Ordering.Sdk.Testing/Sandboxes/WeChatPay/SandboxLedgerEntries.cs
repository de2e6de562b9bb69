namespace Ordering.Sdk.Testing;

// The sandbox's mutable ledger rows, guarded by the sandbox's lock.
internal sealed class SandboxTrade
{
    public required string OutTradeNo { get; init; }

    public required string TransactionId { get; init; }

    public required string TradeType { get; init; }

    public required long Amount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required WeChatPaySandboxCustomer Customer { get; init; }

    public string? NotifyUrl { get; init; }

    public string? OpenId { get; init; }

    public string? PrepayId { get; init; }

    public string State { get; set; } = "NOTPAY";

    public string StateDescription { get; set; } = string.Empty;

    public DateTimeOffset? PaidAt { get; set; }

    public long Refunded { get; set; }

    public bool Reversed { get; set; }
}

internal sealed class SandboxRefund
{
    public required string OutRefundNo { get; init; }

    public required string OutTradeNo { get; init; }

    public required string RefundId { get; init; }

    public required long Amount { get; init; }

    public required long Total { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? NotifyUrl { get; init; }

    public string Status { get; set; } = "PROCESSING";

    public DateTimeOffset? SucceededAt { get; set; }
}

internal sealed class SandboxCallback
{
    public required string Id { get; init; }

    public required string EventType { get; init; }

    public required string OutTradeNo { get; init; }

    public required string Url { get; init; }

    public required string ResourceType { get; init; }

    public required byte[] Resource { get; init; }

    public required string Summary { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NextAt { get; set; }

    public int Attempts { get; set; }

    public bool Done { get; set; }

    public bool Duplicate { get; set; }

    public bool Probe { get; set; }
}
