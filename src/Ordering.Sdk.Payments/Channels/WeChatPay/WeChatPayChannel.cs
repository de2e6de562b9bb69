using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ordering.Sdk.Payments;

// WeChat Pay behind IPaymentChannel. Every answer is definitive, pending or unknown: a timeout, a reset,
// SYSTEMERROR or an unverifiable response on a charge is Unknown (the engine queries), never Declined.
internal sealed partial class WeChatPayChannel : IWeChatPayChannel, IDisposable
{
    private const string TransactionsPath = "/v3/pay/transactions/";
    private readonly WeChatPayOptions _options;
    private readonly WeChatPayCredentials _credentials;
    private readonly WeChatPayHttp _http;
    private readonly TimeProvider _time;
    private readonly WeChatPayPlatformCertificates? _certificates;

    // What kind each charge was, so cancel knows close from reverse; after a restart a query tells.
    private readonly ConcurrentDictionary<string, ChargeKind> _kinds = new(StringComparer.Ordinal);

    /// <exception cref="OptionsValidationException">The options are invalid; every field is named.</exception>
    public WeChatPayChannel(WeChatPayOptions options, TimeProvider timeProvider, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _time = timeProvider;
        _credentials = WeChatPayCredentials.Load(options, timeProvider.GetUtcNow());
        _http = new WeChatPayHttp(options, _credentials, timeProvider, random);
        if (options.DownloadPlatformCertificates)
        {
            _certificates = new WeChatPayPlatformCertificates(
                options,
                _credentials,
                timeProvider,
                ct => _http.SendV3Async(HttpMethod.Get, WeChatPayPlatformCertificates.DownloadPath, null, verify: false, ct));
            _http.Certificates = _certificates;
        }
    }

    public PaymentChannelId Id => PaymentChannelId.WeChatPay;

    public PaymentChannelId Channel => PaymentChannelId.WeChatPay;

    public IReadOnlyList<string> ConfigurationWarnings => _credentials.Warnings;

    internal WeChatPayHttp Http => _http;

    internal WeChatPayPlatformCertificates? PlatformCertificates => _certificates;

    internal WeChatPayVerifier Verifier => _credentials.Verifier;

    public async ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var refusal = CheckCharge(request);
        if (refusal is not null)
        {
            return ChannelResult.Decline(refusal);
        }

