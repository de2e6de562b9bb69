namespace Ordering.Sdk.Testing.Printing;

/// <summary>Decodes an ESC/POS byte stream (Chinese mode GB18030 included) into printed documents, as the virtual printer would print them.</summary>
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
public static class EscPosDecoder
{
    /// <summary>Decodes <paramref name="bytes"/> into documents; text after the last cut becomes a final document with <see cref="PrintedDocument.IsCut"/> = <see langword="false"/>.</summary>
    /// <param name="bytes">The bytes sent to the printer.</param>
    /// <param name="chineseModeAtPowerOn">Whether the simulated printer starts in Chinese mode (Chinese clones do).</param>
    /// <returns>The printed documents.</returns>
    public static IReadOnlyList<PrintedDocument> Decode(ReadOnlySpan<byte> bytes, bool chineseModeAtPowerOn = true)
    {
        var interpreter = new EscPosInterpreter(chineseModeAtPowerOn);
        var ignored = new List<byte>();
        interpreter.Receive(bytes, ignored);
        interpreter.FlushPartialDocument();
        return [.. interpreter.Documents];
    }
}
