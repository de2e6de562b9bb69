using System.Text.Json.Serialization;
using Ordering.Sdk.Kitchen;

namespace Ordering.Sdk.Storage.Sqlite.Printing;

// The print outbox stores the ticket itself, so a job can be printed after a restart without asking the
// order store again (the order may have changed since; the ticket is what was fired).
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KitchenTicket))]
internal sealed partial class KitchenTicketJsonContext : JsonSerializerContext;
