namespace Ordering.Sdk.Payments.Alipay;

/// <summary>Checks Alipay asynchronous notifications (form POSTs to the notify URL) before anything acts on them.</summary>
public interface IAlipayNotificationVerifier
{
    /// <summary>
    /// Verifies the RSA2 signature with the Alipay public key (with <c>sign_type</c> excluded, then
    /// included, as Alipay signs both ways), checks <c>app_id</c> and <c>seller_id</c> against the options,
    /// parses <c>out_trade_no</c> and the yuan amounts exactly, and optionally compares the amount.
    /// </summary>
    /// <param name="formBody">The raw <c>application/x-www-form-urlencoded</c> request body.</param>
    /// <param name="expectedAmount">The amount of the order this notification is for, when the caller knows it.</param>
    /// <returns>The verdict; answer Alipay with <see cref="AlipayNotificationVerdict.Acknowledgement"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="formBody"/> is <see langword="null"/>.</exception>
    AlipayNotificationVerdict Verify(string formBody, Money? expectedAmount = null);
}
