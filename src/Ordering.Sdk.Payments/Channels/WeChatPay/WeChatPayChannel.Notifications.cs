using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Ordering.Sdk.Payments;

// Callbacks are untrusted input: signature (key chosen by Wechatpay-Serial) and timestamp window on the
// raw bytes, then AEAD_AES_256_GCM decryption, then merchant id, app id and amount checks.
internal sealed partial class WeChatPayChannel
{
    public PaymentNotification ParseNotification(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        using var activity = PaymentsTelemetry.ActivitySource.StartActivity("ordering.payments.wechatpay.notification", ActivityKind.Server);
        activity?.SetTag("channel", "wechatpay");
        try
        {
            var notification = Parse(headers, body, activity);
            activity?.SetTag("outcome", "accepted");
            activity?.SetTag("notification.kind", notification.Kind.ToString());
            return notification;
        }
        catch (WeChatPayNotificationException ex)
        {
            activity?.SetTag("outcome", "rejected");
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    public async ValueTask<PaymentNotification> ParseNotificationAsync(IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (_certificates is not null && UnknownCertificateSerial(headers) is { } serial)
        {
            await _certificates.TryRefreshForUnknownSerialAsync(serial, cancellationToken).ConfigureAwait(false);
        }

        return ParseNotification(headers, body.Span);
    }

    // The serial of a callback signed with a platform certificate we have not downloaded yet, if so.
    private string? UnknownCertificateSerial(IReadOnlyDictionary<string, string> headers)
    {
        foreach (var (name, value) in headers)
        {
            if (string.Equals(name, "Wechatpay-Serial", StringComparison.OrdinalIgnoreCase))
            {
                return string.IsNullOrEmpty(value) || _credentials.Verifier.Knows(value) || WeChatPayPlatformCertificates.IsPublicKeyId(value) ? null : value;
            }
        }

        return null;
    }

    private PaymentNotification Parse(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, Activity? activity)
    {
        var lookup = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        if (_certificates is not null && UnknownCertificateSerial(lookup) is { } unknown)
        {
            // Rejected now; WeChat Pay re-sends the callback, by when the rotated certificate is downloaded.
            _certificates.RefreshInBackgroundForUnknownSerial(unknown);
        }

        var failure = _credentials.Verifier.Verify(
            lookup.GetValueOrDefault("Wechatpay-Serial"),
            lookup.GetValueOrDefault("Wechatpay-Timestamp"),
            lookup.GetValueOrDefault("Wechatpay-Nonce"),
            lookup.GetValueOrDefault("Wechatpay-Signature"),
            lookup.GetValueOrDefault("Wechatpay-Signature-Type"),
            body,
            _time.GetUtcNow());
        if (failure is not null)
        {
            throw new WeChatPayNotificationException("Signature check failed: " + failure + ".");
        }

        using var envelope = WeChatPayJson.TryParse(body.ToArray()) ?? throw new WeChatPayNotificationException("The body is not JSON.");
        var root = envelope.RootElement;
        var id = WeChatPayJson.String(root, "id") ?? throw new WeChatPayNotificationException("id is missing.");
        var eventType = WeChatPayJson.String(root, "event_type") ?? throw new WeChatPayNotificationException("event_type is missing.");
        activity?.SetTag("wechatpay.event_type", eventType);
        var resource = WeChatPayJson.Object(root, "resource");
        if (WeChatPayJson.String(resource, "algorithm") != "AEAD_AES_256_GCM")
        {
            throw new WeChatPayNotificationException("resource.algorithm must be AEAD_AES_256_GCM.");
        }

        byte[] plaintext;
        try
        {
            plaintext = WeChatPayAead.Decrypt(
                _credentials.ApiV3Key,
                WeChatPayJson.String(resource, "nonce") ?? string.Empty,
                WeChatPayJson.String(resource, "associated_data") ?? string.Empty,
                WeChatPayJson.String(resource, "ciphertext") ?? string.Empty);
        }
        catch (CryptographicException ex)
        {
            throw new WeChatPayNotificationException("The resource could not be decrypted with the APIv3 key (tag mismatch or malformed).", ex);
        }

        using var decrypted = WeChatPayJson.TryParse(plaintext) ?? throw new WeChatPayNotificationException("The decrypted resource is not JSON.");
        var data = decrypted.RootElement;
        if (WeChatPayJson.String(data, "mchid") != _options.MerchantId)
        {
            throw new WeChatPayNotificationException("mchid does not match this merchant.");
        }

        var outTradeNo = WeChatPayJson.String(data, "out_trade_no") ?? throw new WeChatPayNotificationException("out_trade_no is missing.");
        var amount = WeChatPayJson.Object(data, "amount");
        var currency = WeChatPayJson.String(amount, "currency");
        if (currency is not null and not "CNY")
        {
            throw new WeChatPayNotificationException("amount.currency must be CNY.");
        }

        if (eventType.StartsWith("TRANSACTION.", StringComparison.Ordinal))
        {
            if (WeChatPayJson.String(data, "appid") != _options.AppId)
            {
                throw new WeChatPayNotificationException("appid does not match this merchant's app.");
            }

            var total = WeChatPayJson.Long(amount, "total");
            if (total is not > 0)
            {
                throw new WeChatPayNotificationException("amount.total is missing or not positive.");
            }

            var state = WeChatPayJson.String(data, "trade_state");
            var kind = state switch
            {
                "SUCCESS" => PaymentNotificationKind.PaymentSucceeded,
                "CLOSED" or "REVOKED" or "PAYERROR" => PaymentNotificationKind.PaymentClosed,
                _ => throw new WeChatPayNotificationException("trade_state is missing or not final."),
            };
            return new PaymentNotification(PaymentChannelId.WeChatPay, id, kind, outTradeNo, Money.Fen(total.Value), WeChatPayJson.String(data, "transaction_id"));
        }

        if (eventType.StartsWith("REFUND.", StringComparison.Ordinal))
        {
            var refund = WeChatPayJson.Long(amount, "refund");
            if (refund is not > 0)
            {
                throw new WeChatPayNotificationException("amount.refund is missing or not positive.");
            }

            var refundNumber = WeChatPayJson.String(data, "out_refund_no") ?? throw new WeChatPayNotificationException("out_refund_no is missing.");
            var kind = WeChatPayJson.String(data, "refund_status") switch
            {
                "SUCCESS" => PaymentNotificationKind.RefundSucceeded,
                "CLOSED" or "ABNORMAL" => PaymentNotificationKind.RefundClosed,
                _ => throw new WeChatPayNotificationException("refund_status is missing or unknown."),
            };
            return new PaymentNotification(PaymentChannelId.WeChatPay, id, kind, outTradeNo, Money.Fen(refund.Value), WeChatPayJson.String(data, "refund_id"), refundNumber);
        }

        throw new WeChatPayNotificationException("event_type '" + eventType + "' is not a payment or refund event.");
    }
}
