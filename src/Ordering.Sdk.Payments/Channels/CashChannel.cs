namespace Ordering.Sdk.Payments;

/// <summary>Cash in the drawer as a payment channel: a charge is the cashier's confirmation and always succeeds.</summary>
/// <remarks>Change is computed by the engine (<see cref="TenderRequest.CashReceived"/> minus the amount applied).</remarks>
/// <threadsafety>Safe to use from several threads.</threadsafety>
public sealed class CashChannel : IPaymentChannel
{
    private readonly Dictionary<string, (Money Amount, bool Cancelled)> _charges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Money> _refunds = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <inheritdoc/>
    public PaymentChannelId Id => PaymentChannelId.Cash;

    /// <inheritdoc/>
    public ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            _charges.TryAdd(request.MerchantOrderNumber, (request.Amount, false));
            var charge = _charges[request.MerchantOrderNumber];
            return ValueTask.FromResult(charge.Cancelled ? ChannelResult.Cancelled() : ChannelResult.Success(charge.Amount));
        }
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_charges.TryGetValue(merchantOrderNumber, out var charge))
            {
                return ValueTask.FromResult(ChannelResult.NotFound());
            }

            return ValueTask.FromResult(charge.Cancelled ? ChannelResult.Cancelled() : ChannelResult.Success(charge.Amount));
        }
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_charges.TryGetValue(merchantOrderNumber, out var charge))
            {
                // The cash goes back to the customer.
                _charges[merchantOrderNumber] = (charge.Amount, true);
            }

            return ValueTask.FromResult(ChannelResult.Cancelled());
        }
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            _refunds.TryAdd(request.RefundNumber, request.Amount);
            return ValueTask.FromResult(ChannelResult.Success(_refunds[request.RefundNumber]));
        }
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_refunds.TryGetValue(refundNumber, out var amount) ? ChannelResult.Success(amount) : ChannelResult.NotFound());
        }
    }
}