        _kinds[request.MerchantOrderNumber] = request.Kind;
        try
        {
            return request.Kind switch
            {
                ChargeKind.CodePay when _options.CodePayApi == WeChatPayCodePayApi.V2 => await MicropayAsync(request, cancellationToken).ConfigureAwait(false),
                ChargeKind.CodePay => await CodePayAsync(request, cancellationToken).ConfigureAwait(false),
                ChargeKind.QrCode => await PrepayAsync(request, "native", cancellationToken).ConfigureAwait(false),
                _ => await PrepayAsync(request, "jsapi", cancellationToken).ConfigureAwait(false),
            };
        }
        catch (WeChatPayTransportException ex)
        {
            // The request may have been processed: unknown, resolved by query; never re-sent here.
            return ChannelResult.Unknown(WeChatPayErrors.Map(ex.Code, ex.Message, PaymentOperation.Charge));
        }
    }

    public async ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantOrderNumber);
        try
        {
            if (_options.CodePayApi == WeChatPayCodePayApi.V2 && (!_kinds.TryGetValue(merchantOrderNumber, out var kind) || kind == ChargeKind.CodePay))
            {
                return await OrderQueryV2Async(merchantOrderNumber, cancellationToken).ConfigureAwait(false);
            }

            var (result, _) = await QueryV3Async(merchantOrderNumber, cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (WeChatPayTransportException ex)
        {
            return ChannelResult.Unknown(WeChatPayErrors.Map(ex.Code, ex.Message, PaymentOperation.Query));
        }
    }

    public async ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(merchantOrderNumber);
        try
        {
            if (!_kinds.TryGetValue(merchantOrderNumber, out var kind))
            {
                var (found, tradeType) = await QueryV3Async(merchantOrderNumber, cancellationToken).ConfigureAwait(false);
                if (found.Outcome is ChannelOutcome.NotFound or ChannelOutcome.Cancelled)
                {
                    return ChannelResult.Cancelled();
                }

                if (found.Outcome == ChannelOutcome.Unknown || tradeType is null)
                {
                    return ChannelResult.Unknown(found.Error ?? WeChatPayErrors.Map(WeChatPayErrors.MalformedResponse, "The trade type is unknown.", PaymentOperation.Cancel));
                }

                kind = tradeType == "MICROPAY" ? ChargeKind.CodePay : ChargeKind.QrCode;
            }

            if (kind == ChargeKind.CodePay)
            {
                return _options.CodePayApi == WeChatPayCodePayApi.V2
                    ? await ReverseV2Async(merchantOrderNumber, cancellationToken).ConfigureAwait(false)
                    : await ReverseV3Async(merchantOrderNumber, cancellationToken).ConfigureAwait(false);
            }

            return await CloseAsync(merchantOrderNumber, cancellationToken).ConfigureAwait(false);
        }
        catch (WeChatPayTransportException ex)
        {
            return ChannelResult.Unknown(WeChatPayErrors.Map(ex.Code, ex.Message, PaymentOperation.Cancel));
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _certificates?.Dispose();
        _credentials.Dispose();
    }

    private static ChannelError? CheckCharge(ChargeRequest request)
    {
        if (!OutTradeNoPattern().IsMatch(request.MerchantOrderNumber ?? string.Empty))
        {
            return Local("MerchantOrderNumber: must be 6 to 32 letters, digits, '_', '-', '|' or '*'.");
        }

        if (request.Amount.Currency != Currency.Cny || request.Amount.MinorUnits <= 0)
        {
            return Local("Amount: WeChat Pay takes positive CNY amounts only.");
        }

        return request.Kind switch
        {
            ChargeKind.CodePay when !PaymentCodePattern().IsMatch(request.PaymentCode ?? string.Empty) =>
                new ChannelError(FailureCause.Customer, "AUTH_CODE_INVALID", "The payment code is not a WeChat Pay code (18 digits starting 10–15).", RecommendedAction.AskForNewCode),
            ChargeKind.Jsapi when string.IsNullOrWhiteSpace(request.PayerId) => Local("PayerId: the payer's openid is required for JSAPI / mini-program charges."),
            ChargeKind.CodePay or ChargeKind.QrCode or ChargeKind.Jsapi => null,
            _ => Local("Kind: WeChat Pay takes code pay, QR (Native) and JSAPI charges only."),
        };
    }

    private static ChannelError Local(string message) =>
        new(FailureCause.Configuration, WeChatPayErrors.LocalParameter, message, RecommendedAction.FixConfiguration);

    private string Description(ChargeRequest request)
    {
        var text = _options.Description + " " + request.OrderId;
        return text.Length <= 127 ? text : text[..127];
    }

    private async Task<ChannelResult> CodePayAsync(ChargeRequest request, CancellationToken cancellationToken)
    {
        var body = WeChatPayJson.Write(w =>
        {
            w.WriteString("appid", _options.AppId);
            w.WriteString("mchid", _options.MerchantId);
            w.WriteString("description", Description(request));
            w.WriteString("out_trade_no", request.MerchantOrderNumber);
            w.WriteStartObject("payer");
            w.WriteString("auth_code", request.PaymentCode);
            w.WriteEndObject();
            w.WriteStartObject("amount");
            w.WriteNumber("total", request.Amount.MinorUnits);
            w.WriteString("currency", "CNY");
            w.WriteEndObject();
            w.WriteStartObject("scene_info");
            w.WriteString("device_ip", _options.TerminalIp);
            w.WriteEndObject();
        });
        var response = await _http.SendV3Async(HttpMethod.Post, TransactionsPath + "codepay", body, verify: true, cancellationToken).ConfigureAwait(false);
        using var document = WeChatPayJson.TryParse(response.Body);
        var root = document?.RootElement ?? default;
        if (WeChatPayHttp.IsSuccess(response.StatusCode) && WeChatPayJson.String(root, "trade_state") is not null)
        {
            return FromTransaction(root);
        }

        var (code, message) = WeChatPayJson.Error(response.Body, response.StatusCode);
        return CodePayReply(response.StatusCode, code, message);
    }

    // The v3 code-pay answers that are not a transaction. WeChat Pay's v3 error table: HTTP 202 with code
    // USERPAYING, "用户支付中，需要输入密码", wait 5 s and query. Any other 202 was accepted but says nothing
    // definite, and USERPAYING under another status is not the documented reply: both are left to the query.
    internal static ChannelResult CodePayReply(int status, string code, string message)
    {
        if (status == 202 && code == "USERPAYING")
        {
            return ChannelResult.Paying();
        }

        if (status == 202 || code == "USERPAYING")
        {
            return ChannelResult.Unknown(new ChannelError(FailureCause.GatewayUnavailable, code, SensitiveData.Mask(message), RecommendedAction.QueryThenDecide));
        }

        return WeChatPayErrors.ToResult(code, message, status, PaymentOperation.Charge);
    }

    private async Task<ChannelResult> PrepayAsync(ChargeRequest request, string api, CancellationToken cancellationToken)
    {
        var body = WeChatPayJson.Write(w =>
        {
            w.WriteString("appid", _options.AppId);
            w.WriteString("mchid", _options.MerchantId);
            w.WriteString("description", Description(request));
            w.WriteString("out_trade_no", request.MerchantOrderNumber);
            w.WriteString("notify_url", _options.NotifyUrl!.AbsoluteUri);
            w.WriteStartObject("amount");
            w.WriteNumber("total", request.Amount.MinorUnits);
            w.WriteString("currency", "CNY");
            w.WriteEndObject();
            if (api == "jsapi")
            {
                w.WriteStartObject("payer");
                w.WriteString("openid", request.PayerId);
                w.WriteEndObject();
            }
        });
        var response = await _http.SendV3Async(HttpMethod.Post, TransactionsPath + api, body, verify: true, cancellationToken).ConfigureAwait(false);
        if (!WeChatPayHttp.IsSuccess(response.StatusCode))
        {
            var (code, message) = WeChatPayJson.Error(response.Body, response.StatusCode);
            return WeChatPayErrors.ToResult(code, message, response.StatusCode, PaymentOperation.Charge);
        }

        using var document = WeChatPayJson.TryParse(response.Body);
        var root = document?.RootElement ?? default;
        if (api == "native")
        {
            var codeUrl = WeChatPayJson.String(root, "code_url");
            return codeUrl is null ? Malformed("code_url is missing.") : ChannelResult.Paying(codeUrl);
        }

        var prepayId = WeChatPayJson.String(root, "prepay_id");
        return prepayId is null ? Malformed("prepay_id is missing.") : ChannelResult.Paying(RequestPaymentBundle(prepayId));
    }

    // The object wx.requestPayment takes, signed with the merchant key (signType RSA).
    internal string RequestPaymentBundle(string prepayId)
    {
        var timeStamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = _http.NewNonce();
        var package = "prepay_id=" + prepayId;
        var paySign = WeChatPayV3Signature.RequestPaymentSign(_credentials.MerchantKey, _options.AppId, timeStamp, nonce, package);
        var bytes = WeChatPayJson.Write(w =>
        {
            w.WriteString("appId", _options.AppId);
            w.WriteString("timeStamp", timeStamp);
            w.WriteString("nonceStr", nonce);
            w.WriteString("package", package);
            w.WriteString("signType", "RSA");
            w.WriteString("paySign", paySign);
        });
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    private async Task<(ChannelResult Result, string? TradeType)> QueryV3Async(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        var path = TransactionsPath + "out-trade-no/" + Uri.EscapeDataString(merchantOrderNumber) + "?mchid=" + _options.MerchantId;
        var response = await _http.SendV3Async(HttpMethod.Get, path, null, verify: true, cancellationToken).ConfigureAwait(false);
        if (!WeChatPayHttp.IsSuccess(response.StatusCode))
        {
            var (code, message) = WeChatPayJson.Error(response.Body, response.StatusCode);
            if (code is "ORDER_NOT_EXIST" or "ORDERNOTEXIST" or "RESOURCE_NOT_EXISTS")
            {
                return (ChannelResult.NotFound(), null);
            }

            var error = WeChatPayErrors.Map(code, message, PaymentOperation.Query);
            return (WeChatPayErrors.LeavesOutcomeUnknown(code, response.StatusCode) || error.Cause is FailureCause.RateLimited ? ChannelResult.Unknown(error) : ChannelResult.Decline(error), null);
        }

        using var document = WeChatPayJson.TryParse(response.Body);
        var root = document?.RootElement ?? default;
        return (FromTransaction(root), WeChatPayJson.String(root, "trade_type"));
    }

    private async Task<ChannelResult> CloseAsync(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        var body = WeChatPayJson.Write(w => w.WriteString("mchid", _options.MerchantId));
        var path = TransactionsPath + "out-trade-no/" + Uri.EscapeDataString(merchantOrderNumber) + "/close";
        var response = await _http.SendV3Async(HttpMethod.Post, path, body, verify: true, cancellationToken).ConfigureAwait(false);
        if (WeChatPayHttp.IsSuccess(response.StatusCode))
        {
            return ChannelResult.Cancelled();
        }

        var (code, message) = WeChatPayJson.Error(response.Body, response.StatusCode);
        return code switch
        {
            "ORDER_CLOSED" or "ORDERCLOSED" or "ORDER_NOT_EXIST" or "ORDERNOTEXIST" => ChannelResult.Cancelled(),

            // Paid before it could be closed: report the capture, with its amount.
            "ORDERPAID" => (await QueryV3Async(merchantOrderNumber, cancellationToken).ConfigureAwait(false)).Result,
            _ => WeChatPayErrors.ToResult(code, message, response.StatusCode, PaymentOperation.Cancel),
        };
    }

    private async Task<ChannelResult> ReverseV3Async(string merchantOrderNumber, CancellationToken cancellationToken)
    {
        var body = WeChatPayJson.Write(w =>
        {
            w.WriteString("appid", _options.AppId);
            w.WriteString("mchid", _options.MerchantId);
        });
        var path = TransactionsPath + "out-trade-no/" + Uri.EscapeDataString(merchantOrderNumber) + "/reverse";
        var response = await _http.SendV3Async(HttpMethod.Post, path, body, verify: true, cancellationToken).ConfigureAwait(false);
        if (WeChatPayHttp.IsSuccess(response.StatusCode))
        {
            return ChannelResult.Cancelled();
        }

        var (code, message) = WeChatPayJson.Error(response.Body, response.StatusCode);
        return code is "ORDER_NOT_EXIST" or "ORDERNOTEXIST" or "ORDERREVERSED" or "ORDER_REVERSED"
            ? ChannelResult.Cancelled()
            : WeChatPayErrors.ToResult(code, message, response.StatusCode, PaymentOperation.Cancel);
    }

    private static ChannelResult FromTransaction(JsonElement transaction)
    {
        var state = WeChatPayJson.String(transaction, "trade_state");
        switch (state)
        {
            case "SUCCESS" or "REFUND":
                var total = WeChatPayJson.Long(WeChatPayJson.Object(transaction, "amount"), "total");
                return total is > 0
                    ? ChannelResult.Success(Money.Fen(total.Value), WeChatPayJson.String(transaction, "transaction_id"))
                    : Malformed("amount.total is missing.");
            case "NOTPAY" or "USERPAYING":
                return ChannelResult.Paying();
            case "CLOSED" or "REVOKED":
                return ChannelResult.Cancelled();
            case "PAYERROR":
                return ChannelResult.Decline(WeChatPayErrors.Map("PAYERROR", WeChatPayJson.String(transaction, "trade_state_desc") ?? "支付失败", PaymentOperation.Query));
            default:
                return Malformed("trade_state is missing or unknown.");
        }
    }

    private static ChannelResult Malformed(string message) =>
        ChannelResult.Unknown(WeChatPayErrors.Map(WeChatPayErrors.MalformedResponse, message, PaymentOperation.Query));

    [GeneratedRegex("^[0-9A-Za-z_\\-|*]{6,32}$")]
    private static partial Regex OutTradeNoPattern();

    [GeneratedRegex("^1[0-5][0-9]{16}$")]
    private static partial Regex PaymentCodePattern();
}
