using System.Diagnostics.Tracing;

namespace Ordering.Sdk.Payments;

// Warnings an operator must see before they become failures (a certificate about to expire, a failover to
// the backup address, a platform certificate download that failed).
[EventSource(Name = "Ordering-Sdk-Payments-WeChatPay")]
internal sealed class WeChatPayEventSource : EventSource
{
    public const int CertificateExpiresSoonId = 1;
    public const int FailedOverId = 2;
    public const int PlatformCertificatesDownloadedId = 3;
    public const int PlatformCertificatesDownloadFailedId = 4;

    public static readonly WeChatPayEventSource Log = new();

    [Event(CertificateExpiresSoonId, Level = EventLevel.Warning, Message = "{0}: certificate {1} expires in {2} days")]
    public void CertificateExpiresSoon(string field, string serial, int daysLeft) => WriteEvent(CertificateExpiresSoonId, field, serial, daysLeft);

    [Event(FailedOverId, Level = EventLevel.Warning, Message = "Could not connect to {0}; the request was sent to the backup address {1}")]
    public void FailedOver(string primaryHost, string backupHost) => WriteEvent(FailedOverId, primaryHost, backupHost);

    [Event(PlatformCertificatesDownloadedId, Level = EventLevel.Informational, Message = "Downloaded {0} platform certificates ({1} new)")]
    public void PlatformCertificatesDownloaded(int count, int added) => WriteEvent(PlatformCertificatesDownloadedId, count, added);

    [Event(PlatformCertificatesDownloadFailedId, Level = EventLevel.Warning, Message = "The platform certificate download failed: {0}")]
    public void PlatformCertificatesDownloadFailed(string reason) => WriteEvent(PlatformCertificatesDownloadFailedId, reason);
}
