using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ordering.Sdk.Testing;

// Callbacks: AEAD_AES_256_GCM-encrypted resource, signed envelope, POSTed to notify_url; a reply other
// than 2xx is retried on WeChat Pay's schedule (15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m, 30m, 60m, 3h, 3h, 3h, 6h, 6h).
public sealed partial class WeChatPaySandbox
{
    private static readonly TimeSpan[] RetrySchedule =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60),
        TimeSpan.FromHours(3), TimeSpan.FromHours(3), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(6),
    ];

    /// <summary>Gets WeChat Pay's callback retry intervals after a failed delivery.</summary>
    public static IReadOnlyList<TimeSpan> CallbackRetrySchedule => RetrySchedule;

    /// <summary>
    /// Delivers every callback that is due on the sandbox clock, once each, retrying failed ones later. With
    /// <see cref="WeChatPaySandboxOptions.DeliverCallbacksAutomatically"/> the sandbox's timer does this too; a
    /// call waits for a delivery the timer has in flight, so a callback is never sent twice.
    /// </summary>
    /// <param name="cancellationToken">Cancels the deliveries.</param>
    /// <returns>How many deliveries were attempted.</returns>
    public async Task<int> DeliverDueCallbacksAsync(CancellationToken cancellationToken = default)
    {
        await _delivering.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DeliverDueCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _delivering.Release();
            ScheduleDelivery();
        }
    }

    private async Task<int> DeliverDueCoreAsync(CancellationToken cancellationToken)
    {
        List<SandboxCallback> due;
        lock (_gate)
        {
            AdvanceAll();
            var now = _time.GetUtcNow();
            due = [.. _callbacks.Where(c => !c.Done && c.NextAt <= now)];
        }

        var attempts = 0;
        foreach (var callback in due)
        {
            if (callback.Probe)
            {
                callback.Probe = false;
                await SendAsync(callback, probe: true, cancellationToken).ConfigureAwait(false);
                attempts++;
            }

            var status = await SendAsync(callback, probe: false, cancellationToken).ConfigureAwait(false);
            attempts++;
            if (callback.Duplicate)
            {
                callback.Duplicate = false;
                await SendAsync(callback, probe: false, cancellationToken).ConfigureAwait(false);
                attempts++;
            }

            lock (_gate)
            {
                callback.Attempts++;
                if (status is >= 200 and < 300)
                {
                    callback.Done = true;
                }
                else if (callback.Attempts > RetrySchedule.Length)
                {
                    callback.Done = true;
                }
                else
                {
                    callback.NextAt = _time.GetUtcNow() + RetrySchedule[callback.Attempts - 1];
                }
            }
        }

        return attempts;
    }

    private void EnqueueCallback(string eventType, string resourceType, string outTradeNo, string url, byte[] resource, string summary, DateTimeOffset at)
    {
        var callback = new SandboxCallback
        {
            Id = Guid.CreateVersion7(at).ToString(),
            EventType = eventType,
            OutTradeNo = outTradeNo,
            Url = url,
            ResourceType = resourceType,
            Resource = resource,
            Summary = summary,
            CreatedAt = at,
            NextAt = at,
        };
        while (_faults.Count > 0 && _faults.Peek() is WeChatPaySandboxFault.DuplicateCallback or WeChatPaySandboxFault.BadCallbackSignature)
        {
            if (_faults.Dequeue() == WeChatPaySandboxFault.DuplicateCallback)
            {
                callback.Duplicate = true;
            }
            else
            {
                callback.Probe = true;
            }
        }

        _callbacks.Add(callback);
    }

    private async Task<int> SendAsync(SandboxCallback callback, bool probe, CancellationToken cancellationToken)
    {
        byte[] body;
        Dictionary<string, string> headers;
        lock (_gate)
        {
            body = Envelope(callback);
            headers = CallbackHeaders(body, probe);
        }

        var status = 0;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, callback.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await _callbackClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The merchant did not answer: retried on the schedule.
        }

        lock (_gate)
        {
            _deliveries.Add(new WeChatPaySandboxDelivery(callback.Id, callback.EventType, callback.OutTradeNo, _time.GetUtcNow(), status, probe));
        }

        return status;
    }

    private byte[] Envelope(SandboxCallback callback)
    {
        var nonce = Nonce()[..12];
        var key = Encoding.UTF8.GetBytes(_keys.ApiV3Key);
        var associated = callback.ResourceType;
        var sealedBytes = new byte[callback.Resource.Length + 16];
        using (var gcm = new AesGcm(key, 16))
        {
            gcm.Encrypt(Encoding.UTF8.GetBytes(nonce), callback.Resource, sealedBytes.AsSpan(0, callback.Resource.Length), sealedBytes.AsSpan(callback.Resource.Length), Encoding.UTF8.GetBytes(associated));
        }

        return Json(w =>
        {
            w.WriteString("id", callback.Id);
            w.WriteString("create_time", Rfc3339(callback.CreatedAt));
            w.WriteString("resource_type", "encrypt-resource");
            w.WriteString("event_type", callback.EventType);
            w.WriteString("summary", callback.Summary);
            w.WriteStartObject("resource");
            w.WriteString("original_type", callback.ResourceType);
            w.WriteString("algorithm", "AEAD_AES_256_GCM");
            w.WriteString("ciphertext", Convert.ToBase64String(sealedBytes));
            w.WriteString("associated_data", associated);
            w.WriteString("nonce", nonce);
            w.WriteEndObject();
        });
    }

    private Dictionary<string, string> CallbackHeaders(byte[] body, bool probe)
    {
        var platform = _options.SignCallbacksWithPlatformCertificate ? ActivePlatform : null;
        var key = platform?.Key ?? _keys.PublicKey;
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Nonce();
        var signed = Concat(timestamp + "\n" + nonce + "\n", probe ? Encoding.UTF8.GetBytes("WECHATPAY/SIGNTEST/") : body);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Wechatpay-Timestamp"] = timestamp,
            ["Wechatpay-Nonce"] = nonce,
            ["Wechatpay-Serial"] = platform?.Serial ?? _keys.PublicKeyId,
            ["Wechatpay-Signature"] = SignBase64(key, signed),
            ["Wechatpay-Signature-Type"] = "WECHATPAY2-SHA256-RSA2048",
        };
    }
}
