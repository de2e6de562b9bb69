using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;

namespace Ordering.Sdk.Testing;

// API v2 code pay: XML in and out, signed with the API v2 key (MD5 or HMAC-SHA256, as the request says).
public sealed partial class WeChatPaySandbox
{
    private LoopbackHttpResponse HandleV2(LoopbackHttpRequest request, (string Code, int Status, string Message)? error, bool systemError, bool badSignature)
    {
        Dictionary<string, string> fields;
        try
        {
            fields = ReadXml(request.Body);
        }
        catch (XmlException)
        {
            return Xml(new() { ["return_code"] = "FAIL", ["return_msg"] = "XML格式错误" }, null);
        }

        var hmac = fields.GetValueOrDefault("sign_type") == "HMAC-SHA256";
        if (!fields.TryGetValue("sign", out var sign) || !string.Equals(sign, SignV2(fields, hmac), StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _rejectedSignatures);
            return Xml(new() { ["return_code"] = "FAIL", ["return_msg"] = "签名错误" }, null);
        }

        if (fields.GetValueOrDefault("mch_id") != _options.MerchantId || fields.GetValueOrDefault("appid") != _options.AppId)
        {
            return Xml(new() { ["return_code"] = "FAIL", ["return_msg"] = "appid和mch_id不匹配" }, null);
        }

        var reply = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["return_code"] = "SUCCESS",
            ["return_msg"] = "OK",
            ["appid"] = _options.AppId,
            ["mch_id"] = _options.MerchantId,
            ["nonce_str"] = Nonce(),
        };
        if (error is { } e)
        {
            return Xml(Failed(reply, e.Code, e.Message), hmac);
        }

        var outTradeNo = fields.GetValueOrDefault("out_trade_no") ?? string.Empty;
        lock (_gate)
        {
            AdvanceAll();
            switch (request.Path)
            {
                case "/pay/micropay":
                    if (!long.TryParse(fields.GetValueOrDefault("total_fee"), NumberStyles.None, CultureInfo.InvariantCulture, out var fee) || fee <= 0 || outTradeNo.Length is < 6 or > 32)
                    {
                        return Xml(Failed(reply, "PARAM_ERROR", "参数错误"), hmac);
                    }

                    var (code, message) = StartCodePay(outTradeNo, fee, fields.GetValueOrDefault("auth_code"));
                    if (code is null)
                    {
                        AddTrade(reply, _trades[outTradeNo]);
                        reply["result_code"] = "SUCCESS";
                    }
                    else
                    {
                        Failed(reply, code, message);
                    }

                    break;
                case "/pay/orderquery":
                    if (!_trades.TryGetValue(outTradeNo, out var trade))
                    {
                        Failed(reply, "ORDERNOTEXIST", "此交易订单号不存在");
                        break;
                    }

                    AddTrade(reply, trade);
                    reply["result_code"] = "SUCCESS";
                    reply["trade_state"] = trade.State;
                    reply["trade_state_desc"] = trade.StateDescription;
                    break;
                case "/secapi/pay/reverse":
                    var (reverseCode, reverseMessage) = Reverse(outTradeNo);
                    if (reverseCode is null)
                    {
                        reply["result_code"] = "SUCCESS";
                        reply["recall"] = "N";
                    }
                    else
                    {
                        Failed(reply, reverseCode == "ORDER_NOT_EXIST" ? "ORDERNOTEXIST" : reverseCode, reverseMessage);
                        reply["recall"] = "N";
                    }

                    break;
                default:
                    return new LoopbackHttpResponse(404, Encoding.UTF8.GetBytes("not found"), "text/plain");
            }
        }

        if (systemError)
        {
            reply.Remove("transaction_id");
            reply.Remove("trade_state");
            Failed(reply, "SYSTEMERROR", "系统超时");
            if (request.Path == "/secapi/pay/reverse")
            {
                reply["recall"] = "Y";
            }
        }

        if (badSignature)
        {
            // Signed, then altered: the sign no longer matches what is sent.
            var signed = Xml(reply, hmac);
            var body = Encoding.UTF8.GetString(signed.Body).Replace("<total_fee><![CDATA[", "<total_fee><![CDATA[1", StringComparison.Ordinal);
            return signed with { Body = Encoding.UTF8.GetBytes(body.Contains("<total_fee>", StringComparison.Ordinal) ? body : body.Replace("<nonce_str><![CDATA[", "<nonce_str><![CDATA[X", StringComparison.Ordinal)) };
        }

        return Xml(reply, hmac);
    }

    private static Dictionary<string, string> Failed(Dictionary<string, string> reply, string code, string message)
    {
        reply["result_code"] = "FAIL";
        reply["err_code"] = code;
        reply["err_code_des"] = message;
        return reply;
    }

    private static void AddTrade(Dictionary<string, string> reply, SandboxTrade trade)
    {
        reply["openid"] = trade.OpenId ?? "oSandboxPayer";
        reply["trade_type"] = trade.TradeType;
        reply["out_trade_no"] = trade.OutTradeNo;
        reply["transaction_id"] = trade.TransactionId;
        reply["total_fee"] = trade.Amount.ToString(CultureInfo.InvariantCulture);
        reply["fee_type"] = "CNY";
        if (trade.PaidAt is { } paidAt)
        {
            reply["time_end"] = paidAt.ToOffset(China).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        }
    }

    private string SignV2(Dictionary<string, string> fields, bool hmac)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in fields.Where(f => f.Key != "sign" && f.Value.Length > 0).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            builder.Append(key).Append('=').Append(value).Append('&');
        }

        var message = Encoding.UTF8.GetBytes(builder.Append("key=").Append(_keys.ApiV2Key).ToString());
#pragma warning disable CA5351 // API v2 defines MD5 signing.
        return Convert.ToHexString(hmac ? HMACSHA256.HashData(Encoding.UTF8.GetBytes(_keys.ApiV2Key), message) : MD5.HashData(message));
#pragma warning restore CA5351
    }

    private LoopbackHttpResponse Xml(Dictionary<string, string> fields, bool? hmac)
    {
        if (hmac is { } useHmac)
        {
            fields["sign"] = SignV2(fields, useHmac);
        }

        var builder = new StringBuilder("<xml>");
        foreach (var (key, value) in fields)
        {
            builder.Append('<').Append(key).Append("><![CDATA[").Append(value).Append("]]></").Append(key).Append('>');
        }

        return new LoopbackHttpResponse(200, Encoding.UTF8.GetBytes(builder.Append("</xml>").ToString()), "text/xml");
    }

    private static Dictionary<string, string> ReadXml(byte[] body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        reader.MoveToContent();
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
            {
                var name = reader.Name;
                result[name] = reader.ReadElementContentAsString();
                continue;
            }

            reader.Read();
        }

        return result;
    }
}
