namespace Ordering.Sdk.Payments;

// A call that got no usable answer (timeout, reset, unverifiable response); the outcome is unknown.
internal sealed class WeChatPayTransportException : Exception
{
    public WeChatPayTransportException()
    {
    }

    public WeChatPayTransportException(string message)
        : base(message)
    {
    }

    public WeChatPayTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WeChatPayTransportException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public string Code { get; } = WeChatPayErrors.TransportError;
}
