namespace Ordering.Sdk.Payments;

/// <summary>How API v2 requests are signed with the API v2 key.</summary>
public enum WeChatPaySignType
{
    /// <summary>HMAC-SHA256 over the sorted parameters (recommended).</summary>
    HmacSha256 = 0,

    /// <summary>MD5 over the sorted parameters (legacy).</summary>
    Md5 = 1,
}
