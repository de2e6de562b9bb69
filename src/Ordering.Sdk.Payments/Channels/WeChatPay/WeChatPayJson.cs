using System.Buffers;
using System.Text.Json;

namespace Ordering.Sdk.Payments;

// Small JSON helpers: request bodies written with Utf8JsonWriter, answers read with JsonDocument.
internal static class WeChatPayJson
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static JsonDocument? TryParse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long? Long(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    public static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    // An APIv3 error answer: {"code": "...", "message": "..."}.
    public static (string Code, string Message) Error(byte[] body, int status)
    {
        using var document = TryParse(body);
        var code = document is null ? null : String(document.RootElement, "code");
        var message = document is null ? null : String(document.RootElement, "message");
        return (code ?? "HTTP_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture), message ?? string.Empty);
    }
}
