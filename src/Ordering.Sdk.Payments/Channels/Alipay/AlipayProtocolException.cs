namespace Ordering.Sdk.Payments.Alipay;

/// <summary>
/// An answer from Alipay (or something claiming to be Alipay) that cannot be trusted: a missing or bad
/// signature, a malformed amount, a response for another method. The outcome of the call is unknown.
/// </summary>
public sealed class AlipayProtocolException : Exception
{
    /// <summary>Initializes the exception.</summary>
    public AlipayProtocolException()
    {
    }

    /// <summary>Initializes the exception with a message naming the field and the problem.</summary>
    /// <param name="message">The message; never contains keys or payment codes.</param>
    public AlipayProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with a message and the cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AlipayProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
