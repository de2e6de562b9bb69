namespace Ordering.Sdk.Devices.EscPos;

// A plain loop: MemoryExtensions.ContainsAnyExceptInRange was measured allocating on short inputs, and
// the hot path must allocate nothing.
internal static class AsciiRange
{
    public static bool AllInRange(ReadOnlySpan<char> text, char low, char high)
    {
        foreach (var c in text)
        {
            if (c < low || c > high)
            {
                return false;
            }
        }

        return true;
    }

    public static bool AllInRange(ReadOnlySpan<byte> bytes, byte low, byte high)
    {
        foreach (var b in bytes)
        {
            if (b < low || b > high)
            {
                return false;
            }
        }

        return true;
    }
}
