namespace Ordering.Sdk;

/// <summary>
/// The root of every exception the Ordering SDK throws for a domain reason (as opposed to a
/// programming error, which is reported with the BCL's argument exceptions).
/// </summary>
/// <remarks>
/// Expected outcomes on hot paths (a pricing rule that rejects an item, a declined payment) are
/// returned as results, not thrown. An exception of this type means the caller asked for something
/// the SDK cannot do at all.
/// </remarks>
public abstract class OrderingSdkException : Exception
{
    /// <summary>Initializes the exception with a message for engineers.</summary>
    /// <param name="message">What went wrong and, where possible, how to fix it.</param>
    protected OrderingSdkException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong and, where possible, how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    protected OrderingSdkException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
