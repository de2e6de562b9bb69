using System.Globalization;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Testing;

/// <summary>
/// A scriptable, seeded fake of a WeChat Pay / Alipay style channel with a fault model: requests lost
/// before or after processing, connection resets, 5xx, SYSTEMERROR, rate limiting, customers who pay
/// slowly (USERPAYING), mistype passwords, lack balance or show expired codes, and notifications that
/// are delayed, duplicated, reordered or lost. It keeps the ground truth of what was charged.
/// </summary>
/// <remarks>
/// Code-pay charges are reversed by <see cref="CancelAsync"/> (money returned if paid); QR and JSAPI
/// charges are closed, and a paid one cannot be closed (the answer is a success, as ORDERPAID).
/// Script faults with <see cref="EnqueueFault"/> and customers with <see cref="EnqueueCustomer"/>;
/// otherwise both are drawn from the seeded <see cref="Random"/> and <see cref="Faults"/>.
/// </remarks>
/// <threadsafety>Not thread-safe; simulations drive it from one thread.</threadsafety>
public sealed class FakePaymentChannel : IPaymentChannel
{
    private static readonly FakeCallFault[] AllFaults =
    [
        FakeCallFault.LostBeforeArrival, FakeCallFault.ResponseLost, FakeCallFault.ResetBeforeArrival, FakeCallFault.ResetAfterProcessing,
        FakeCallFault.ServerError, FakeCallFault.SystemErrorAfterProcessing, FakeCallFault.RateLimited,
    ];

    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Dictionary<string, FakeTrade> _trades = new(StringComparer.Ordinal);
    private readonly Queue<FakeCallFault> _scriptedFaults = new();
    private readonly Queue<FakeCustomerBehavior> _scriptedCustomers = new();
    private readonly List<(DateTimeOffset At, long Order, PaymentNotification Notification)> _outbox = [];
    private long _notificationCounter;

