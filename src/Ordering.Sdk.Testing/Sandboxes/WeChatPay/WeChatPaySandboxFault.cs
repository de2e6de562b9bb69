namespace Ordering.Sdk.Testing;

/// <summary>A fault a <see cref="WeChatPaySandbox"/> injects into the next request or callback.</summary>
public enum WeChatPaySandboxFault
{
    /// <summary>The connection is reset before the request is processed.</summary>
    DropBeforeProcessing = 0,

    /// <summary>The request is processed, then the connection is reset: the reply is lost.</summary>
    DropAfterProcessing = 1,

    /// <summary>HTTP 500 with a non-JSON body, nothing processed.</summary>
    ServerError = 2,

    /// <summary>The request is processed, then answered SYSTEM_ERROR (v3, HTTP 500) or err_code SYSTEMERROR (v2).</summary>
    SystemError = 3,

    /// <summary>The reply carries a wrong signature (WeChat Pay's signature probe, 签名探测).</summary>
    BadResponseSignature = 4,

    /// <summary>The next callback is delivered twice.</summary>
    DuplicateCallback = 5,

    /// <summary>The next callback is first sent with a wrong signature (a probe), then sent genuinely.</summary>
    BadCallbackSignature = 6,

    /// <summary>The next bill file is altered after its hash was computed.</summary>
    CorruptBill = 7,

    /// <summary>The reply is signed under a serial no platform certificate has (a forged or unknown <c>Wechatpay-Serial</c>).</summary>
    ForgedSerial = 8,
}
