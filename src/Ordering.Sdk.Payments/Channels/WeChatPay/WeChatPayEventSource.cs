using System.Diagnostics.Tracing;

namespace Ordering.Sdk.Payments;

// Start-up warnings an operator must see before they become failures (a certificate about to expire).
[EventSource(Name = "Ordering-Sdk-Payments-WeChatPay")]
internal sealed class WeChatPayEventSource : EventSource
{
    public const int CertificateExpiresSoonId = 1;

    public static readonly WeChatPayEventSource Log = new();

    [Event(CertificateExpiresSoonId, Level = EventLevel.Warning, Message = "{0}: certificate {1} expires in {2} days")]
    public void CertificateExpiresSoon(string field, string serial, int daysLeft) => WriteEvent(CertificateExpiresSoonId, field, serial, daysLeft);
}
