using System.Text.Json;
using Ordering.Sdk.Catalog;

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
}
