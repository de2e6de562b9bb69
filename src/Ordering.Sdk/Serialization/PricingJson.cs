using System.Text.Json;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Serialization;

/// <summary>
/// Reads and writes the catalog, the pricing policy and price snapshots as JSON with source-generated
/// System.Text.Json metadata (camelCase names, enums as names); safe under trimming and NativeAOT.
/// </summary>
public static class PricingJson
{
    /// <summary>Writes a catalog definition as JSON.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    public static string SerializeCatalog(CatalogDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(definition, PricingJsonContext.Default.CatalogDefinition);
    }

    /// <summary>Reads a catalog definition from JSON; build it with <see cref="MenuCatalog.Create"/> to validate it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a catalog definition (the message names the JSON path).</exception>
    public static CatalogDefinition DeserializeCatalog(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, PricingJsonContext.Default.CatalogDefinition)
            ?? throw new JsonException("The JSON text is null, not a catalog definition.");
    }

    /// <summary>Writes a pricing policy as JSON.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    public static string SerializePolicy(PricingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return JsonSerializer.Serialize(policy, PricingJsonContext.Default.PricingPolicy);
    }

    /// <summary>Reads a pricing policy from JSON; <see cref="PricingEngine.Create"/> validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a pricing policy.</exception>
    public static PricingPolicy DeserializePolicy(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, PricingJsonContext.Default.PricingPolicy)
            ?? throw new JsonException("The JSON text is null, not a pricing policy.");
    }

    /// <summary>Writes a price snapshot as JSON.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public static string SerializeSnapshot(PriceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return JsonSerializer.Serialize(snapshot, PricingJsonContext.Default.PriceSnapshot);
    }

    /// <summary>Reads a price snapshot from JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not a price snapshot.</exception>
    public static PriceSnapshot DeserializeSnapshot(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, PricingJsonContext.Default.PriceSnapshot)
            ?? throw new JsonException("The JSON text is null, not a price snapshot.");
    }
}
