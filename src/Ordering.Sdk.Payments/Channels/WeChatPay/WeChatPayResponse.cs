namespace Ordering.Sdk.Payments;

// An answer from WeChat Pay, already verified when it had to be.
internal sealed record WeChatPayResponse(int StatusCode, byte[] Body, string? RequestId);
