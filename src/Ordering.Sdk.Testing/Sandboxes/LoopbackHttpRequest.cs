namespace Ordering.Sdk.Testing;

/// <summary>A request received by a <see cref="LoopbackHttpServer"/>, fully buffered.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The absolute path, without the query.</param>
/// <param name="Query">The query string without the leading '?', or empty.</param>
/// <param name="Headers">The request headers; names compare case-insensitively.</param>
/// <param name="Body">The raw body bytes, exactly as received (signatures are computed over them).</param>
internal sealed record LoopbackHttpRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    /// <summary>The value of a header, or null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
