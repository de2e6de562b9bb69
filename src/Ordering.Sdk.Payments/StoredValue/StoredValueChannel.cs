namespace Ordering.Sdk.Payments;

/// <summary>Stored value (会员储值) as a payment channel over a <see cref="StoredValueLedger"/>; the payer id is the member id.</summary>
/// <param name="ledger">The ledger.</param>
/// <threadsafety>Safe to use from several threads.</threadsafety>
public sealed class StoredValueChannel(StoredValueLedger ledger) : IPaymentChannel
{
    private readonly StoredValueLedger _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));

    /// <inheritdoc/>
    public PaymentChannelId Id => PaymentChannelId.StoredValue;

    /// <inheritdoc/>
    public ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.PayerId))
        {
            return ValueTask.FromResult(ChannelResult.Decline(new ChannelError(FailureCause.Configuration, "MEMBER_REQUIRED", "A stored value charge needs the member id as payer.")));
        }

        return ValueTask.FromResult(_ledger.TryDebit(request.PayerId, request.MerchantOrderNumber, request.Amount));
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken) => ValueTask.FromResult(_ledger.Query(merchantOrderNumber));

    /// <inheritdoc/>
    public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken) => ValueTask.FromResult(_ledger.Reverse(merchantOrderNumber));

    /// <inheritdoc/>
    public ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ValueTask.FromResult(_ledger.Refund(request.MerchantOrderNumber, request.RefundNumber, request.Amount));
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_ledger.QueryRefund(merchantOrderNumber, refundNumber));
}
