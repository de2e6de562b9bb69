namespace Ordering.Sdk.Payments;

// An answer from WeChat Pay, already verified when it had to be; the headers are the first value of each.
internal sealed record WeChatPayResponse(int StatusCode, byte[] Body, string? RequestId, IReadOnlyDictionary<string, string>? Headers = null)
{
    public string? Header(string name) => Headers is not null && Headers.TryGetValue(name, out var value) ? value : null;
}
