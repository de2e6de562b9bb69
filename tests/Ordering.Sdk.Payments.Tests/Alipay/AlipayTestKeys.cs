using System.Security.Cryptography;
using Ordering.Sdk.Payments.Alipay;

namespace Ordering.Sdk.Payments.Tests.Alipay;

// Key generation is slow: one application key pair and one stand-in Alipay key pair per test run.
internal static class AlipayTestKeys
{
    private static readonly Lazy<(string Private, string Public)> App = new(Create);
    private static readonly Lazy<(string Private, string Public)> Platform = new(Create);

    public static string AppPrivatePem => App.Value.Private;

    public static string AppPublicPem => App.Value.Public;

    public static string AlipayPrivatePem => Platform.Value.Private;

    public static string AlipayPublicPem => Platform.Value.Public;

    public static AlipayOptions ValidOptions() => new()
    {
        AppId = "2021000000000001",
        SellerId = "2088000000000001",
        AppPrivateKeyPem = AppPrivatePem,
        AlipayPublicKeyPem = AlipayPublicPem,
        GatewayUrl = new Uri("http://127.0.0.1:1/gateway.do"),
        NotifyUrl = new Uri("https://shop.example.com/alipay/notify"),
    };

    private static (string, string) Create()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }
}
