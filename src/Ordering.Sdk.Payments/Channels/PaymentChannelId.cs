namespace Ordering.Sdk.Payments;

/// <summary>A payment channel (the method the customer pays with).</summary>
public enum PaymentChannelId
{
    /// <summary>No channel could be determined (for example an unrecognised payment code).</summary>
    Unknown = 0,

    /// <summary>Cash in the drawer; the cashier gives change.</summary>
    Cash = 1,

    /// <summary>The member's stored value balance (会员储值).</summary>
    StoredValue = 2,

    /// <summary>WeChat Pay.</summary>
    WeChatPay = 3,

    /// <summary>Alipay.</summary>
    Alipay = 4,

    /// <summary>UnionPay QuickPass (云闪付).</summary>
    UnionPay = 5,
}
