using System.Text.Json;

namespace Ordering.Sdk.Payments.Alipay;

// A verified gateway answer: its result code and the fields of the response node.
internal sealed class AlipayResponse(string code, string? message, string? subCode, string? subMessage, JsonElement node)
{
    public string Code { get; } = code;

    public string? Message { get; } = message;

    public string? SubCode { get; } = subCode;

    public string? SubMessage { get; } = subMessage;

    public bool IsSuccess => Code == AlipayErrorMap.Success;

    public string? Field(string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public JsonElement Node => node;

    public ChannelError ToError() => AlipayErrorMap.Map(Code, SubCode, SubMessage ?? Message);
}
