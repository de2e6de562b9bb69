namespace Ordering.Sdk.Payments;

/// <summary>Routes a scanned payment code (付款码) to its channel by length and prefix.</summary>
/// <remarks>
/// WeChat Pay: 18 digits starting 10–15. Alipay: 16–24 digits starting 25–30. UnionPay: 19 digits
/// starting 62. WeChat is checked first (most specific). Anything else is rejected before any gateway call.
/// </remarks>
public static class PaymentCodeDetector
{
    /// <summary>Detects the channel of a scanned payment code.</summary>
    /// <param name="code">The scanned code.</param>
    /// <returns>The channel, or <see cref="PaymentChannelId.Unknown"/> when the code belongs to none.</returns>
    public static PaymentChannelId Detect(ReadOnlySpan<char> code)
    {
        if (code.Length < 16 || code.Length > 24)
        {
            return PaymentChannelId.Unknown;
        }

        foreach (var c in code)
        {
            if (!char.IsAsciiDigit(c))
            {
                return PaymentChannelId.Unknown;
            }
        }

        var prefix = ((code[0] - '0') * 10) + (code[1] - '0');
        if (code.Length == 18 && prefix is >= 10 and <= 15)
        {
            return PaymentChannelId.WeChatPay;
        }

        if (prefix is >= 25 and <= 30)
        {
            return PaymentChannelId.Alipay;
        }

        if (code.Length == 19 && prefix == 62)
        {
            return PaymentChannelId.UnionPay;
        }

        return PaymentChannelId.Unknown;
    }
}
