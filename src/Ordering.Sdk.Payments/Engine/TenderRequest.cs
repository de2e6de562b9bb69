namespace Ordering.Sdk.Payments;

/// <summary>One tender towards an order: the whole amount due (single tender) or part of it (split tender, 混合支付).</summary>
/// <param name="OrderId">The order being paid.</param>
/// <param name="AmountDue">The order's amount due, from its price snapshot.</param>
/// <param name="Amount">The amount this tender applies to the order.</param>
/// <param name="Kind">How the charge is taken.</param>
/// <param name="IdempotencyKey">The caller's key for this tender; a repeated call with the same key (a double tap) returns the same attempt.</param>
public sealed record TenderRequest(string OrderId, Money AmountDue, Money Amount, ChargeKind Kind, string IdempotencyKey)
{
    /// <summary>Gets the channel; <see cref="PaymentChannelId.Unknown"/> detects it from <see cref="PaymentCode"/> (code pay) or <see cref="Kind"/>.</summary>
    public PaymentChannelId Channel { get; init; }

    /// <summary>Gets the scanned payment code for <see cref="ChargeKind.CodePay"/>; a credential, never logged or journaled.</summary>
    public string? PaymentCode { get; init; }

    /// <summary>Gets the payer: the member id for stored value, the openid for JSAPI.</summary>
    public string? PayerId { get; init; }

    /// <summary>Gets the cash handed over for <see cref="ChargeKind.Cash"/>; at least <see cref="Amount"/>, the rest is change.</summary>
    public Money? CashReceived { get; init; }

    /// <summary>Describes the request with the payment code masked.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Tender {{ order {OrderId}, {Amount} of {AmountDue}, {Kind}/{Channel}, key {IdempotencyKey}, code {SensitiveData.Mask(PaymentCode)} }}");
}
