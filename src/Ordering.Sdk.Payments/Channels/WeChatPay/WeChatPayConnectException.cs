namespace Ordering.Sdk.Payments;

// Thrown from the connect step of the handlers the channel creates: no byte of the request left the
// process, so the call may go to the backup address without any risk of doing it twice.
internal sealed class WeChatPayConnectException : Exception
{
    public WeChatPayConnectException()
    {
    }

    public WeChatPayConnectException(string message)
        : base(message)
    {
    }

    public WeChatPayConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
