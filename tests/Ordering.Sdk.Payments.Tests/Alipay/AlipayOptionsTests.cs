using Microsoft.Extensions.DependencyInjection;
using Ordering.Sdk.Payments.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

public sealed class AlipayOptionsTests
{
    [Fact]
    public void Validate_ValidOptions_DoesNotThrow() => AlipayTestKeys.ValidOptions().Validate();

    [Theory]
    [InlineData(nameof(AlipayOptions.AppId), "12345")]
    [InlineData(nameof(AlipayOptions.AppId), "20210000000000ab")]
    [InlineData(nameof(AlipayOptions.SellerId), "1088000000000001")]
    [InlineData(nameof(AlipayOptions.SellerId), "2088")]
    [InlineData(nameof(AlipayOptions.AppPrivateKeyPem), "")]
    [InlineData(nameof(AlipayOptions.AppPrivateKeyPem), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")]
    [InlineData(nameof(AlipayOptions.AlipayPublicKeyPem), "garbage")]
    public void Validate_MalformedField_NamesTheField(string field, string value)
    {
        var options = AlipayTestKeys.ValidOptions();
        typeof(AlipayOptions).GetProperty(field)!.SetValue(options, value);

        var error = Assert.Throws<OptionsValidationException>(options.Validate);

        Assert.Contains(error.Failures, f => f.StartsWith(field + ":", StringComparison.Ordinal));
        Assert.Single(error.Failures);
    }

    [Fact]
    public void Validate_AppPublicKeyGivenAsAlipayKey_ExplainsTheMistake()
    {
        var options = AlipayTestKeys.ValidOptions();
        options.AlipayPublicKeyPem = AlipayTestKeys.AppPublicPem;

        var error = Assert.Throws<OptionsValidationException>(options.Validate);

        Assert.Contains(error.Failures, f => f.StartsWith("AlipayPublicKeyPem:", StringComparison.Ordinal) && f.Contains("支付宝公钥", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PublicKeyAsAppKey_IsRejected()
    {
        var options = AlipayTestKeys.ValidOptions();
        options.AppPrivateKeyPem = AlipayTestKeys.AppPublicPem;

        var error = Assert.Throws<OptionsValidationException>(options.Validate);

        Assert.Contains(error.Failures, f => f.StartsWith("AppPrivateKeyPem:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BareBase64Keys_AreAccepted()
    {
        var options = AlipayTestKeys.ValidOptions();
        options.AlipayPublicKeyPem = string.Concat(AlipayTestKeys.AlipayPublicPem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));

        options.Validate();
    }

    [Fact]
    public void Validate_SmallKey_IsRejected()
    {
        using var small = System.Security.Cryptography.RSA.Create(1024);
        var options = AlipayTestKeys.ValidOptions();
        options.AppPrivateKeyPem = small.ExportPkcs8PrivateKeyPem();

        var error = Assert.Throws<OptionsValidationException>(options.Validate);

        Assert.Contains(error.Failures, f => f.Contains("2048", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UrlsAndTimeouts_EachReported()
    {
        var options = AlipayTestKeys.ValidOptions();
        options.NotifyUrl = new Uri("/notify", UriKind.Relative);
        options.GatewayUrl = new Uri("ftp://example.com/");
        options.ConnectTimeout = TimeSpan.Zero;
        options.RequestTimeout = TimeSpan.FromSeconds(-1);
        options.TradeTimeout = TimeSpan.FromSeconds(90);

        var error = Assert.Throws<OptionsValidationException>(options.Validate);

        foreach (var field in new[] { "NotifyUrl:", "GatewayUrl:", "ConnectTimeout:", "RequestTimeout:", "TradeTimeout:" })
        {
            Assert.Contains(error.Failures, f => f.StartsWith(field, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_Failure_NeverEchoesKeyMaterial()
    {
        var options = AlipayTestKeys.ValidOptions();
        options.AppPrivateKeyPem = "-----BEGIN PRIVATE KEY-----\nSECRETSECRET\n-----END PRIVATE KEY-----";

        var error = Assert.Throws<OptionsValidationException>(options.Validate);

        Assert.DoesNotContain("SECRETSECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAlipayChannel_InvalidOptions_ThrowsAtRegistration()
    {
        var services = new ServiceCollection();

        Assert.Throws<OptionsValidationException>(() => services.AddAlipayChannel(o => o.AppId = "bad"));
    }

    [Fact]
    public void AddAlipayChannel_Valid_RegistersChannelBillSourceAndVerifier()
    {
        var services = new ServiceCollection();
        services.AddAlipayChannel(o =>
        {
            var valid = AlipayTestKeys.ValidOptions();
            o.AppId = valid.AppId;
            o.SellerId = valid.SellerId;
            o.AppPrivateKeyPem = valid.AppPrivateKeyPem;
            o.AlipayPublicKeyPem = valid.AlipayPublicKeyPem;
            o.NotifyUrl = valid.NotifyUrl;
        });
        using var provider = services.BuildServiceProvider();

        Assert.Equal(PaymentChannelId.Alipay, provider.GetRequiredService<IPaymentChannel>().Id);
        Assert.Equal(PaymentChannelId.Alipay, provider.GetRequiredService<IChannelBillSource>().Channel);
        Assert.NotNull(provider.GetRequiredService<IAlipayNotificationVerifier>());
        Assert.Same(provider.GetRequiredService<IPaymentChannel>(), provider.GetServices<IPaymentChannel>().Single());
    }
}
