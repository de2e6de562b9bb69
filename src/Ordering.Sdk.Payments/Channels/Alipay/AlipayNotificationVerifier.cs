using System.Diagnostics;
using System.Net;

namespace Ordering.Sdk.Payments.Alipay;

// Notifications are untrusted input: a forged "paid" is the costliest message an attacker can send.
internal sealed class AlipayNotificationVerifier(AlipayClient client) : IAlipayNotificationVerifier
{
    public AlipayNotificationVerdict Verify(string formBody, Money? expectedAmount = null)
    {
        ArgumentNullException.ThrowIfNull(formBody);
        using var activity = PaymentsTelemetry.ActivitySource.StartActivity("ordering.payments.alipay.notification", ActivityKind.Server);
        activity?.SetTag("channel", "alipay");
        var verdict = Check(Parse(formBody), expectedAmount);
        activity?.SetTag("alipay.notification.authentic", verdict.IsAuthentic);
        activity?.SetTag("alipay.notification.reject_reason", verdict.RejectReason);
        activity?.SetTag("alipay.out_trade_no", verdict.Notification?.MerchantOrderNumber);
        return verdict;
    }

    internal static List<KeyValuePair<string, string>> Parse(string formBody)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in formBody.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : WebUtility.UrlDecode(pair[(equals + 1)..]);
            fields.Add(new(key, value));
        }

        return fields;
    }

    private AlipayNotificationVerdict Check(List<KeyValuePair<string, string>> fields, Money? expectedAmount)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            if (!values.TryAdd(key, value))
            {
                return Reject($"{key}: appears twice.");
            }
        }

        values.TryGetValue("sign", out var sign);
        var key1 = client.AlipayPublicKey;

        // Trade notifications are signed without sign_type; some others (service market) with it.
        if (!AlipaySignature.Verify(AlipaySignature.SignContent(fields, includeSignType: false), sign, key1)
            && !AlipaySignature.Verify(AlipaySignature.SignContent(fields, includeSignType: true), sign, key1))
        {
            return Reject("sign: does not verify with the Alipay public key.");
        }

        var options = client.Options;
        if (!values.TryGetValue("app_id", out var appId) || appId != options.AppId)
        {
            return Reject("app_id: not this application's id.");
        }

        if (!values.TryGetValue("seller_id", out var sellerId) || sellerId != options.SellerId)
        {
            return Reject("seller_id: not this merchant's partner id.");
        }

        if (!values.TryGetValue("out_trade_no", out var outTradeNo) || string.IsNullOrWhiteSpace(outTradeNo) || outTradeNo.Length > 64)
        {
            return Reject("out_trade_no: missing or malformed.");
        }

        if (!values.TryGetValue("notify_id", out var notifyId) || string.IsNullOrWhiteSpace(notifyId))
        {
            return Reject("notify_id: missing.");
        }

        if (!values.TryGetValue("total_amount", out var totalText) || !AlipayAmount.TryParseFen(totalText, out var total))
        {
            return Reject("total_amount: missing or not a yuan amount with at most two decimals.");
        }

        if (expectedAmount is { } expected && (expected.Currency != Currency.Cny || expected.MinorUnits != total))
        {
            return Reject("total_amount: differs from the order's amount.");
        }

        values.TryGetValue("trade_no", out var tradeNo);
        values.TryGetValue("trade_status", out var status);
        var isRefund = values.TryGetValue("out_biz_no", out var refundNumber) && !string.IsNullOrEmpty(refundNumber)
            && values.TryGetValue("refund_fee", out var refundText) && !string.IsNullOrEmpty(refundText);
        if (isRefund)
        {
            // A refund is reported on the trade: TRADE_SUCCESS (partial) or TRADE_CLOSED (full), with out_biz_no.
            if (!AlipayAmount.TryParseFen(values["refund_fee"], out var refunded) || refunded > total)
            {
                return Reject("refund_fee: not a yuan amount within total_amount.");
            }

            return Accept(new PaymentNotification(PaymentChannelId.Alipay, notifyId, PaymentNotificationKind.RefundSucceeded, outTradeNo, Money.Fen(refunded), tradeNo, refundNumber));
        }

        return status switch
        {
            "TRADE_SUCCESS" or "TRADE_FINISHED" => Accept(new PaymentNotification(PaymentChannelId.Alipay, notifyId, PaymentNotificationKind.PaymentSucceeded, outTradeNo, Money.Fen(total), tradeNo)),
            "TRADE_CLOSED" => Accept(new PaymentNotification(PaymentChannelId.Alipay, notifyId, PaymentNotificationKind.PaymentClosed, outTradeNo, Money.Fen(total), tradeNo)),
            "WAIT_BUYER_PAY" => new AlipayNotificationVerdict(true, null, null),
            _ => Reject("trade_status: missing or unknown."),
        };
    }

    private static AlipayNotificationVerdict Accept(PaymentNotification notification) => new(true, notification, null);

    private static AlipayNotificationVerdict Reject(string reason) => new(false, null, reason);
}
