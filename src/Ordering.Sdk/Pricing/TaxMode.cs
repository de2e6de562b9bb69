namespace Ordering.Sdk.Pricing;

/// <summary>Whether menu prices include tax.</summary>
public enum TaxMode
{
    /// <summary>Prices include tax (China, 含税价); tax is extracted and the amount due does not change.</summary>
    Inclusive,

    /// <summary>Tax is added on top of prices.</summary>
    Exclusive,
}
