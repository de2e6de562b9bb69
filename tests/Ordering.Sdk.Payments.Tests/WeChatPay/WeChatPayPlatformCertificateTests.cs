using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// Platform certificates downloaded from the sandbox's /v3/certificates: decrypted with the APIv3 key,
// kept by serial, refreshed on age and once per unknown serial (rate-limited), rotation survived.
public sealed class WeChatPayPlatformCertificateTests
{
    [Fact]
    public async Task ChargeAsync_DownloadEnabled_DownloadsOnceAndVerifiesWithTheCertificate()
    {
        await using var world = CertificateWorld();
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("C0000000001", 100), default);
        Assert.Equal(ChannelOutcome.Succeeded, result.Outcome);
        Assert.Equal(1, world.Sandbox.CertificateDownloads);
        Assert.Equal(1, world.Channel.PlatformCertificates!.Downloads);
        Assert.Contains(world.Sandbox.PlatformCertificateSerial!, Serials(world));
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.QueryAsync("C0000000001", default)).Outcome);
        Assert.Equal(1, world.Sandbox.CertificateDownloads);
    }

    [Fact]
    public async Task ChargeAsync_SandboxRotatesMidRun_UnknownSerialDownloadsOnceAndVerifies()
    {
        await using var world = CertificateWorld();
        var before = world.Sandbox.PlatformCertificateSerial!;
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.ChargeAsync(WeChatPayWorld.Charge("C0000000002", 100), default)).Outcome);
        var rotated = world.Sandbox.RotatePlatformCertificate();
        Assert.NotEqual(before, rotated);
        Assert.Equal([before, rotated], world.Sandbox.PlatformCertificateSerials);

        var after = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("C0000000003", 100), default);
        Assert.Equal(ChannelOutcome.Succeeded, after.Outcome);
        Assert.Equal(2, world.Sandbox.CertificateDownloads);
        Assert.Contains(rotated, Serials(world));
        Assert.Contains(before, Serials(world)); // the overlap: the old one is kept

        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.QueryAsync("C0000000003", default)).Outcome);
        Assert.Equal(2, world.Sandbox.CertificateDownloads);
    }

    [Fact]
    public async Task QueryAsync_ForgedSerial_DownloadsAtMostOncePerCooldownAndIsRejected()
    {
        await using var world = CertificateWorld();
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.ChargeAsync(WeChatPayWorld.Charge("C0000000004", 100), default)).Outcome);
        Assert.Equal(1, world.Sandbox.CertificateDownloads);

        for (var i = 0; i < 3; i++)
        {
            world.Sandbox.EnqueueFault(WeChatPaySandboxFault.ForgedSerial);
            var forged = await world.Channel.QueryAsync("C0000000004", default);
            Assert.Equal(ChannelOutcome.Unknown, forged.Outcome);
            Assert.Equal(WeChatPayErrors.BadResponseSignature, forged.Error!.RawCode);
        }

        Assert.Equal(2, world.Sandbox.CertificateDownloads);
        world.Fake.Advance(world.Options.UnknownSerialRefreshCooldown);
        world.Sandbox.EnqueueFault(WeChatPaySandboxFault.ForgedSerial);
        Assert.Equal(ChannelOutcome.Unknown, (await world.Channel.QueryAsync("C0000000004", default)).Outcome);
        Assert.Equal(3, world.Sandbox.CertificateDownloads);
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.QueryAsync("C0000000004", default)).Outcome);
    }

    [Fact]
    public async Task QueryAsync_OlderThanRefreshInterval_DownloadsAgain()
    {
        await using var world = CertificateWorld();
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.ChargeAsync(WeChatPayWorld.Charge("C0000000005", 100), default)).Outcome);
        world.Fake.Advance(TimeSpan.FromHours(11));
        await world.Channel.QueryAsync("C0000000005", default);
        Assert.Equal(1, world.Sandbox.CertificateDownloads);
        world.Fake.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.QueryAsync("C0000000005", default)).Outcome);
        Assert.Equal(2, world.Sandbox.CertificateDownloads);
    }

    [Fact]
    public async Task ChargeAsync_PublicKeyOnlyMerchantWithDownloadOn_StillVerifiesWithThePublicKey()
    {
        await using var world = WeChatPayWorld.Create(
            sandbox: s => s.IssuePlatformCertificate = false,
            channel: o => o.DownloadPlatformCertificates = true);
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.ChargeAsync(WeChatPayWorld.Charge("C0000000006", 100), default)).Outcome);
        Assert.Equal(1, world.Sandbox.CertificateDownloads);
        Assert.Contains("RESOURCE_NOT_EXISTS", world.Channel.PlatformCertificates!.LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChargeAsync_MigrationPublicKeyAndDownloadedCertificates_BothVerify()
    {
        // Public key configured and sent, certificates downloaded too: responses use the key, callbacks may use either.
        await using var world = WeChatPayWorld.Create(channel: o =>
        {
            o.PlatformCertificatePems.Clear();
            o.DownloadPlatformCertificates = true;
        });
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.ChargeAsync(WeChatPayWorld.Charge("C0000000007", 100), default)).Outcome);
        Assert.Contains(world.Sandbox.PublicKeyId, Serials(world));
        Assert.Contains(world.Sandbox.PlatformCertificateSerial!, Serials(world));
    }

    [Fact]
    public async Task ParseNotificationAsync_CallbackSignedWithRotatedCertificate_DownloadsAndAccepts()
    {
        var received = new List<(IReadOnlyDictionary<string, string> Headers, byte[] Body)>();
        await using var world = CertificateWorld(s => s.SignCallbacksWithPlatformCertificate = true);
        using var receiver = new NotifyReceiver((headers, body) =>
        {
            lock (received)
            {
                received.Add((headers, body));
            }

            return Task.FromResult(204);
        });
        world.Options.NotifyUrl = receiver.Url;
        using var channel = new WeChatPayChannel(world.Options, world.Time, new Random(5));
        await channel.ChargeAsync(WeChatPayWorld.Charge("C0000000008", 300, ChargeKind.QrCode), default);
        Assert.Equal(1, world.Sandbox.CertificateDownloads);
        var rotated = world.Sandbox.RotatePlatformCertificate();
        world.Sandbox.CompletePayment("C0000000008");
        await world.Sandbox.DeliverDueCallbacksAsync();
        var (headers, body) = Assert.Single(received);
        Assert.Equal(rotated, headers["Wechatpay-Serial"]);
        var notification = await channel.ParseNotificationAsync(headers, body);
        Assert.Equal(PaymentNotificationKind.PaymentSucceeded, notification.Kind);
        Assert.Equal(2, world.Sandbox.CertificateDownloads);
    }

    [Fact]
    public async Task RefreshAsync_SignedByACarriedCertificate_IsTrustedAfterDecryption()
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var (body, serial) = fixture.Body("certificate", tamper: false);
        using var store = fixture.Store(fixture.Response(body, serial, fixture.CarriedKey));
        var added = await store.RefreshAsync(default);
        Assert.Equal(1, added);
        Assert.True(fixture.Credentials.Verifier.Knows(serial));
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("associated_data")]
    [InlineData("untrusted signer")]
    [InlineData("bad signature")]
    public async Task RefreshAsync_NotAuthentic_IsRejectedAndNothingTrusted(string defect)
    {
        await using var fixture = await StoreFixture.CreateAsync();
        var (body, serial) = fixture.Body(defect == "associated_data" ? "transaction" : "certificate", tamper: defect == "tampered");
        using var stranger = RSA.Create(2048);
        var response = defect switch
        {
            "untrusted signer" => fixture.Response(body, "0123456789ABCDEF", stranger),
            "bad signature" => fixture.Response(body, serial, stranger),
            _ => fixture.Response(body, serial, fixture.CarriedKey),
        };
        using var store = fixture.Store(response);
        await Assert.ThrowsAsync<WeChatPayTransportException>(() => store.RefreshAsync(default));
        Assert.False(fixture.Credentials.Verifier.Knows(serial));
    }

    private static IReadOnlyList<string> Serials(WeChatPayWorld world) => [.. world.Channel.Verifier.Serials];

    private static WeChatPayWorld CertificateWorld(Action<WeChatPaySandboxOptions>? sandbox = null) =>
        WeChatPayWorld.Create(sandbox: sandbox, channel: o =>
        {
            // A merchant on platform certificates only, downloading them.
            o.WeChatPayPublicKeyId = null;
            o.WeChatPayPublicKeyPem = null;
            o.PlatformCertificatePems.Clear();
            o.DownloadPlatformCertificates = true;
        });

    // A store driven by a hand-made /v3/certificates answer.
    private sealed class StoreFixture : IAsyncDisposable
    {
        private readonly WeChatPaySandbox _sandbox;
        private readonly WeChatPayOptions _options;
        private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = WeChatPayWorld.NewClock();

        private StoreFixture(WeChatPaySandbox sandbox, WeChatPayOptions options)
        {
            _sandbox = sandbox;
            _options = options;
            Credentials = WeChatPayCredentials.Load(options, _time.GetUtcNow());
        }

        public WeChatPayCredentials Credentials { get; }

        public RSA CarriedKey { get; } = RSA.Create(2048);

        public static Task<StoreFixture> CreateAsync()
        {
            var sandbox = WeChatPaySandbox.Start(new WeChatPaySandboxOptions { Seed = 42, ShareKeysInProcess = true, TimeProvider = WeChatPayWorld.NewClock() });
            var options = new WeChatPayOptions();
            sandbox.Configure(options);
            options.WeChatPayPublicKeyId = null;
            options.WeChatPayPublicKeyPem = null;
            options.PlatformCertificatePems.Clear();
            options.DownloadPlatformCertificates = true;
            return Task.FromResult(new StoreFixture(sandbox, options));
        }

        public (byte[] Body, string Serial) Body(string associatedData, bool tamper)
        {
            var now = _time.GetUtcNow();
            var request = new CertificateRequest("CN=carried", CarriedKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
            var pem = Encoding.UTF8.GetBytes(certificate.ExportCertificatePem());
            const string Nonce = "0123456789ab";
            var sealedBytes = new byte[pem.Length + 16];
            using (var gcm = new AesGcm(Encoding.UTF8.GetBytes(_options.ApiV3Key), 16))
            {
                gcm.Encrypt(Encoding.UTF8.GetBytes(Nonce), pem, sealedBytes.AsSpan(0, pem.Length), sealedBytes.AsSpan(pem.Length), Encoding.UTF8.GetBytes(associatedData));
            }

            if (tamper)
            {
                sealedBytes[10] ^= 0x01;
            }

            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                data = new[]
                {
                    new
                    {
                        serial_no = certificate.SerialNumber,
                        effective_time = now.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                        expire_time = now.AddYears(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                        encrypt_certificate = new { algorithm = "AEAD_AES_256_GCM", nonce = Nonce, associated_data = "certificate", ciphertext = Convert.ToBase64String(sealedBytes) },
                    },
                },
            });
            return (body, certificate.SerialNumber);
        }

        public WeChatPayResponse Response(byte[] body, string serial, RSA signer)
        {
            var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            const string Nonce = "NONCE0123456789";
            var signature = Convert.ToBase64String(signer.SignData(WeChatPayV3Signature.ResponseMessage(timestamp, Nonce, body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Wechatpay-Serial"] = serial,
                ["Wechatpay-Timestamp"] = timestamp,
                ["Wechatpay-Nonce"] = Nonce,
                ["Wechatpay-Signature"] = signature,
            };
            return new WeChatPayResponse(200, body, "REQ", headers);
        }

        public WeChatPayPlatformCertificates Store(WeChatPayResponse response) =>
            new(_options, Credentials, _time, _ => Task.FromResult(response));

        public async ValueTask DisposeAsync()
        {
            Credentials.Dispose();
            CarriedKey.Dispose();
            await _sandbox.DisposeAsync();
        }
    }
}
