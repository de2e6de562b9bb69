using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ordering.Sdk.Testing;

// APIv3: Authorization checked like WeChat Pay (401 SIGN_ERROR), answers signed with the public key when
// the request names it in Wechatpay-Serial, otherwise with the platform certificate.
public sealed partial class WeChatPaySandbox
{
    private const string Transactions = "/v3/pay/transactions/";

    private LoopbackHttpResponse HandleV3(LoopbackHttpRequest request, (string Code, int Status, string Message)? error, WeChatPaySandboxFault? fault)
    {
        var systemError = fault == WeChatPaySandboxFault.SystemError;
        var badSignature = fault == WeChatPaySandboxFault.BadResponseSignature;
        var forgedSerial = fault == WeChatPaySandboxFault.ForgedSerial;
        var usePublicKey = string.Equals(request.Header("Wechatpay-Serial"), _keys.PublicKeyId, StringComparison.Ordinal) || ActivePlatform is null;
        var authFailure = CheckAuthorization(request);
        if (authFailure is not null)
        {
            Interlocked.Increment(ref _rejectedSignatures);
            return Signed(401, Error("SIGN_ERROR", authFailure), usePublicKey, badSignature, forgedSerial);
        }

        if (error is { } e)
        {
            return Signed(e.Status, Error(e.Code, e.Message), usePublicKey, badSignature, forgedSerial);
        }

        if (request.Method == "GET" && request.Path == "/v3/certificates")
        {
            var (certificatesStatus, certificatesBody) = Certificates();
            return Signed(certificatesStatus, certificatesBody, usePublicKey, badSignature, forgedSerial);
        }

        if (request.Path.StartsWith("/v3/billdownload/file", StringComparison.Ordinal))
        {
            return DownloadBill(request);
        }

        var (status, body) = RouteV3(request);
        if (systemError)
        {
            (status, body) = (500, Error("SYSTEM_ERROR", "系统错误"));
        }

        return Signed(status, body, usePublicKey, badSignature, forgedSerial);
    }

    private (int Status, byte[] Body) RouteV3(LoopbackHttpRequest request)
    {
        var path = request.Path;
        JsonDocument? document = null;
        try
        {
            if (request.Method == "POST")
            {
                try
                {
                    document = JsonDocument.Parse(request.Body);
                }
                catch (JsonException)
                {
                    return (400, Error("PARAM_ERROR", "请求体不是合法的JSON"));
                }
            }

            var root = document?.RootElement ?? default;
            lock (_gate)
            {
                AdvanceAll();
                return (request.Method, path) switch
                {
                    ("POST", Transactions + "jsapi") => Prepay(root, "JSAPI"),
                    ("POST", Transactions + "native") => Prepay(root, "NATIVE"),
                    ("POST", Transactions + "codepay") => CodePayV3(root),
                    ("GET", _) when path.StartsWith(Transactions + "out-trade-no/", StringComparison.Ordinal) => QueryV3(path[(Transactions.Length + 13)..]),
                    ("POST", _) when path.StartsWith(Transactions + "out-trade-no/", StringComparison.Ordinal) && path.EndsWith("/close", StringComparison.Ordinal) =>
                        Close(path[(Transactions.Length + 13)..^6]),
                    ("POST", _) when path.StartsWith(Transactions + "out-trade-no/", StringComparison.Ordinal) && path.EndsWith("/reverse", StringComparison.Ordinal) =>
                        ReverseV3(path[(Transactions.Length + 13)..^8]),
                    ("POST", "/v3/refund/domestic/refunds") => Refund(root),
                    ("GET", _) when path.StartsWith("/v3/refund/domestic/refunds/", StringComparison.Ordinal) => QueryRefund(path["/v3/refund/domestic/refunds/".Length..]),
                    ("GET", "/v3/bill/tradebill") => TradeBill(request.Query),
                    _ => (404, Error("NOT_FOUND", "接口不存在")),
                };
            }
        }
        finally
        {
            document?.Dispose();
        }
    }

    private string? CheckAuthorization(LoopbackHttpRequest request)
    {
        var header = request.Header("Authorization");
        const string Scheme = "WECHATPAY2-SHA256-RSA2048 ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return "Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》";
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[Scheme.Length..].Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || part.Length < equals + 3 || part[equals + 1] != '"' || part[^1] != '"')
            {
                return "Http头Authorization值格式错误";
            }

