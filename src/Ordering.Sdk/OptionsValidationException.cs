namespace Ordering.Sdk;

/// <summary>Thrown at registration or start-up when options are invalid; lists every problem found.</summary>
public sealed class OptionsValidationException : OrderingSdkException
{
    /// <summary>Initializes the exception with the options type and every failure.</summary>
    /// <param name="optionsName">The name of the options class.</param>
    /// <param name="failures">One entry per problem, each naming the field and why it is wrong.</param>
    public OptionsValidationException(string optionsName, IReadOnlyList<string> failures)
        : base($"{optionsName} is invalid: {string.Join(" ", failures ?? [])}")
    {
        OptionsName = optionsName;
        Failures = failures ?? [];
    }

    /// <summary>Gets the name of the options class that failed validation.</summary>
    public string OptionsName { get; }

    /// <summary>Gets every problem found, each naming the field and why it is wrong.</summary>
    public IReadOnlyList<string> Failures { get; }
}
