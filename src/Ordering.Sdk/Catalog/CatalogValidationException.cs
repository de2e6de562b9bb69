namespace Ordering.Sdk.Catalog;

/// <summary>Thrown by <see cref="MenuCatalog.Create"/> when the menu is inconsistent; lists every problem found.</summary>
public sealed class CatalogValidationException : OrderingSdkException
{
    /// <summary>Initializes the exception with every failure.</summary>
    /// <param name="failures">One entry per problem, each naming the path of the field and why it is wrong.</param>
    public CatalogValidationException(IReadOnlyList<string> failures)
        : base($"The catalog is invalid: {string.Join(" ", failures ?? [])}")
    {
        Failures = failures ?? [];
    }

    /// <summary>Gets every problem found, each naming the path of the field (<c>items[3].skus[0].price</c>) and why.</summary>
    public IReadOnlyList<string> Failures { get; }
}
