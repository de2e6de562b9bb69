namespace Ordering.Sdk.Payments;

/// <summary>A channel's trade bill could not be downloaded, verified (hash) or parsed.</summary>
public sealed class ChannelBillException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChannelBillException()
    {
    }

    /// <summary>Creates the exception with a message saying what failed.</summary>
    /// <param name="message">What failed, without secrets.</param>
    public ChannelBillException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    /// <param name="message">What failed, without secrets.</param>
    /// <param name="innerException">The underlying cause.</param>
    public ChannelBillException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
