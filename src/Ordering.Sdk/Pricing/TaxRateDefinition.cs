using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Pricing;

/// <summary>A tax rate items can refer to.</summary>
public sealed class TaxRateDefinition
{
    /// <summary>Gets the rate id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name, for example 增值税 6% / VAT 6%.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the rate in basis points (600 = 6%).</summary>
    public required int BasisPoints { get; init; }
}
