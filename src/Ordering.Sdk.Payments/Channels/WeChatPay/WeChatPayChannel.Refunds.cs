using System.Text.Json;

namespace Ordering.Sdk.Payments;

// Refunds (/v3/refund/domestic/refunds): idempotent by out_refund_no; "accepted" is not "done".
internal sealed partial class WeChatPayChannel
{
    private const string RefundsPath = "/v3/refund/domestic/refunds";

    public async ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Amount.Currency != Currency.Cny || request.Amount.MinorUnits <= 0 || request.Amount > request.CapturedAmount)
        {
            return ChannelResult.Decline(Local("Amount: a refund must be a positive CNY amount no larger than the captured amount."));
        }

        var body = WeChatPayJson.Write(w =>
        {
            w.WriteString("out_trade_no", request.MerchantOrderNumber);
            w.WriteString("out_refund_no", request.RefundNumber);
            w.WriteString("notify_url", _options.NotifyUrl!.AbsoluteUri);
            w.WriteStartObject("amount");
            w.WriteNumber("refund", request.Amount.MinorUnits);
            w.WriteNumber("total", request.CapturedAmount.MinorUnits);
            w.WriteString("currency", "CNY");
            w.WriteEndObject();
        });
        try
        {
            var response = await _http.SendV3Async(HttpMethod.Post, RefundsPath, body, verify: true, cancellationToken).ConfigureAwait(false);
            return FromRefundResponse(response, PaymentOperation.Refund);
        }
        catch (WeChatPayTransportException ex)
        {
            return ChannelResult.Unknown(WeChatPayErrors.Map(ex.Code, ex.Message, PaymentOperation.Refund));
        }
    }

    public async ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refundNumber);
        try
        {
            var response = await _http.SendV3Async(HttpMethod.Get, RefundsPath + "/" + Uri.EscapeDataString(refundNumber), null, verify: true, cancellationToken).ConfigureAwait(false);
            return FromRefundResponse(response, PaymentOperation.RefundQuery);
        }
        catch (WeChatPayTransportException ex)
        {
            return ChannelResult.Unknown(WeChatPayErrors.Map(ex.Code, ex.Message, PaymentOperation.RefundQuery));
        }
    }

    private static ChannelResult FromRefundResponse(WeChatPayResponse response, PaymentOperation operation)
    {
        if (!WeChatPayHttp.IsSuccess(response.StatusCode))
        {
            var (code, message) = WeChatPayJson.Error(response.Body, response.StatusCode);
            if (operation == PaymentOperation.RefundQuery && code is "RESOURCE_NOT_EXISTS" or "ORDER_NOT_EXIST")
            {
                return ChannelResult.NotFound();
            }

            var error = WeChatPayErrors.Map(code, message, operation);
            return WeChatPayErrors.LeavesOutcomeUnknown(code, response.StatusCode) || error.Cause == FailureCause.RateLimited
                ? ChannelResult.Unknown(error)
                : ChannelResult.Decline(error);
        }

        using var document = WeChatPayJson.TryParse(response.Body);
        var root = document?.RootElement ?? default;
        return FromRefund(root);
    }

    private static ChannelResult FromRefund(JsonElement refund)
    {
        var refundId = WeChatPayJson.String(refund, "refund_id");
        switch (WeChatPayJson.String(refund, "status"))
        {
            case "SUCCESS":
                var amount = WeChatPayJson.Long(WeChatPayJson.Object(refund, "amount"), "refund");
                return amount is > 0 ? ChannelResult.Success(Money.Fen(amount.Value), refundId) : Malformed("amount.refund is missing.");
            case "PROCESSING":
                return new ChannelResult(ChannelOutcome.Processing, ChannelTransactionId: refundId);
            case "CLOSED":
                return ChannelResult.Decline(new ChannelError(FailureCause.Unknown, "REFUND_CLOSED", "The refund was closed by WeChat Pay.", RecommendedAction.ContactChannel));
            case "ABNORMAL":
                return ChannelResult.Decline(new ChannelError(FailureCause.Customer, "REFUND_ABNORMAL", "The refund is abnormal (the payer's card or account cannot receive it); handle it on the merchant platform.", RecommendedAction.ContactChannel));
            default:
                return Malformed("refund status is missing or unknown.");
        }
    }
}
