using System.Globalization;
using System.Text;

namespace Ordering.Sdk.Testing.Alipay;

// Asynchronous notifications: signed form POSTs to the trade's notify_url, retried on Alipay's schedule
// (on the sandbox clock) until the receiver answers exactly "success". They go out at once in the background,
// or, with DeliverNotificationsOnDemand, only when DeliverDueNotificationsAsync runs (deterministic tests).
public sealed partial class AlipaySandbox
{
    private readonly List<AlipaySandboxDelivery> _deliveries = [];
    private readonly List<QueuedNotification> _queued = [];
    private int _notificationsInFlight;
    private long _notifySequence;

    /// <summary>Gets every delivery attempt so far, in order.</summary>
    public IReadOnlyList<AlipaySandboxDelivery> Deliveries
    {
        get
        {
            lock (_lock)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Waits (in real time) until at least <paramref name="count"/> deliveries were attempted and none is in flight.</summary>
    /// <param name="count">The number of delivery attempts to wait for.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <returns>Whether the count was reached in time.</returns>
    public async Task<bool> WaitForDeliveriesAsync(int count, TimeSpan timeout)
    {
        var until = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (Environment.TickCount64 < until)
        {
            lock (_lock)
            {
                if (_deliveries.Count >= count && Volatile.Read(ref _notificationsInFlight) == 0)
                {
                    return true;
                }
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        return false;
    }

    // Called under _lock when a trade is paid, closed or refunded.
    private void Notify(SandboxTrade trade, string? refundNumber, long refundFen)
    {
        if (trade.NotifyUrl is null || !Uri.TryCreate(trade.NotifyUrl, UriKind.Absolute, out var url))
        {
            return;
        }

        var now = _time.GetUtcNow();
        var notifyId = now.ToOffset(ChinaOffset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + (++_notifySequence).ToString("D8", CultureInfo.InvariantCulture);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("notify_time", ChinaTime(now)),
            new("notify_type", "trade_status_sync"),
            new("notify_id", notifyId),
            new("app_id", _options.AppId),
            new("auth_app_id", _options.AppId),
            new("charset", "utf-8"),
            new("version", "1.0"),
            new("sign_type", "RSA2"),
            new("trade_no", trade.TradeNo),
            new("out_trade_no", trade.OutTradeNo),
            new("seller_id", _options.SellerId),
            new("trade_status", StatusName(trade.Status)),
            new("total_amount", SandboxCrypto.Yuan(trade.TotalFen)),
            new("subject", trade.Subject),
            new("gmt_create", ChinaTime(trade.CreatedAt)),
        };
        if (trade.PaidAt is { } paidAt)
        {
            fields.Add(new("receipt_amount", SandboxCrypto.Yuan(trade.PaidFen)));
            fields.Add(new("buyer_pay_amount", SandboxCrypto.Yuan(trade.PaidFen)));
            fields.Add(new("gmt_payment", ChinaTime(paidAt)));
        }

        if (refundNumber is not null)
        {
            fields.Add(new("out_biz_no", refundNumber));
            fields.Add(new("refund_fee", SandboxCrypto.Yuan(refundFen)));
            fields.Add(new("gmt_refund", ChinaTime(now)));
        }

        var probe = TakeFault(string.Empty, f => f.Kind == AlipaySandboxFaultKind.BadSignatureNotification) is not null;
        var duplicate = TakeFault(string.Empty, f => f.Kind == AlipaySandboxFaultKind.DuplicateNotification) is not null;
        var signed = Encode(fields, SandboxCrypto.Sign(SandboxCrypto.Content(fields, includeSignType: false), _sandboxKey));
        if (probe)
        {
            // Alipay's probe: a wrongly signed copy first; only a verifying receiver refuses it.
            Deliver(new Notification(url, trade.OutTradeNo, notifyId, Encode(fields, SandboxCrypto.Sign("probe", _sandboxKey)), SignatureValid: false, Retry: false), attempt: 1);
        }

        var notification = new Notification(url, trade.OutTradeNo, notifyId, signed, SignatureValid: true, Retry: true);
        Deliver(notification, attempt: 1);
        if (duplicate)
        {
            Deliver(notification with { Retry = false }, attempt: 1);
        }
    }

    /// <summary>
    /// With <see cref="AlipaySandboxOptions.DeliverNotificationsOnDemand"/>: lets customers whose time has come act,
    /// then delivers every notification due on the sandbox clock, one after another, scheduling retries of the
    /// unacknowledged ones.
    /// </summary>
    /// <param name="cancellationToken">Cancels the deliveries.</param>
    /// <returns>How many deliveries were attempted.</returns>
    public async Task<int> DeliverDueNotificationsAsync(CancellationToken cancellationToken = default)
    {
        List<QueuedNotification> due;
        lock (_lock)
        {
            foreach (var trade in _trades.Values)
            {
                Advance(trade);
            }

            var now = _time.GetUtcNow();
            due = [.. _queued.Where(q => q.DueAt <= now)];
            _queued.RemoveAll(q => q.DueAt <= now);
        }

        foreach (var (notification, attempt, _) in due)
        {
            var acknowledged = await PostAsync(notification, cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                _deliveries.Add(new AlipaySandboxDelivery(notification.NotifyId, notification.OutTradeNo, attempt, now, acknowledged, notification.SignatureValid));
                if (!acknowledged && notification.Retry && attempt <= NotificationRetrySchedule.Count)
                {
                    _queued.Add(new QueuedNotification(notification, attempt + 1, now + NotificationRetrySchedule[attempt - 1]));
                }
            }
        }

        return due.Count;
    }

    private void Deliver(Notification notification, int attempt)
    {
        if (_options.DeliverNotificationsOnDemand)
        {
            lock (_lock)
            {
                _queued.Add(new QueuedNotification(notification, attempt, _time.GetUtcNow()));
            }

            return;
        }

        Interlocked.Increment(ref _notificationsInFlight);
        _ = Task.Run(() => DeliverAsync(notification, attempt));
    }

    private async Task DeliverAsync(Notification notification, int attempt)
    {
        var acknowledged = await PostAsync(notification, CancellationToken.None).ConfigureAwait(false);
        lock (_lock)
        {
            _deliveries.Add(new AlipaySandboxDelivery(notification.NotifyId, notification.OutTradeNo, attempt, _time.GetUtcNow(), acknowledged, notification.SignatureValid));
            if (!acknowledged && notification.Retry && attempt <= NotificationRetrySchedule.Count)
            {
                _timers.Add(_time.CreateTimer(_ => Deliver(notification, attempt + 1), null, NotificationRetrySchedule[attempt - 1], Timeout.InfiniteTimeSpan));
            }
        }

        Interlocked.Decrement(ref _notificationsInFlight);
    }

    private async Task<bool> PostAsync(Notification notification, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(notification.Body, Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await _notifyClient.PostAsync(notification.Url, content, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode && text == "success";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ObjectDisposedException)
        {
            // The receiver is down: retried on schedule like any other failure.
            return false;
        }
    }

    private static string Encode(List<KeyValuePair<string, string>> fields, string sign)
    {
        var body = new StringBuilder();
        foreach (var (key, value) in fields.Append(new("sign", sign)))
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }

            body.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return body.ToString();
    }

    private sealed record QueuedNotification(Notification Notification, int Attempt, DateTimeOffset DueAt);

    private sealed record Notification(Uri Url, string OutTradeNo, string NotifyId, string Body, bool SignatureValid, bool Retry);
}
