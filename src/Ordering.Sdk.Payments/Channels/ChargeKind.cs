namespace Ordering.Sdk.Payments;

/// <summary>How a charge is taken.</summary>
public enum ChargeKind
{
    /// <summary>The cashier scans the customer's payment code (付款码, micropay / barcode).</summary>
    CodePay = 0,

    /// <summary>The customer scans a QR code the merchant shows (Native).</summary>
    QrCode = 1,

    /// <summary>The customer pays inside a mini-program or official account page (JSAPI).</summary>
    Jsapi = 2,

    /// <summary>Cash handed to the cashier.</summary>
    Cash = 3,

    /// <summary>A debit of the member's stored value balance.</summary>
    StoredValue = 4,
}
