namespace Ordering.Sdk.Devices.EscPos;

// Characters that GB18030 encodes in four bytes, which Chinese receipt printers cannot print, replaced by
// a look-alike they can. The table is documented on EscPosWriter.Text; anything else without a 2-byte
// form prints as '?'.
internal static class TextSubstitutions
{
    public static bool Contains(char c) => c switch
    {
        '\u00A0' or '\u00A5' or '\u2022' or '\u2122' or '\u00A9' or '\u00AE' or '\u00BC' or '\u00BD' or '\u00BE' => true,
        _ => false,
    };

    public static bool TryGet(char c, out ReadOnlySpan<char> substitute)
    {
        substitute = c switch
        {
            '\u00A0' => " ", // no-break space
            '\u00A5' => "\uFFE5", // ¥ → ￥ (full-width yen/yuan sign, A3 A4)
            '\u2022' => "\u00B7", // • → · (A1 A4)
            '\u2122' => "TM",
            '\u00A9' => "(C)",
            '\u00AE' => "(R)",
            '\u00BC' => "1/4",
            '\u00BD' => "1/2",
            '\u00BE' => "3/4",
            _ => default,
        };
        return !substitute.IsEmpty;
    }
}
