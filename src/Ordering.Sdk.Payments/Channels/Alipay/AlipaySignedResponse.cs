using System.Text;
using System.Text.Json;

namespace Ordering.Sdk.Payments.Alipay;

// The signed content of a gateway response is the exact raw bytes of the "<method>_response" (or
// "error_response") object, never a re-serialisation: the reader's byte offsets cut it out verbatim.
internal readonly record struct AlipaySignedResponse(string NodeName, ReadOnlyMemory<byte> Content, string? Sign)
{
    public const string ErrorNode = "error_response";

    public string ContentText => Encoding.UTF8.GetString(Content.Span);

    public static AlipaySignedResponse Extract(ReadOnlyMemory<byte> body, string nodeName)
    {
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 64 });
        ReadOnlyMemory<byte>? content = null;
        string? foundNode = null;
        string? sign = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new AlipayProtocolException("response: not a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                if (!reader.Read())
                {
                    break;
                }

                if ((name == nodeName || name == ErrorNode) && reader.TokenType == JsonTokenType.StartObject && content is null)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    content = body.Slice(start, (int)reader.BytesConsumed - start);
                    foundNode = name;
                }
                else if (name == "sign" && reader.TokenType == JsonTokenType.String)
                {
                    sign = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            throw new AlipayProtocolException("response: malformed JSON.", ex);
        }

        if (content is null)
        {
            throw new AlipayProtocolException($"response: neither '{nodeName}' nor '{ErrorNode}' was found.");
        }

        return new AlipaySignedResponse(foundNode!, content.Value, sign);
    }
}
