using System.Globalization;

namespace Ordering.Sdk.Payments;

// API v2 code pay for merchants not enabled for v3 code pay: micropay, orderquery and reverse (mutual TLS).
// Every reply is sign-checked with the API v2 key before it is believed.
internal sealed partial class WeChatPayChannel
{
    private async Task<ChannelResult> MicropayAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        var reply = await CallV2Async(
            "/pay/micropay",
            [
                new("body", Description(request)),
                new("out_trade_no", request.MerchantOrderNumber),
                new("total_fee", request.Amount.MinorUnits.ToString(CultureInfo.InvariantCulture)),
                new("fee_type", "CNY"),
                new("spbill_create_ip", _options.TerminalIp),
                new("auth_code", request.PaymentCode!),
            ],
            withCertificate: false,
            PaymentOperation.Charge,
            cancellationToken).ConfigureAwait(false);
        if (reply.Failure is not null)
        {
            return reply.Failure;
        }

        var fields = reply.Fields!;
        if (fields.GetValueOrDefault("result_code") == "SUCCESS")
        {
            return FromV2Trade(fields, "SUCCESS");
        }

        var code = fields.GetValueOrDefault("err_code") ?? string.Empty;
        return code == "USERPAYING"
            ? ChannelResult.Paying()
            : WeChatPayErrors.ToResult(code, fields.GetValueOrDefault("err_code_des") ?? string.Empty, 200, PaymentOperation.Charge);
    }

    private async Task<ChannelResult> OrderQueryV2Async(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        var reply = await CallV2Async("/pay/orderquery", [new("out_trade_no", merchantOrderNumber)], withCertificate: false, PaymentOperation.Query, cancellationToken).ConfigureAwait(false);
        if (reply.Failure is not null)
        {
            return reply.Failure;
        }

        var fields = reply.Fields!;
        if (fields.GetValueOrDefault("result_code") == "SUCCESS")
        {
            return FromV2Trade(fields, fields.GetValueOrDefault("trade_state"));
        }

        var code = fields.GetValueOrDefault("err_code") ?? string.Empty;
        if (code == "ORDERNOTEXIST")
        {
            return ChannelResult.NotFound();
        }

        var error = WeChatPayErrors.Map(code, fields.GetValueOrDefault("err_code_des") ?? string.Empty, PaymentOperation.Query);
        return WeChatPayErrors.LeavesOutcomeUnknown(code, 200) || error.Cause == FailureCause.RateLimited ? ChannelResult.Unknown(error) : ChannelResult.Decline(error);
    }

    private async Task<ChannelResult> ReverseV2Async(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        var reply = await CallV2Async("/secapi/pay/reverse", [new("out_trade_no", merchantOrderNumber)], withCertificate: true, PaymentOperation.Cancel, cancellationToken).ConfigureAwait(false);
        if (reply.Failure is not null)
        {
            return reply.Failure;
        }

        var fields = reply.Fields!;
        if (fields.GetValueOrDefault("result_code") == "SUCCESS")
        {
            return ChannelResult.Cancelled();
        }

        var code = fields.GetValueOrDefault("err_code") ?? string.Empty;
        if (code is "ORDERNOTEXIST" or "ORDERREVERSED")
        {
            return ChannelResult.Cancelled();
        }

        var error = WeChatPayErrors.Map(code, fields.GetValueOrDefault("err_code_des") ?? string.Empty, PaymentOperation.Cancel);

        // recall=Y: WeChat asks to call reverse again; the outcome is not final yet.
        return fields.GetValueOrDefault("recall") == "Y" || WeChatPayErrors.LeavesOutcomeUnknown(code, 200)
            ? ChannelResult.Unknown(error)
            : ChannelResult.Decline(error);
    }

    private static ChannelResult FromV2Trade(Dictionary<string, string> fields, string? state)
    {
        switch (state)
        {
            case "SUCCESS" or "REFUND":
                return long.TryParse(fields.GetValueOrDefault("total_fee"), NumberStyles.None, CultureInfo.InvariantCulture, out var fee) && fee > 0
                    ? ChannelResult.Success(Money.Fen(fee), fields.GetValueOrDefault("transaction_id"))
                    : Malformed("total_fee is missing.");
            case "NOTPAY" or "USERPAYING":
                return ChannelResult.Paying();
            case "CLOSED" or "REVOKED":
                return ChannelResult.Cancelled();
            case "PAYERROR":
                return ChannelResult.Decline(WeChatPayErrors.Map("PAYERROR", fields.GetValueOrDefault("trade_state_desc") ?? "支付失败", PaymentOperation.Query));
            default:
                return Malformed("trade_state is missing or unknown.");
        }
    }

    private async Task<V2Reply> CallV2Async(string path, List<KeyValuePair<string, string>> parameters, bool withCertificate, PaymentOperation operation, CancellationToken cancellationToken)
    {
        var key = _options.ApiV2Key!;
        var signType = _options.ApiV2SignType;
        parameters.Add(new("appid", _options.AppId));
        parameters.Add(new("mch_id", _options.MerchantId));
        parameters.Add(new("nonce_str", _http.NewNonce()));
        parameters.Add(new("sign_type", signType == WeChatPaySignType.Md5 ? "MD5" : WeChatPayV2Signature.HmacSha256Name));
        parameters.Add(new("sign", WeChatPayV2Signature.Sign(parameters, key, signType)));
        var response = await _http.SendV2Async(path, WeChatPayV2Xml.Write(parameters), withCertificate, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode >= 500)
        {
            return new V2Reply(null, ChannelResult.Unknown(WeChatPayErrors.Map("HTTP_" + response.StatusCode.ToString(CultureInfo.InvariantCulture), "WeChat Pay answered with a server error.", operation)));
        }

        Dictionary<string, string> fields;
        try
        {
            fields = WeChatPayV2Xml.Read(response.Body);
        }
        catch (FormatException)
        {
            return new V2Reply(null, ChannelResult.Unknown(WeChatPayErrors.Map(WeChatPayErrors.MalformedResponse, "The reply is not WeChat Pay XML.", operation)));
        }

        if (fields.GetValueOrDefault("return_code") != "SUCCESS")
        {
            // The request was refused before any business processing (signature, parameters).
            var message = fields.GetValueOrDefault("return_msg") ?? string.Empty;
            var code = message.Contains("签名", StringComparison.Ordinal) || message.Contains("sign", StringComparison.OrdinalIgnoreCase) ? "SIGNERROR" : "PARAM_ERROR";
            return new V2Reply(null, ChannelResult.Decline(WeChatPayErrors.Map(code, message, operation)));
        }

        if (!WeChatPayV2Signature.Verify(fields, key, signType))
        {
            return new V2Reply(null, ChannelResult.Unknown(WeChatPayErrors.Map(WeChatPayErrors.BadResponseSignature, "The reply's sign does not verify with the API v2 key.", operation)));
        }

        return new V2Reply(fields, null);
    }

    private sealed record V2Reply(Dictionary<string, string>? Fields, ChannelResult? Failure);
}
