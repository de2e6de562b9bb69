namespace Ordering.Sdk.Payments;

/// <summary>
/// The WeChat Pay channel: charges (code pay, Native QR, JSAPI / mini-program), queries, close and
/// reverse, refunds, callbacks and the daily trade bill.
/// </summary>
/// <remarks>
/// A JSAPI charge answers <see cref="ChannelOutcome.CustomerPaying"/> with
/// <see cref="ChannelResult.CustomerPrompt"/> holding the JSON object a mini-program passes to
/// <c>wx.requestPayment</c> (<c>appId</c>, <c>timeStamp</c>, <c>nonceStr</c>, <c>package</c>,
/// <c>signType</c>, <c>paySign</c>); a Native charge answers with the <c>code_url</c> to render as a QR code.
/// </remarks>
public interface IWeChatPayChannel : IPaymentChannel, IChannelBillSource
{
    /// <summary>Gets the warnings found when the options were validated (for example a certificate expiring within 30 days).</summary>
    IReadOnlyList<string> ConfigurationWarnings { get; }

    /// <summary>
    /// Verifies a payment or refund callback (signature chosen by <c>Wechatpay-Serial</c>, timestamp
    /// window), decrypts its resource and checks the merchant id, app id and amount.
    /// </summary>
    /// <param name="headers">The callback's HTTP headers (names compared case-insensitively).</param>
    /// <param name="body">The raw body bytes exactly as received.</param>
    /// <returns>The notification to hand to <see cref="IPaymentEngine.ApplyNotificationAsync"/>; then answer WeChat Pay with HTTP 200 or 204.</returns>
    /// <exception cref="WeChatPayNotificationException">The callback is not authentic or not for this merchant: answer with HTTP 4xx/5xx so WeChat Pay re-sends a genuine one.</exception>
    PaymentNotification ParseNotification(IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body);

    /// <summary>
    /// Like <see cref="ParseNotification"/>, but when the callback is signed with a platform certificate the
    /// channel has not downloaded yet (WeChat Pay rotated it) and <see cref="WeChatPayOptions.DownloadPlatformCertificates"/>
    /// is on, the certificates are downloaded once (rate-limited) before the callback is verified.
    /// </summary>
    /// <param name="headers">The callback's HTTP headers (names compared case-insensitively).</param>
    /// <param name="body">The raw body bytes exactly as received.</param>
    /// <param name="cancellationToken">Cancels the certificate download.</param>
    /// <returns>The notification to hand to <see cref="IPaymentEngine.ApplyNotificationAsync"/>.</returns>
    /// <exception cref="WeChatPayNotificationException">The callback is not authentic or not for this merchant.</exception>
    ValueTask<PaymentNotification> ParseNotificationAsync(IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default);
}
