using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Ordering.Sdk.Devices.EscPos;

// Text → printer bytes, the one place that decides what a character becomes on paper.
// Chinese printers implement only the 2-byte areas of GB18030 (a 4-byte sequence prints as garbage such as
// "0 6" for ¥), so every character is classified once: ASCII (1 byte, 1 column), 2-byte GB (2 columns), a
// documented substitute (see TextSubstitutions), or '?' for anything the printers cannot show.
// Control characters never reach the printer as bytes below 0x20: they become a space.
internal static class Gb18030Text
{
    public const int CodePage = 54936;

    /// <summary>Upper bound of bytes one UTF-16 char can turn into (a 2-byte GB character, or a 3-char ASCII substitute).</summary>
    public const int MaxBytesPerChar = 3;

    public static readonly Encoding Encoding =
        CodePagesEncodingProvider.Instance.GetEncoding(CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback)
        ?? throw new InvalidOperationException("The GB18030 code page (54936) is not available from CodePagesEncodingProvider.");

    // The two-byte GB18030 code of every BMP code point (lead << 8 | trail), 0 where there is none and for the
    // characters TextSubstitutions replaces, so one table load decides the common case. Built once from the
    // provider's own encoder, so it can never disagree with it; the provider's encoder itself allocates
    // helper objects on every call (~150 B), which the hot path must not.
    private static readonly ushort[] TwoByteCodes = BuildTwoByteCodes();

    // Invariant relied on by the writers: every element's byte count equals its width in columns
    // (ASCII and '?' 1, two-byte GB 2, a substitute its own ASCII/two-byte text), so a line of n columns
    // never needs more than n bytes.

    /// <summary>Gets the number of printer columns <paramref name="text"/> occupies at normal size.</summary>
    public static int Width(ReadOnlySpan<char> text)
    {
        var width = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                width++;
                i++;
            }
            else if (TwoByteCodes[c] != 0)
            {
                width += 2;
                i++;
            }
            else
            {
                width += ElementWidth(text, i, out var consumed);
                i += consumed;
            }
        }

        return width;
    }

    /// <summary>Counts how many chars of <paramref name="text"/> fit in <paramref name="maxWidth"/> columns without splitting a character.</summary>
    public static int FitPrefix(ReadOnlySpan<char> text, int maxWidth, out int width)
    {
        width = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int w;
            var consumed = 1;
            if (c < 0x80)
            {
                w = 1;
            }
            else if (TwoByteCodes[c] != 0)
            {
                w = 2;
            }
            else
            {
                w = ElementWidth(text, i, out consumed);
            }

            if (width + w > maxWidth)
            {
                break;
            }

            width += w;
            i += consumed;
        }

        return i;
    }

    /// <summary>Width of the printable element starting at <paramref name="index"/>, and how many chars it spans.</summary>
    public static int ElementWidth(ReadOnlySpan<char> text, int index, out int consumed)
    {
        var c = text[index];
        consumed = 1;
        if (c < 0x80)
        {
            return 1;
        }

        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            consumed = 2;
            return 1; // printed as '?'
        }

        if (TextSubstitutions.TryGet(c, out var substitute))
        {
            return Width(substitute);
        }

        return TwoByteCodes[c] != 0 ? 2 : 1;
    }

    /// <summary>
    /// Encodes <paramref name="text"/> into <paramref name="destination"/> (at least
    /// <see cref="MaxBytesPerChar"/> × length bytes) and returns the byte count. Never writes a byte below 0x20
    /// or 0x7F, so user text can never become a printer command.
    /// </summary>
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination) =>
        EncodePrefix(text, int.MaxValue, destination).Bytes;

    /// <summary>
    /// Encodes the longest prefix of <paramref name="text"/> that fits in <paramref name="maxWidth"/> columns,
    /// without splitting a character, and returns the byte count (which is also its width in columns) and
    /// the number of chars encoded. Measuring and encoding in one pass is what keeps a receipt row cheap.
    /// </summary>
    public static (int Bytes, int Chars) EncodePrefix(ReadOnlySpan<char> text, int maxWidth, Span<byte> destination)
    {
        // The fast paths below write only while written + width <= maxWidth, and at most 3 bytes per char, so
        // this one check makes their unchecked writes safe; rare characters still go through checked spans.
        if (destination.Length < Math.Min((long)text.Length * MaxBytesPerChar, maxWidth))
        {
            throw new ArgumentException("The destination is too small for the text.", nameof(destination));
        }

        ref var output = ref MemoryMarshal.GetReference(destination);
        ref var codes = ref MemoryMarshal.GetArrayDataReference(TwoByteCodes); // 65536 entries: any char indexes it
        var written = 0;
        var i = 0;
        unchecked
        {
            while (i < text.Length)
            {
                var c = text[i];
                if (c < 0x80)
                {
                    if (written >= maxWidth)
                    {
                        break;
                    }

                    Unsafe.Add(ref output, written++) = c < 0x20 || c == 0x7F ? (byte)' ' : (byte)c;
                    i++;
                    continue;
                }

                var code = Unsafe.Add(ref codes, c);
                if (code != 0)
                {
                    if (maxWidth - written < 2)
                    {
                        break;
                    }

                    Unsafe.Add(ref output, written) = (byte)(code >> 8);
                    Unsafe.Add(ref output, written + 1) = (byte)code;
                    written += 2;
                    i++;
                    continue;
                }

                var width = ElementWidth(text, i, out var elementChars);
                if (maxWidth - written < width)
                {
                    break;
                }

                written += EncodeRare(c, destination[written..]);
                i += elementChars;
            }
        }

        return (written, i);
    }

    // A substitute, or the one byte for a character the printers cannot show.
    private static int EncodeRare(char c, Span<byte> destination)
    {
        if (TextSubstitutions.TryGet(c, out var substitute))
        {
            // Substitutes are made of ASCII and two-byte characters only, one or two bytes each.
            var written = 0;
            foreach (var part in substitute)
            {
                if (part < 0x80)
                {
                    destination[written++] = (byte)part;
                }
                else
                {
                    var code = TwoByteCodes[part];
                    destination[written++] = (byte)(code >> 8);
                    destination[written++] = unchecked((byte)code);
                }
            }

            return written;
        }

        // Emoji and other supplementary characters (a surrogate pair, consumed whole) have no 2-byte GB form.
        // C1 controls (0x80–0x9F) become a space like C0 controls; everything else unprintable becomes '?'.
        destination[0] = c < 0xA0 ? (byte)' ' : (byte)'?';
        return 1;
    }

    private static ushort[] BuildTwoByteCodes()
    {
        var codes = new ushort[65536];
        Span<byte> scratch = stackalloc byte[8];
        Span<char> one = stackalloc char[1];
        for (var c = 0x80; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            one[0] = (char)c;
            if (!TextSubstitutions.Contains((char)c) && Encoding.GetBytes(one, scratch) == 2)
            {
                codes[c] = (ushort)((scratch[0] << 8) | scratch[1]);
            }
        }

        return codes;
    }
}
