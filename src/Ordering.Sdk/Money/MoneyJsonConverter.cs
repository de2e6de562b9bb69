using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ordering.Sdk;

// Money on the wire and on disk: {"minorUnits":1234,"currency":"CNY","minorDigits":2}. Whole minor units,
// never a floating-point number, so nothing is lost between the POS, the database and the mini-program.
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Money must be an object {\"minorUnits\":…,\"currency\":\"CNY\"}.");
        }

        long? minor = null;
        string? code = null;
        int? digits = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "minorUnits":
                    minor = reader.GetInt64();
                    break;
                case "currency":
                    code = reader.GetString();
                    break;
                case "minorDigits":
                    digits = reader.GetInt32();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (minor is null || code is null)
        {
            throw new JsonException("Money needs both minorUnits and currency.");
        }

        try
        {
            var currency = digits is { } d ? Currency.Create(code, d) : Currency.TryFromCode(code, out var known) ? known.Value : Currency.Create(code, 2);
            return new Money(minor.Value, currency);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("minorUnits", value.MinorUnits);
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteNumber("minorDigits", value.Currency.MinorDigits);
        writer.WriteEndObject();
    }
}
