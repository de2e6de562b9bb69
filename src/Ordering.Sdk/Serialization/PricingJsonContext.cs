using System.Text.Json.Serialization;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Serialization;

// Source-generated System.Text.Json metadata: no reflection, so trimming and NativeAOT stay safe.
// Internal so the generated members do not become public API; PricingJson is the public door.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CatalogDefinition))]
[JsonSerializable(typeof(PricingPolicy))]
[JsonSerializable(typeof(PriceSnapshot))]
internal sealed partial class PricingJsonContext : JsonSerializerContext
{
}
