namespace Ordering.Sdk.Payments;

/// <summary>A request to a channel to take a charge.</summary>
/// <param name="MerchantOrderNumber">The merchant's number for this attempt (out_trade_no); the same on every re-send.</param>
/// <param name="OrderId">The restaurant order the charge pays for.</param>
/// <param name="Amount">The amount to charge.</param>
/// <param name="Kind">How the charge is taken.</param>
/// <param name="PaymentCode">The customer's payment code for <see cref="ChargeKind.CodePay"/>; a credential, never logged.</param>
/// <param name="PayerId">The payer (openid for JSAPI, member id for stored value), if any.</param>
public sealed record ChargeRequest(string MerchantOrderNumber, string OrderId, Money Amount, ChargeKind Kind, string? PaymentCode, string? PayerId)
{
    /// <summary>Describes the request with the payment code masked.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ChargeRequest {{ {MerchantOrderNumber}, order {OrderId}, {Amount}, {Kind}, code {SensitiveData.Mask(PaymentCode)} }}");
}
