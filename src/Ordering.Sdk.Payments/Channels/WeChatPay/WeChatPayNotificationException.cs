namespace Ordering.Sdk.Payments;

/// <summary>A WeChat Pay callback failed verification, decryption or the merchant checks; its message names the check, never a secret.</summary>
public sealed class WeChatPayNotificationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WeChatPayNotificationException()
    {
    }

    /// <summary>Creates the exception with the failed check.</summary>
    /// <param name="message">Which check failed.</param>
    public WeChatPayNotificationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the failed check and its cause.</summary>
    /// <param name="message">Which check failed.</param>
    /// <param name="innerException">The cause.</param>
    public WeChatPayNotificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
