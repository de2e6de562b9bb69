namespace Ordering.Sdk;

/// <summary>Thrown when amounts of two different currencies are combined.</summary>
public sealed class CurrencyMismatchException : OrderingSdkException
{
    /// <summary>Initializes the exception for the two currencies involved.</summary>
    /// <param name="left">The currency of the left operand.</param>
    /// <param name="right">The currency of the right operand.</param>
    public CurrencyMismatchException(Currency left, Currency right)
        : base($"Cannot combine {left.Code} and {right.Code} amounts; convert one of them first.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>Gets the currency of the left operand.</summary>
    public Currency Left { get; }

    /// <summary>Gets the currency of the right operand.</summary>
    public Currency Right { get; }
}