    /// <summary>Initializes the fake.</summary>
    /// <param name="id">The channel it plays.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="random">The seeded random source of faults and customers.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public FakePaymentChannel(PaymentChannelId id, TimeProvider timeProvider, Random random)
    {
        Id = id;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <inheritdoc/>
    public PaymentChannelId Id { get; }

    /// <summary>Gets or sets the fault model; set <see cref="FakeChannelFaults.None"/> to heal.</summary>
    public FakeChannelFaults Faults { get; set; } = FakeChannelFaults.None;

    /// <summary>Gets or sets how customers behave when not scripted; by default they pay at once.</summary>
    public Func<ChargeRequest, Random, FakeCustomerBehavior>? CustomerModel { get; set; }

    /// <summary>Gets how many charge requests reached the channel.</summary>
    public int ChargesReceived { get; private set; }

    /// <summary>Gets how many refund requests asked for more than remained captured (should stay 0).</summary>
    public int OverRefundRequests { get; private set; }

    /// <summary>Gets every trade the channel knows.</summary>
    public IReadOnlyCollection<FakeTrade> Trades => _trades.Values;

    /// <summary>Makes the next call suffer <paramref name="fault"/>.</summary>
    /// <param name="fault">The fault.</param>
    public void EnqueueFault(FakeCallFault fault) => _scriptedFaults.Enqueue(fault);

    /// <summary>Makes the next new charge's customer behave as <paramref name="behavior"/>.</summary>
    /// <param name="behavior">The behaviour.</param>
    public void EnqueueCustomer(FakeCustomerBehavior behavior) => _scriptedCustomers.Enqueue(behavior);

    /// <summary>Gets a trade by merchant order number.</summary>
    /// <param name="merchantOrderNumber">The number.</param>
    /// <returns>The trade, or <see langword="null"/> when the channel never received it.</returns>
    public FakeTrade? GetTrade(string merchantOrderNumber)
    {
        if (_trades.TryGetValue(merchantOrderNumber, out var trade))
        {
            Advance(trade);
            return trade;
        }

        return null;
    }

    /// <summary>Gets what the customer is really out of pocket for a trade now: captured minus completed refunds.</summary>
    /// <param name="merchantOrderNumber">The number.</param>
    /// <returns>The net amount (zero for unknown, unpaid, closed or reversed trades).</returns>
    public Money NetCaptured(string merchantOrderNumber)
    {
        var trade = GetTrade(merchantOrderNumber);
        return trade is null ? Money.Zero(Currency.Cny) : trade.Captured - trade.RefundedBy(_time.GetUtcNow());
    }

    /// <summary>Takes the notifications due by now, in delivery order (delays make them arrive out of order).</summary>
    /// <returns>The notifications.</returns>
    public IReadOnlyList<PaymentNotification> TakeDueNotifications()
    {
        foreach (var trade in _trades.Values)
        {
            Advance(trade);
        }

        var now = _time.GetUtcNow();
        var due = _outbox.FindAll(n => n.At <= now);
        if (due.Count == 0)
        {
            return [];
        }

        _outbox.RemoveAll(n => n.At <= now);
        due.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Order.CompareTo(b.Order));
        return due.ConvertAll(static n => n.Notification);
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fault = NextFault();
        if (IsBeforeArrival(fault))
        {
            return Fail(fault);
        }

        ChargesReceived++;
        if (!_trades.TryGetValue(request.MerchantOrderNumber, out var trade))
        {
            var behavior = _scriptedCustomers.Count > 0 ? _scriptedCustomers.Dequeue() : CustomerModel?.Invoke(request, _random) ?? new FakeCustomerBehavior(FakeCustomerOutcome.Pays, TimeSpan.Zero);
            trade = new FakeTrade(request.MerchantOrderNumber, request.OrderId, request.Amount, request.Kind, behavior, _time.GetUtcNow() + behavior.PayingFor);
            _trades[trade.MerchantOrderNumber] = trade;
            if (behavior.Outcome is FakeCustomerOutcome.InsufficientBalance or FakeCustomerOutcome.ExpiredCode or FakeCustomerOutcome.Risk)
            {
                trade.Status = FakeTradeStatus.Failed;
            }
        }

        Advance(trade);
        return Respond(fault, ChargeAnswer(trade));
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        var fault = NextFault();
        if (IsBeforeArrival(fault))
        {
            return Fail(fault);
        }

        if (!_trades.TryGetValue(merchantOrderNumber, out var trade))
        {
            return Respond(fault, ChannelResult.NotFound());
        }

        Advance(trade);
        return Respond(fault, ChargeAnswer(trade));
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        var fault = NextFault();
        if (IsBeforeArrival(fault))
        {
            return Fail(fault);
        }

        if (!_trades.TryGetValue(merchantOrderNumber, out var trade))
        {
            return Respond(fault, ChannelResult.NotFound());
        }

        Advance(trade);
        ChannelResult answer;
        switch (trade.Status)
        {
            case FakeTradeStatus.Paying or FakeTradeStatus.Failed:
                trade.Status = FakeTradeStatus.Closed;
                answer = ChannelResult.Cancelled();
                break;
            case FakeTradeStatus.Paid when trade.Kind == ChargeKind.CodePay && trade.RefundsAccepted().IsZero:
                // A reverse of a paid code-pay charge returns the money.
                trade.Status = FakeTradeStatus.Reversed;
                trade.Captured = Money.Zero(trade.Amount.Currency);
                answer = ChannelResult.Cancelled();
                break;
            case FakeTradeStatus.Paid:
                answer = ChannelResult.Success(trade.Captured, "T" + trade.MerchantOrderNumber);
                break;
            default:
                answer = ChannelResult.Cancelled();
                break;
        }

        return Respond(fault, answer);
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fault = NextFault();
        if (IsBeforeArrival(fault))
        {
            return Fail(fault);
        }

        if (!_trades.TryGetValue(request.MerchantOrderNumber, out var trade))
        {
            return Respond(fault, ChannelResult.Decline(new ChannelError(FailureCause.Unknown, "ORDER_NOT_EXIST", "No such trade.")));
        }

        Advance(trade);
        if (trade.Refunds.TryGetValue(request.RefundNumber, out var existing))
        {
            return Respond(fault, RefundAnswer(existing));
        }

        var remaining = trade.Captured - trade.RefundsAccepted();
        if (trade.Status != FakeTradeStatus.Paid || request.Amount > remaining || request.Amount.MinorUnits <= 0)
        {
            OverRefundRequests++;
            return Respond(fault, ChannelResult.Decline(new ChannelError(FailureCause.Unknown, "REFUND_AMOUNT_INVALID", "Refund exceeds what remains captured.")));
        }

        var now = _time.GetUtcNow();
        var doneAt = Chance(Faults.RefundProcessingRate) ? now + TimeSpan.FromSeconds(_random.Next(1, 60)) : now;
        trade.Refunds[request.RefundNumber] = (request.Amount, doneAt);
        if (trade.Kind is ChargeKind.QrCode or ChargeKind.Jsapi)
        {
            Notify(doneAt, new PaymentNotification(Id, NextNotificationId(), PaymentNotificationKind.RefundSucceeded, trade.MerchantOrderNumber, request.Amount, null, request.RefundNumber));
        }

        return Respond(fault, RefundAnswer((request.Amount, doneAt)));
    }

