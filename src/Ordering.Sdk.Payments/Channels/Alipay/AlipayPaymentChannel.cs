using System.Collections.Concurrent;

namespace Ordering.Sdk.Payments.Alipay;

// Alipay behind the engine's channel interface. The rule that matters most: an answer that is not a
// definitive business result (timeout, reset, 5xx, 20000, ACQ.SYSTEM_ERROR, a bad signature) is Unknown,
// never Declined, and a charge is sent exactly once (the engine resolves Unknown by query and cancel).
internal sealed class AlipayPaymentChannel(AlipayClient client) : IPaymentChannel
{
    internal const string PayMethod = "alipay.trade.pay";
    internal const string CreateMethod = "alipay.trade.create";
    internal const string PrecreateMethod = "alipay.trade.precreate";
    internal const string QueryMethod = "alipay.trade.query";
    internal const string CancelMethod = "alipay.trade.cancel";
    internal const string CloseMethod = "alipay.trade.close";
    internal const string RefundMethod = "alipay.trade.refund";
    internal const string RefundQueryMethod = "alipay.trade.fastpay.refund.query";
    internal const string TradeNotExist = "ACQ.TRADE_NOT_EXIST";
    internal const string WaitingPrompt = "等待用户确认支付 / Waiting for the customer to confirm the payment";

    // Trades the customer completes on their phone are closed, not cancelled, when they expire; code-pay
    // trades (and anything sent before a restart) are cancelled, which also refunds a late payment.
    private readonly ConcurrentDictionary<string, ChargeKind> _customerInitiated = new(StringComparer.Ordinal);

    public PaymentChannelId Id => PaymentChannelId.Alipay;

