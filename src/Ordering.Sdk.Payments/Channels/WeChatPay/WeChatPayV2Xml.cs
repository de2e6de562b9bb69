using System.Text;
using System.Xml;

namespace Ordering.Sdk.Payments;

// API v2 bodies: a flat <xml> of elements, values in CDATA. DTDs are refused (XXE).
internal static class WeChatPayV2Xml
{
    public static byte[] Write(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder("<xml>");
        foreach (var (key, value) in parameters)
        {
            builder.Append('<').Append(key).Append("><![CDATA[").Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)).Append("]]></").Append(key).Append('>');
        }

        return Encoding.UTF8.GetBytes(builder.Append("</xml>").ToString());
    }

    /// <exception cref="FormatException">The body is not a flat WeChat Pay XML document.</exception>
    public static Dictionary<string, string> Read(ReadOnlySpan<byte> body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body.ToArray()), settings);
            reader.MoveToContent();
            if (reader.Name != "xml")
            {
                throw new FormatException("The body's root element is not <xml>.");
            }

            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
                {
                    var name = reader.Name;
                    result[name] = reader.ReadElementContentAsString();
                    continue;
                }

                reader.Read();
            }
        }
        catch (XmlException ex)
        {
            throw new FormatException("The body is not well-formed XML.", ex);
        }

        return result;
    }
}