            fields[part[..equals]] = part[(equals + 2)..^1];
        }

        if (!fields.TryGetValue("mchid", out var mchid) || mchid != _options.MerchantId)
        {
            return "Http头Authorization中的mchid与商户号不匹配";
        }

        if (!fields.TryGetValue("serial_no", out var serial) || !string.Equals(serial, _keys.MerchantCertificateSerial, StringComparison.OrdinalIgnoreCase))
        {
            return "商户证书序列号有误";
        }

        if (!fields.TryGetValue("timestamp", out var timestampText) || !long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(_time.GetUtcNow().ToUnixTimeSeconds() - timestamp) > 300)
        {
            return "Http头Authorization中的timestamp与发起请求的时间不得超过5分钟";
        }

        if (!fields.TryGetValue("nonce_str", out var nonce) || nonce.Length is 0 or > 32 || !fields.TryGetValue("signature", out var signature))
        {
            return "Http头Authorization值格式错误";
        }

        var url = request.Query.Length > 0 ? request.Path + "?" + request.Query : request.Path;
        var message = Concat(request.Method + "\n" + url + "\n" + timestampText + "\n" + nonce + "\n", request.Body);
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var written)
            && _keys.MerchantKey.VerifyData(message, bytes.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ? null
            : "错误的签名，验签失败";
    }

    private LoopbackHttpResponse Signed(int status, byte[] body, bool usePublicKey, bool badSignature, bool forgedSerial = false)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Nonce();
        var platform = usePublicKey ? null : ActivePlatform;
        var key = platform?.Key ?? _keys.PublicKey;
        var serial = platform?.Serial ?? _keys.PublicKeyId;
        if (forgedSerial)
        {
            // A serial no certificate has: a client must not trust it, nor download more than once for it.
            lock (_gate)
            {
                serial = WeChatPaySandboxKeys.HexSerial(_random);
            }
        }

        // The probe signs something else than what it sends.
        var signed = badSignature ? Concat(timestamp + "\n" + nonce + "\n", Encoding.UTF8.GetBytes("WECHATPAY/SIGNTEST/")) : Concat(timestamp + "\n" + nonce + "\n", body);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Wechatpay-Timestamp"] = timestamp,
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Serial"] = serial,
            ["Wechatpay-Signature"] = SignBase64(key, signed),
            ["Wechatpay-Signature-Type"] = "WECHATPAY2-SHA256-RSA2048",
            ["Request-ID"] = NextId("REQ"),
        };
        return new LoopbackHttpResponse(status, body, "application/json", headers);
    }

    private (int, byte[]) Prepay(JsonElement root, string tradeType)
    {
        var check = CheckOrder(root, requireNotify: true);
        if (check is not null)
        {
            return check.Value;
        }

        var outTradeNo = Str(root, "out_trade_no")!;
        var total = root.GetProperty("amount").GetProperty("total").GetInt64();
        string? openId = null;
        if (tradeType == "JSAPI")
        {
            openId = root.TryGetProperty("payer", out var payer) ? Str(payer, "openid") : null;
            if (string.IsNullOrEmpty(openId))
            {
                return (400, Error("PARAM_ERROR", "缺少参数payer.openid"));
            }
        }

        if (_trades.TryGetValue(outTradeNo, out var existing))
        {
            if (existing.Amount != total || existing.TradeType != tradeType)
            {
                return (400, Error("INVALID_REQUEST", "201 商户订单号重复"));
            }

            if (existing.State == "SUCCESS")
            {
                return (400, Error("ORDERPAID", "该订单已支付"));
            }

            return (200, PrepayBody(existing));
        }

        var trade = new SandboxTrade
        {
            OutTradeNo = outTradeNo,
            TransactionId = NextId("42000"),
            TradeType = tradeType,
            Amount = total,
            CreatedAt = _time.GetUtcNow(),
            Customer = NextCustomer(outTradeNo, codePay: false),
            NotifyUrl = Str(root, "notify_url"),
            OpenId = openId,
            PrepayId = NextId("wx"),
        };
        _trades[outTradeNo] = trade;
        return (200, PrepayBody(trade));
    }

    private static byte[] PrepayBody(SandboxTrade trade) =>
        trade.TradeType == "NATIVE"
            ? Json(w => w.WriteString("code_url", "weixin://wxpay/bizpayurl?pr=" + trade.PrepayId))
            : Json(w => w.WriteString("prepay_id", trade.PrepayId));

    private (int, byte[]) CodePayV3(JsonElement root)
    {
        var check = CheckOrder(root, requireNotify: false);
        if (check is not null)
        {
            return check.Value;
        }

        var authCode = root.TryGetProperty("payer", out var payer) ? Str(payer, "auth_code") : null;
        var (code, message) = StartCodePay(Str(root, "out_trade_no")!, root.GetProperty("amount").GetProperty("total").GetInt64(), authCode);
        if (code is null)
        {
            return (200, TransactionJson(_trades[Str(root, "out_trade_no")!]));
        }

        return code == "USERPAYING" ? (202, Error(code, message)) : (code is "SYSTEMERROR" ? 500 : 403, Error(code, message));
    }

    // Shared by v3 codepay and v2 micropay: null code means paid at once.
    private (string? Code, string Message) StartCodePay(string outTradeNo, long total, string? authCode)
    {
        if (authCode is null || authCode.Length != 18 || authCode[0] != '1' || authCode[1] is < '0' or > '5' || !authCode.All(char.IsAsciiDigit))
        {
            return ("AUTH_CODE_INVALID", "请扫描微信支付授权码(以10/11/12/13/14/15为前缀的18位数字)");
        }

        if (_trades.TryGetValue(outTradeNo, out var existing))
        {
            if (existing.Amount != total)
            {
                return ("INVALID_REQUEST", "201 商户订单号重复");
            }

            return existing.State switch
            {
                "SUCCESS" or "REFUND" => (null, string.Empty),
                "REVOKED" => ("ORDERREVERSED", "订单已撤销"),
                "CLOSED" => ("ORDERCLOSED", "订单已关闭"),
                "PAYERROR" => ("TRADE_ERROR", existing.StateDescription),
                _ => ("USERPAYING", "需要用户输入支付密码"),
            };
        }

        var customer = NextCustomer(outTradeNo, codePay: true);
        var trade = new SandboxTrade
        {
            OutTradeNo = outTradeNo,
            TransactionId = NextId("42000"),
            TradeType = "MICROPAY",
            Amount = total,
            CreatedAt = _time.GetUtcNow(),
            Customer = customer,
            OpenId = "oSandboxPayer" + authCode[^4..],
            State = "USERPAYING",
        };
        _trades[outTradeNo] = trade;
        if (customer.After == TimeSpan.Zero)
        {
            switch (customer.Action)
            {
                case WeChatPaySandboxCustomerAction.Pays:
                    MarkPaid(trade, trade.CreatedAt);
                    return (null, string.Empty);
                case WeChatPaySandboxCustomerAction.InsufficientBalance:
                    Fail(trade, "支付失败，用户余额不足");
                    return ("NOTENOUGH", "用户余额不足");
                case WeChatPaySandboxCustomerAction.ExpiredCode:
                    Fail(trade, "付款码已过期");
                    return ("AUTHCODEEXPIRE", "二维码已过期，请用户在微信上刷新后再试");
            }
        }

        // Password prompts, slow payers and cancellations start as USERPAYING; the query tells the end.
        return ("USERPAYING", "需要用户输入支付密码");
    }

    private (int, byte[])? CheckOrder(JsonElement root, bool requireNotify)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (400, Error("PARAM_ERROR", "请求体必须是JSON对象"));
        }

        if (Str(root, "mchid") != _options.MerchantId)
        {
            return (400, Error("MCH_NOT_EXISTS", "商户号不存在或与请求不符"));
        }

        if (Str(root, "appid") != _options.AppId)
        {
            return (400, Error("APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配"));
        }

        var outTradeNo = Str(root, "out_trade_no");
        if (outTradeNo is null || outTradeNo.Length is < 6 or > 32)
        {
            return (400, Error("PARAM_ERROR", "out_trade_no长度须在6到32之间"));
        }

        if (string.IsNullOrEmpty(Str(root, "description")))
        {
            return (400, Error("PARAM_ERROR", "缺少参数description"));
        }

        if (requireNotify && !Uri.TryCreate(Str(root, "notify_url"), UriKind.Absolute, out _))
        {
            return (400, Error("PARAM_ERROR", "notify_url必须是绝对URL"));
        }

        if (!root.TryGetProperty("amount", out var amount) || !amount.TryGetProperty("total", out var total) || !total.TryGetInt64(out var fen) || fen <= 0)
        {
            return (400, Error("PARAM_ERROR", "amount.total必须为正整数（分）"));
        }

        return null;
    }

    private (int, byte[]) QueryV3(string rest)
    {
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var outTradeNo = question < 0 ? rest : rest[..question];
        return _trades.TryGetValue(outTradeNo, out var trade)
            ? (200, TransactionJson(trade))
            : (404, Error("ORDER_NOT_EXIST", "订单不存在"));
    }

    private (int, byte[]) Close(string outTradeNo)
    {
        if (!_trades.TryGetValue(outTradeNo, out var trade))
        {
            return (404, Error("ORDER_NOT_EXIST", "订单不存在"));
        }

        switch (trade.State)
        {
            case "SUCCESS" or "REFUND":
                return (400, Error("ORDERPAID", "订单已支付"));
            case "NOTPAY" or "CLOSED" or "PAYERROR":
                trade.State = "CLOSED";
                trade.StateDescription = "订单已关闭";
                return (204, []);
            default:
                return (400, Error("INVALID_REQUEST", "当前订单状态不允许关闭，请使用撤销"));
        }
    }

    private (int, byte[]) ReverseV3(string outTradeNo)
    {
        var (code, message) = Reverse(outTradeNo);
        return code is null
            ? (200, Json(w => w.WriteString("out_trade_no", outTradeNo)))
            : (code == "ORDER_NOT_EXIST" ? 404 : 400, Error(code, message));
    }

    // Reverse closes an unpaid code-pay trade and returns the money of a paid one.
    private (string? Code, string Message) Reverse(string outTradeNo)
    {
        if (!_trades.TryGetValue(outTradeNo, out var trade))
        {
            return ("ORDER_NOT_EXIST", "订单不存在");
        }

        if (trade.TradeType != "MICROPAY")
        {
            return ("INVALID_REQUEST", "支付场景不适用，请使用关单");
        }

        if (trade.Refunded > 0)
        {
            return ("INVALID_REQUEST", "订单已发生退款，无法撤销");
        }

        trade.Reversed = true;
        trade.State = "REVOKED";
        trade.StateDescription = "订单已撤销";
        return (null, string.Empty);
    }

    private (int, byte[]) Refund(JsonElement root)
    {
        var outTradeNo = Str(root, "out_trade_no");
        var outRefundNo = Str(root, "out_refund_no");
        if (outTradeNo is null || outRefundNo is null || !root.TryGetProperty("amount", out var amount)
            || !amount.TryGetProperty("refund", out var refundElement) || !refundElement.TryGetInt64(out var refund) || refund <= 0
            || !amount.TryGetProperty("total", out var totalElement) || !totalElement.TryGetInt64(out var total))
        {
            return (400, Error("PARAM_ERROR", "缺少参数或金额非法"));
        }

        if (!_trades.TryGetValue(outTradeNo, out var trade))
        {
            return (404, Error("RESOURCE_NOT_EXISTS", "订单不存在"));
        }

        if (_refunds.TryGetValue(outRefundNo, out var existing))
        {
            // Same out_refund_no, same amount: the same refund, once.
            return existing.Amount == refund && existing.OutTradeNo == outTradeNo
                ? (200, RefundJson(existing, trade))
                : (400, Error("INVALID_REQUEST", "同一退款单号的请求参数不一致"));
        }

        if (trade.State is not ("SUCCESS" or "REFUND"))
        {
            return (403, Error("INVALID_REQUEST", "订单未支付或已撤销，不能退款"));
        }

        if (total != trade.Amount)
        {
            return (400, Error("PARAM_ERROR", "订单金额与原订单不一致"));
        }

        var pending = _refunds.Values.Where(r => r.OutTradeNo == outTradeNo && r.Status is "PROCESSING").Sum(r => r.Amount);
        if (refund > trade.Amount - trade.Refunded - pending)
        {
            return (403, Error("NOT_ENOUGH", "可退金额不足"));
        }

        var entry = new SandboxRefund
        {
            OutRefundNo = outRefundNo,
            OutTradeNo = outTradeNo,
            RefundId = NextId("50300"),
            Amount = refund,
            Total = total,
            CreatedAt = _time.GetUtcNow(),
            NotifyUrl = Str(root, "notify_url"),
        };
        _refunds[outRefundNo] = entry;
        AdvanceRefund(entry, entry.CreatedAt);
        return (200, RefundJson(entry, trade));
    }

    private (int, byte[]) QueryRefund(string outRefundNo)
    {
        if (!_refunds.TryGetValue(outRefundNo, out var refund))
        {
            return (404, Error("RESOURCE_NOT_EXISTS", "退款单不存在"));
        }

        return (200, RefundJson(refund, _trades[refund.OutTradeNo]));
    }

    private byte[] TransactionJson(SandboxTrade trade) => Json(w =>
    {
        w.WriteString("appid", _options.AppId);
        w.WriteString("mchid", _options.MerchantId);
        w.WriteString("out_trade_no", trade.OutTradeNo);
        w.WriteString("transaction_id", trade.TransactionId);
        w.WriteString("trade_type", trade.TradeType);
        w.WriteString("trade_state", trade.State);
        w.WriteString("trade_state_desc", trade.StateDescription);
        if (trade.PaidAt is { } paidAt)
        {
            w.WriteString("success_time", Rfc3339(paidAt));
        }

        w.WriteStartObject("payer");
        w.WriteString("openid", trade.OpenId ?? "oSandboxPayer");
        w.WriteEndObject();
        w.WriteStartObject("amount");
        w.WriteNumber("total", trade.Amount);
        w.WriteNumber("payer_total", trade.Amount);
        w.WriteString("currency", "CNY");
        w.WriteString("payer_currency", "CNY");
        w.WriteEndObject();
    });

    private static byte[] RefundJson(SandboxRefund refund, SandboxTrade trade) => Json(w =>
    {
        w.WriteString("refund_id", refund.RefundId);
        w.WriteString("out_refund_no", refund.OutRefundNo);
        w.WriteString("transaction_id", trade.TransactionId);
        w.WriteString("out_trade_no", trade.OutTradeNo);
        w.WriteString("channel", "ORIGINAL");
        w.WriteString("status", refund.Status);
        w.WriteString("create_time", Rfc3339(refund.CreatedAt));
        if (refund.SucceededAt is { } at)
        {
            w.WriteString("success_time", Rfc3339(at));
        }

        w.WriteStartObject("amount");
        w.WriteNumber("total", refund.Total);
        w.WriteNumber("refund", refund.Amount);
        w.WriteNumber("payer_total", refund.Total);
        w.WriteNumber("payer_refund", refund.Amount);
        w.WriteString("currency", "CNY");
        w.WriteEndObject();
    });

    private byte[] RefundCallbackJson(SandboxRefund refund, SandboxTrade trade) => Json(w =>
    {
        w.WriteString("mchid", _options.MerchantId);
        w.WriteString("out_trade_no", trade.OutTradeNo);
        w.WriteString("transaction_id", trade.TransactionId);
        w.WriteString("out_refund_no", refund.OutRefundNo);
        w.WriteString("refund_id", refund.RefundId);
        w.WriteString("refund_status", refund.Status);
        if (refund.SucceededAt is { } at)
        {
            w.WriteString("success_time", Rfc3339(at));
        }

        w.WriteString("user_received_account", "支付用户零钱");
        w.WriteStartObject("amount");
        w.WriteNumber("total", refund.Total);
        w.WriteNumber("refund", refund.Amount);
        w.WriteNumber("payer_total", refund.Total);
        w.WriteNumber("payer_refund", refund.Amount);
        w.WriteEndObject();
    });

    private static string Rfc3339(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Error(string code, string message) => Json(w =>
    {
        w.WriteString("code", code);
        w.WriteString("message", message);
    });

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
