namespace Ordering.Sdk.Testing;

/// <summary>What a <see cref="LoopbackHttpServer"/> handler answers.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="ContentType">The content type of the body.</param>
/// <param name="Headers">Extra response headers, or null.</param>
internal sealed record LoopbackHttpResponse(
    int StatusCode,
    byte[] Body,
    string ContentType = "application/json",
    IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>
    /// When true the server resets the connection instead of answering, after the handler ran:
    /// the "processed, but the reply was lost" fault.
    /// </summary>
    public bool DropConnection { get; init; }

    /// <summary>A response that resets the connection without an answer.</summary>
    public static LoopbackHttpResponse Dropped { get; } = new(0, []) { DropConnection = true };
}
