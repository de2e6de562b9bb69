namespace Ordering.Sdk.Payments;

/// <summary>Stored value (会员储值) as a payment channel over an <see cref="IStoredValueLedger"/>; the payer id is the member id.</summary>
/// <param name="ledger">The ledger: <see cref="StoredValueLedger"/> in memory, or a durable one.</param>
/// <threadsafety>Safe to use from several threads.</threadsafety>
public sealed class StoredValueChannel(IStoredValueLedger ledger) : IPaymentChannel
{
    private readonly IStoredValueLedger _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));

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

        return _ledger.DebitAsync(request.PayerId, request.MerchantOrderNumber, request.Amount, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken) => _ledger.QueryDebitAsync(merchantOrderNumber, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken) => _ledger.ReverseDebitAsync(merchantOrderNumber, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _ledger.RefundDebitAsync(request.MerchantOrderNumber, request.RefundNumber, request.Amount, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken) =>
        _ledger.QueryRefundAsync(merchantOrderNumber, refundNumber, cancellationToken);
}
