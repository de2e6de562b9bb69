using System.Text.Json.Serialization;

namespace Ordering.Sdk.Orders;

// Source-generated metadata for order events: no reflection, so trimming and NativeAOT stay safe.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OrderEvent))]
[JsonSerializable(typeof(OrderError))]
internal sealed partial class OrderJsonContext : JsonSerializerContext
{
}
