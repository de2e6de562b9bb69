using System.Text.Json;

namespace Ordering.Sdk.Orders;

/// <summary>
/// Reads and writes order events and idempotency records as JSON (source-generated, trim- and AOT-safe), the
/// form durable stores keep them in.
/// </summary>
public static class OrderJson
{
    /// <summary>Writes an event as JSON, with an <c>event</c> discriminator.</summary>
    /// <param name="orderEvent">The event.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="orderEvent"/> is <see langword="null"/>.</exception>
    public static string SerializeEvent(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        return JsonSerializer.Serialize(orderEvent, OrderJsonContext.Default.OrderEvent);
    }

    /// <summary>Reads an event written by <see cref="SerializeEvent"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not an order event.</exception>
    public static OrderEvent DeserializeEvent(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, OrderJsonContext.Default.OrderEvent) ?? throw new JsonException("null is not an order event.");
    }

    /// <summary>Writes an order error as JSON.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is <see langword="null"/>.</exception>
    public static string SerializeError(OrderError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return JsonSerializer.Serialize(error, OrderJsonContext.Default.OrderError);
    }

    /// <summary>Reads an order error written by <see cref="SerializeError"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not an order error.</exception>
    public static OrderError DeserializeError(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize(json, OrderJsonContext.Default.OrderError) ?? throw new JsonException("null is not an order error.");
    }
}
