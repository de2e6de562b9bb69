namespace Ordering.Sdk.Payments;

/// <summary>Which WeChat Pay API takes code-pay (付款码) charges.</summary>
public enum WeChatPayCodePayApi
{
    /// <summary>APIv3 code pay (<c>/v3/pay/transactions/codepay</c>), signed with the merchant API key.</summary>
    V3 = 0,

    /// <summary>API v2 micropay (<c>/pay/micropay</c>, XML), for merchants not enabled for v3 code pay; reverse needs the merchant TLS client certificate.</summary>
    V2 = 1,
}