    /// <inheritdoc/>
    public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken)
    {
        var fault = NextFault();
        if (IsBeforeArrival(fault))
        {
            return Fail(fault);
        }

        if (!_trades.TryGetValue(merchantOrderNumber, out var trade) || !trade.Refunds.TryGetValue(refundNumber, out var refund))
        {
            return Respond(fault, ChannelResult.NotFound());
        }

        return Respond(fault, RefundAnswer(refund));
    }

    private static bool IsBeforeArrival(FakeCallFault fault) =>
        fault is FakeCallFault.LostBeforeArrival or FakeCallFault.ResetBeforeArrival or FakeCallFault.ServerError or FakeCallFault.RateLimited;

    private static ValueTask<ChannelResult> Fail(FakeCallFault fault) => fault switch
    {
        FakeCallFault.LostBeforeArrival or FakeCallFault.ResponseLost => throw new TimeoutException("The request timed out (simulated)."),
        FakeCallFault.ResetBeforeArrival or FakeCallFault.ResetAfterProcessing => throw new IOException("Connection reset by peer (simulated)."),
        FakeCallFault.ServerError => ValueTask.FromResult(ChannelResult.Unknown(new ChannelError(FailureCause.GatewayUnavailable, "SERVICE_UNAVAILABLE", "HTTP 503 (simulated)."))),
        FakeCallFault.RateLimited => ValueTask.FromResult(ChannelResult.Unknown(new ChannelError(FailureCause.RateLimited, "FREQUENCY_LIMITED", "Too many requests (simulated)."))),
        _ => ValueTask.FromResult(ChannelResult.Unknown(new ChannelError(FailureCause.GatewayUnavailable, "SYSTEMERROR", "System error, result unknown (simulated)."))),
    };

    private static ValueTask<ChannelResult> Respond(FakeCallFault fault, ChannelResult answer) =>
        fault == FakeCallFault.None ? ValueTask.FromResult(answer) : Fail(fault);

    private ChannelResult RefundAnswer((Money Amount, DateTimeOffset DoneAt) refund) =>
        refund.DoneAt <= _time.GetUtcNow() ? ChannelResult.Success(refund.Amount) : ChannelResult.Processing();

    private static ChannelResult ChargeAnswer(FakeTrade trade) => trade.Status switch
    {
        FakeTradeStatus.Paid => ChannelResult.Success(trade.Captured, "T" + trade.MerchantOrderNumber),
        FakeTradeStatus.Failed => ChannelResult.Decline(FailureOf(trade.Behavior.Outcome)),
        FakeTradeStatus.Closed or FakeTradeStatus.Reversed => ChannelResult.Cancelled(),
        _ => ChannelResult.Paying(trade.Kind is ChargeKind.QrCode ? "weixin://wxpay/bizpayurl?pr=" + trade.MerchantOrderNumber : null),
    };

    private static ChannelError FailureOf(FakeCustomerOutcome outcome) => outcome switch
    {
        FakeCustomerOutcome.InsufficientBalance => new ChannelError(FailureCause.Customer, "NOTENOUGH", "余额不足", RecommendedAction.SwitchMethod),
        FakeCustomerOutcome.ExpiredCode => new ChannelError(FailureCause.Customer, "AUTHCODEEXPIRE", "二维码已过期，请用户在微信上刷新后再试", RecommendedAction.AskForNewCode),
        FakeCustomerOutcome.Risk => new ChannelError(FailureCause.Risk, "RULELIMIT", "交易被风控拦截"),
        _ => new ChannelError(FailureCause.Customer, "PASSWORD_ERROR", "用户支付密码错误", RecommendedAction.RetrySame),
    };

    // Moves a paying trade to its outcome once the customer is done.
    private void Advance(FakeTrade trade)
    {
        var now = _time.GetUtcNow();
        if (trade.Status != FakeTradeStatus.Paying || trade.Behavior.Outcome == FakeCustomerOutcome.NeverPays || now < trade.ResolvesAt)
        {
            return;
        }

        if (trade.Behavior.Outcome == FakeCustomerOutcome.Pays)
        {
            trade.Status = FakeTradeStatus.Paid;
            trade.Captured = trade.Amount;
            if (trade.Kind is ChargeKind.QrCode or ChargeKind.Jsapi)
            {
                Notify(trade.ResolvesAt, new PaymentNotification(Id, NextNotificationId(), PaymentNotificationKind.PaymentSucceeded, trade.MerchantOrderNumber, trade.Amount, "T" + trade.MerchantOrderNumber));
            }
        }
        else
        {
            trade.Status = FakeTradeStatus.Failed;
        }
    }

    private void Notify(DateTimeOffset at, PaymentNotification notification)
    {
        if (Chance(Faults.NotificationLossRate))
        {
            return;
        }

        var copies = Chance(Faults.NotificationDuplicateRate) ? 2 : 1;
        for (var i = 0; i < copies; i++)
        {
            var delay = Faults.MaxNotificationDelay > TimeSpan.Zero ? TimeSpan.FromMilliseconds(_random.NextInt64(0, (long)Faults.MaxNotificationDelay.TotalMilliseconds + 1)) : TimeSpan.Zero;
            _outbox.Add((at + delay, _notificationCounter++, notification));
        }
    }

    private string NextNotificationId() => string.Create(CultureInfo.InvariantCulture, $"N{_notificationCounter++}");

    private FakeCallFault NextFault()
    {
        if (_scriptedFaults.Count > 0)
        {
            return _scriptedFaults.Dequeue();
        }

        return Chance(Faults.CallFaultRate) ? AllFaults[_random.Next(AllFaults.Length)] : FakeCallFault.None;
    }

    private bool Chance(double probability) => probability > 0 && _random.NextDouble() < probability;
}
