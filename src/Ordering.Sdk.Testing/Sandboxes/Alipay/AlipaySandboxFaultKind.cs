namespace Ordering.Sdk.Testing.Alipay;

/// <summary>A fault the sandbox injects into one gateway call or notification.</summary>
public enum AlipaySandboxFaultKind
{
    /// <summary>The call is processed, then the answer is held back for the fault's delay.</summary>
    Latency = 0,

    /// <summary>The call is processed, then the connection is reset: the client never learns the result.</summary>
    DropAfterProcessing = 1,

    /// <summary>HTTP 502 without processing.</summary>
    ServerError = 2,

    /// <summary>Code 20000 isp.unknow-error without processing.</summary>
    UnknownError = 3,

    /// <summary>The call is processed and answered with a wrong signature (Alipay's signature probe).</summary>
    BadSignature = 4,

    /// <summary>The next notification is delivered twice.</summary>
    DuplicateNotification = 5,

    /// <summary>The next notification is first delivered with a wrong signature, then correctly.</summary>
    BadSignatureNotification = 6,

    /// <summary>40004 ACQ.SYSTEM_ERROR without processing.</summary>
    SystemError = 7,
}
