using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// Configuration mistakes surface at start-up, one message per field, never at the lunch peak.
public sealed class WeChatPayOptionsTests
{
    [Theory]
    [InlineData("MerchantId", "12ab")]
    [InlineData("AppId", "wx123")]
    [InlineData("MerchantCertificateSerial", "not-hex!")]
    [InlineData("MerchantPrivateKeyPem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")]
    [InlineData("ApiV3Key", "only-sixteen-byt")]
    [InlineData("WeChatPayPublicKeyId", "PUB_KEY_ID_")]
    [InlineData("NotifyUrl", "relative/notify")]
    [InlineData("NotifyUrl", "https://merchant.example/notify?x=1")]
    [InlineData("ApiV2Key", "short")]
    [InlineData("TerminalIp", "not an ip")]
    public async Task Load_OneBadField_NamesThatField(string field, string value)
    {
        await using var world = WeChatPayWorld.Create();
        var options = world.Options.WithPublicKeyHeader();
        switch (field)
        {
            case "MerchantId": options.MerchantId = value; break;
            case "AppId": options.AppId = value; break;
            case "MerchantCertificateSerial": options.MerchantCertificateSerial = value; break;
            case "MerchantPrivateKeyPem": options.MerchantPrivateKeyPem = value; break;
            case "ApiV3Key": options.ApiV3Key = value; break;
            case "WeChatPayPublicKeyId": options.WeChatPayPublicKeyId = value; break;
            case "NotifyUrl": options.NotifyUrl = new Uri(value, UriKind.RelativeOrAbsolute); break;
            case "ApiV2Key": options.ApiV2Key = value; break;
            default: options.TerminalIp = value; break;
        }

        var ex = Assert.Throws<OptionsValidationException>(() => WeChatPayCredentials.Load(options, world.Time.GetUtcNow()));
        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith(field, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Sandbox.ApiV3Key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_SandboxConfiguration_IsValidWithoutWarnings()
    {
        await using var world = WeChatPayWorld.Create();
        using var credentials = WeChatPayCredentials.Load(world.Options, world.Time.GetUtcNow());
        Assert.Empty(credentials.Warnings);
        Assert.Equal(2, credentials.Verifier.Count);
        Assert.NotNull(credentials.MerchantCertificate);
        Assert.True(credentials.MerchantCertificate!.HasPrivateKey);
    }

    [Fact]
    public async Task Load_PrivateKeyOfAnotherCertificate_ReportsThePairMismatch()
    {
        await using var world = WeChatPayWorld.Create();
        using var other = RSA.Create(2048);
        var options = world.Options.WithPublicKeyHeader();
        options.MerchantPrivateKeyPem = other.ExportPkcs8PrivateKeyPem();
        var ex = Assert.Throws<OptionsValidationException>(() => WeChatPayCredentials.Load(options, world.Time.GetUtcNow()));
        Assert.Contains(ex.Failures, f => f.StartsWith("MerchantPrivateKeyPem: does not belong to MerchantCertificatePem", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_ExpiredPlatformCertificate_IsRejectedAndExpiringOneWarns()
    {
        await using var world = WeChatPayWorld.Create();
        var now = world.Time.GetUtcNow();
        var options = world.Options.WithPublicKeyHeader();
        options.PlatformCertificatePems.Clear();
        options.PlatformCertificatePems.Add(Certificate(now.AddYears(-5), now.AddDays(-1)));
        var ex = Assert.Throws<OptionsValidationException>(() => WeChatPayCredentials.Load(options, now));
        Assert.Contains(ex.Failures, f => f.StartsWith("PlatformCertificatePems[0]:", StringComparison.Ordinal) && f.Contains("expired", StringComparison.Ordinal));

        options.PlatformCertificatePems[0] = Certificate(now.AddYears(-5), now.AddDays(10));
        using var credentials = WeChatPayCredentials.Load(options, now);
        var warning = Assert.Single(credentials.Warnings);
        Assert.Contains("in 10 days", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_CertificateExpiringIn31Days_DoesNotWarn()
    {
        await using var world = WeChatPayWorld.Create();
        var now = world.Time.GetUtcNow();
        var options = world.Options.WithPublicKeyHeader();
        options.PlatformCertificatePems.Clear();
        options.PlatformCertificatePems.Add(Certificate(now.AddYears(-1), now.AddDays(31)));
        using var credentials = WeChatPayCredentials.Load(options, now);
        Assert.Empty(credentials.Warnings);
    }

    [Fact]
    public async Task Load_NoVerificationKeyAndV2WithoutCertificate_ReportsEveryProblem()
    {
        await using var world = WeChatPayWorld.Create();
        var options = world.Options.WithPublicKeyHeader();
        options.WeChatPayPublicKeyId = null;
        options.WeChatPayPublicKeyPem = null;
        options.PlatformCertificatePems.Clear();
        options.CodePayApi = WeChatPayCodePayApi.V2;
        options.MerchantCertificatePem = null;
        options.ApiV2Key = null;
        options.RequestTimeout = TimeSpan.Zero;
        var ex = Assert.Throws<OptionsValidationException>(() => WeChatPayCredentials.Load(options, world.Time.GetUtcNow()));
        Assert.Contains(ex.Failures, f => f.Contains("at least one source of WeChat Pay verification keys", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("ApiV2Key: is required", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("MerchantCertificatePem: is required", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("RequestTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddWeChatPayChannel_ValidOptions_RegistersOneSingletonForEveryRole()
    {
        await using var world = WeChatPayWorld.Create(TimeProvider.System);
        var services = new ServiceCollection();
        services.AddWeChatPayChannel(o => world.Sandbox.Configure(o));
        using var provider = services.BuildServiceProvider();
        var channel = provider.GetRequiredService<IPaymentChannel>();
        Assert.Equal(PaymentChannelId.WeChatPay, channel.Id);
        Assert.Same(channel, provider.GetRequiredService<IChannelBillSource>());
        Assert.Same(channel, provider.GetRequiredService<IWeChatPayChannel>());
        Assert.Same(channel, provider.GetRequiredService<IPaymentChannel>());
    }

    [Fact]
    public void AddWeChatPayChannel_InvalidOptions_ThrowsAtRegistration()
    {
        var services = new ServiceCollection();
        var ex = Assert.Throws<OptionsValidationException>(() => services.AddWeChatPayChannel(o => o.MerchantId = "x"));
        Assert.Contains(ex.Failures, f => f.StartsWith("MerchantId", StringComparison.Ordinal));
        Assert.Empty(services);
    }

    [Fact]
    public async Task CertificateHandler_ForV2Reverse_CarriesTheMerchantClientCertificate()
    {
        await using var world = WeChatPayWorld.Create(channel: o => o.CodePayApi = WeChatPayCodePayApi.V2);
        using var handler = world.Channel.Http.CreateCertificateHandler();
        var certificate = Assert.Single(handler.SslOptions.ClientCertificates!.Cast<X509Certificate2>());
        Assert.Equal(world.Sandbox.MerchantCertificateSerial, certificate.SerialNumber, ignoreCase: true);
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(world.Options.ConnectTimeout, handler.ConnectTimeout);
    }

    private static string Certificate(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=platform", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return certificate.ExportCertificatePem();
    }
}