    public async ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Refuse(request) is { } refusal)
        {
            return ChannelResult.Decline(refusal);
        }

        var amount = AlipayAmount.ToYuan(request.Amount.MinorUnits);
        var options = client.Options;
        List<KeyValuePair<string, string>> biz =
        [
            new("out_trade_no", request.MerchantOrderNumber),
            new("total_amount", amount),
            new("subject", options.Subject),
        ];
        string method;
        switch (request.Kind)
        {
            case ChargeKind.CodePay:
                method = PayMethod;
                biz.Add(new("scene", "bar_code"));
                biz.Add(new("auth_code", request.PaymentCode!));
                biz.Add(new("product_code", "FACE_TO_FACE_PAYMENT"));
                biz.Add(new("timeout_express", ((int)options.TradeTimeout.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture) + "m"));
                break;
            case ChargeKind.QrCode:
                method = PrecreateMethod;
                break;
            default:
                method = CreateMethod;
                biz.Add(new("product_code", "JSAPI_PAY"));
                biz.Add(new("op_app_id", options.AppId));
                biz.Add(new(IsLegacyBuyerId(request.PayerId!) ? "buyer_id" : "buyer_open_id", request.PayerId!));
                break;
        }

        if (request.Kind != ChargeKind.CodePay)
        {
            _customerInitiated[request.MerchantOrderNumber] = request.Kind;
        }

        AlipayResponse response;
        try
        {
            response = await client.ExecuteAsync(method, biz, withNotifyUrl: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Unknown(ex) is { } unknown)
        {
            return unknown;
        }

        switch (response.Code)
        {
            case AlipayErrorMap.Success when request.Kind == ChargeKind.CodePay:
                try
                {
                    return Paid(response, request.MerchantOrderNumber);
                }
                catch (AlipayProtocolException ex)
                {
                    return Unknown(ex)!;
                }

            case AlipayErrorMap.Success when request.Kind == ChargeKind.QrCode:
                return response.Field("qr_code") is { Length: > 0 } qr
                    ? ChannelResult.Paying(qr)
                    : ChannelResult.Unknown(new ChannelError(FailureCause.Unknown, "MISSING_QR_CODE", "alipay.trade.precreate succeeded without a qr_code."));
            case AlipayErrorMap.Success:
                return response.Field("trade_no") is { Length: > 0 } tradeNo
                    ? new ChannelResult(ChannelOutcome.CustomerPaying, ChannelTransactionId: tradeNo, CustomerPrompt: tradeNo)
                    : ChannelResult.Unknown(new ChannelError(FailureCause.Unknown, "MISSING_TRADE_NO", "alipay.trade.create succeeded without a trade_no."));
            case AlipayErrorMap.InProgress:
                return ChannelResult.Paying(WaitingPrompt);
            default:
                _customerInitiated.TryRemove(request.MerchantOrderNumber, out _);
                var error = response.ToError();

                // "Already paid" is not a failure of the money: the query tells whose payment it is.
                return AlipayErrorMap.IsOutcomeUnknown(response.Code, response.SubCode) || response.SubCode == "ACQ.TRADE_HAS_SUCCESS"
                    ? ChannelResult.Unknown(error)
                    : ChannelResult.Decline(error);
        }
    }

    public async ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        AlipayResponse response;
        try
        {
            response = await client.ExecuteAsync(QueryMethod, [new("out_trade_no", merchantOrderNumber)], withNotifyUrl: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Unknown(ex) is { } unknown)
        {
            return unknown;
        }

        if (!response.IsSuccess)
        {
            // A query cannot decline a payment: anything but "no such trade" leaves the outcome open.
            return response.SubCode == TradeNotExist ? ChannelResult.NotFound() : ChannelResult.Unknown(response.ToError());
        }

        ChannelResult result;
        try
        {
            result = response.Field("trade_status") switch
            {
                "WAIT_BUYER_PAY" => ChannelResult.Paying(WaitingPrompt),
                "TRADE_SUCCESS" or "TRADE_FINISHED" => Paid(response, merchantOrderNumber),
                "TRADE_CLOSED" => ChannelResult.Cancelled(),
                var other => ChannelResult.Unknown(new ChannelError(FailureCause.Unknown, "UNKNOWN_TRADE_STATUS", "Unexpected trade_status '" + other + "'.")),
            };
        }
        catch (AlipayProtocolException ex)
        {
            return ChannelResult.Unknown(new ChannelError(FailureCause.Unknown, "PROTOCOL_ERROR", ex.Message, RecommendedAction.QueryThenDecide));
        }

        if (result.Outcome is ChannelOutcome.Succeeded or ChannelOutcome.Cancelled)
        {
            _customerInitiated.TryRemove(merchantOrderNumber, out _);
        }

        return result;
    }

    public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken) =>
        _customerInitiated.ContainsKey(merchantOrderNumber)
            ? CloseAsync(merchantOrderNumber, cancellationToken)
            : ReverseAsync(merchantOrderNumber, cancellationToken);

    // alipay.trade.cancel: closes an unpaid trade or refunds a paid one; retry_flag=Y asks for another try.
    internal async ValueTask<ChannelResult> ReverseAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        AlipayResponse response;
        try
        {
            response = await client.ExecuteAsync(CancelMethod, [new("out_trade_no", merchantOrderNumber)], withNotifyUrl: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Unknown(ex) is { } unknown)
        {
            return unknown;
        }

        if (response.IsSuccess && response.Field("retry_flag") != "Y")
        {
            return ChannelResult.Cancelled();
        }

        var error = response.IsSuccess
            ? new ChannelError(FailureCause.GatewayUnavailable, "RETRY_FLAG_Y", "alipay.trade.cancel asked to be called again.", RecommendedAction.RetrySame)
            : response.ToError();
        return response.Field("retry_flag") == "Y" || AlipayErrorMap.IsOutcomeUnknown(response.Code, response.SubCode)
            ? ChannelResult.Unknown(error)
            : ChannelResult.Decline(error);
    }

    // alipay.trade.close: closes a WAIT_BUYER_PAY trade; a paid one is refused (the engine then queries).
    internal async ValueTask<ChannelResult> CloseAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        AlipayResponse response;
        try
        {
            response = await client.ExecuteAsync(CloseMethod, [new("out_trade_no", merchantOrderNumber)], withNotifyUrl: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Unknown(ex) is { } unknown)
        {
            return unknown;
        }

        if (response.IsSuccess)
        {
            _customerInitiated.TryRemove(merchantOrderNumber, out _);
            return ChannelResult.Cancelled();
        }

        if (response.SubCode == TradeNotExist)
        {
            // Never created at Alipay (the customer never scanned): nothing to close, and nothing can be paid.
            _customerInitiated.TryRemove(merchantOrderNumber, out _);
            return ChannelResult.NotFound();
        }

        return AlipayErrorMap.IsOutcomeUnknown(response.Code, response.SubCode) ? ChannelResult.Unknown(response.ToError()) : ChannelResult.Decline(response.ToError());
    }

    public async ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount.Currency != Currency.Cny || request.Amount.MinorUnits <= 0 || request.Amount.MinorUnits > AlipayAmount.MaxFen)
        {
            return ChannelResult.Decline(new ChannelError(FailureCause.Configuration, "INVALID_AMOUNT", "Alipay refunds are CNY between 0.01 and 100000000.00 yuan.", RecommendedAction.FixConfiguration));
        }

        AlipayResponse response;
        try
        {
            response = await client.ExecuteAsync(
                RefundMethod,
                [
                    new("out_trade_no", request.MerchantOrderNumber),
                    new("refund_amount", AlipayAmount.ToYuan(request.Amount.MinorUnits)),
                    new("out_request_no", request.RefundNumber),
                ],
                withNotifyUrl: false,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Unknown(ex) is { } unknown)
        {
            return unknown;
        }

        if (!response.IsSuccess)
        {
            return AlipayErrorMap.IsOutcomeUnknown(response.Code, response.SubCode) ? ChannelResult.Unknown(response.ToError()) : ChannelResult.Decline(response.ToError());
        }

        // fund_change=N: accepted but no money moved by this call (e.g. a repeat); the refund query decides.
        return response.Field("fund_change") == "Y"
            ? new ChannelResult(ChannelOutcome.Succeeded, request.Amount, response.Field("trade_no"))
            : ChannelResult.Processing();
    }

    public async ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken)
    {
        AlipayResponse response;
        try
        {
            response = await client.ExecuteAsync(
                RefundQueryMethod,
                [new("out_trade_no", merchantOrderNumber), new("out_request_no", refundNumber)],
                withNotifyUrl: false,
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Unknown(ex) is { } unknown)
        {
            return unknown;
        }

        if (!response.IsSuccess)
        {
            return response.SubCode == TradeNotExist ? ChannelResult.NotFound() : ChannelResult.Unknown(response.ToError());
        }

        // 10000 alone is not a refund: only returned refund data with REFUND_SUCCESS is.
        var amountText = response.Field("refund_amount");
        if (string.IsNullOrEmpty(amountText) || response.Field("out_request_no") != refundNumber)
        {
            return ChannelResult.NotFound();
        }

        if (!AlipayAmount.TryParseFen(amountText, out var fen))
        {
            return ChannelResult.Unknown(new ChannelError(FailureCause.Unknown, "PROTOCOL_ERROR", "refund_amount is not a yuan amount.", RecommendedAction.QueryThenDecide));
        }

        return response.Field("refund_status") is null or "REFUND_SUCCESS"
            ? new ChannelResult(ChannelOutcome.Succeeded, Money.Fen(fen), response.Field("trade_no"))
            : ChannelResult.Processing();
    }

    private static ChannelResult Paid(AlipayResponse response, string merchantOrderNumber)
    {
        if (response.Field("out_trade_no") is { } echoed && echoed != merchantOrderNumber)
        {
            throw new AlipayProtocolException("out_trade_no: the response is for another trade.");
        }

        var fen = AlipayAmount.ParseFen(response.Field("total_amount"), "total_amount");
        return ChannelResult.Success(Money.Fen(fen), response.Field("trade_no"));
    }

    private static ChannelError? Refuse(ChargeRequest request)
    {
        if (request.Amount.Currency != Currency.Cny || request.Amount.MinorUnits <= 0 || request.Amount.MinorUnits > AlipayAmount.MaxFen)
        {
            return new ChannelError(FailureCause.Configuration, "INVALID_AMOUNT", "Alipay charges are CNY between 0.01 and 100000000.00 yuan.", RecommendedAction.FixConfiguration);
        }

        if (!IsTradeNumber(request.MerchantOrderNumber))
        {
            return new ChannelError(FailureCause.Configuration, "INVALID_OUT_TRADE_NO", "out_trade_no must be 1 to 64 characters of [A-Za-z0-9_].", RecommendedAction.FixConfiguration);
        }

        return request.Kind switch
        {
            ChargeKind.CodePay when PaymentCodeDetector.Detect(request.PaymentCode) != PaymentChannelId.Alipay =>
                new ChannelError(FailureCause.Customer, EngineErrorCodes.InvalidPaymentCode, "Not an Alipay payment code (16-24 digits starting 25-30).", RecommendedAction.AskForNewCode),
            ChargeKind.Jsapi when string.IsNullOrEmpty(request.PayerId) =>
                new ChannelError(FailureCause.Configuration, "MISSING_BUYER", "A mini-program trade needs the buyer's open id.", RecommendedAction.FixConfiguration),
            ChargeKind.Cash or ChargeKind.StoredValue =>
                new ChannelError(FailureCause.Configuration, "UNSUPPORTED_KIND", "Alipay takes code pay, QR and mini-program charges only.", RecommendedAction.SwitchMethod),
            _ => null,
        };
    }

    private static bool IsTradeNumber(string value)
    {
        if (value.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLegacyBuyerId(string payerId) =>
        payerId.Length == 16 && payerId.StartsWith("2088", StringComparison.Ordinal) && payerId.All(char.IsAsciiDigit);

    private static ChannelResult? Unknown(Exception ex) => ex switch
    {
        AlipayTransportException transport => ChannelResult.Unknown(transport.ToError()),
        AlipayProtocolException protocol => ChannelResult.Unknown(new ChannelError(FailureCause.Unknown, "PROTOCOL_ERROR", protocol.Message, RecommendedAction.QueryThenDecide)),
        _ => null,
    };
}
