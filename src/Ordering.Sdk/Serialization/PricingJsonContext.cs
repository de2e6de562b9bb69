using System.Text.Json.Serialization;
using Ordering.Sdk.Catalog;

namespace Ordering.Sdk.Serialization;

// Source-generated System.Text.Json metadata: no reflection, so trimming and NativeAOT stay safe.
// Internal so the generated members do not become public API; PricingJson is the public door.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CatalogDefinition))]
internal sealed partial class PricingJsonContext : JsonSerializerContext
{
}
