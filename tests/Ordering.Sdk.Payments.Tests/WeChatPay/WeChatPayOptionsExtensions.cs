namespace Ordering.Sdk.Payments.Tests.WeChatPay;

internal static class WeChatPayOptionsExtensions
{
    public static WeChatPayOptions WithPublicKeyHeader(this WeChatPayOptions source)
    {
        var copy = new WeChatPayOptions
        {
            MerchantId = source.MerchantId,
            AppId = source.AppId,
            MerchantCertificateSerial = source.MerchantCertificateSerial,
            MerchantPrivateKeyPem = source.MerchantPrivateKeyPem,
            MerchantCertificatePem = source.MerchantCertificatePem,
            ApiV3Key = source.ApiV3Key,
            ApiV2Key = source.ApiV2Key,
            WeChatPayPublicKeyId = source.WeChatPayPublicKeyId,
            WeChatPayPublicKeyPem = source.WeChatPayPublicKeyPem,
            NotifyUrl = source.NotifyUrl,
            BaseAddress = source.BaseAddress,
            RequestTimeout = source.RequestTimeout,
            CodePayApi = source.CodePayApi,
            SendPublicKeyIdHeader = true,
        };
        foreach (var pem in source.PlatformCertificatePems)
        {
            copy.PlatformCertificatePems.Add(pem);
        }

        return copy;
    }
}
