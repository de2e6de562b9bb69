using System.Globalization;

namespace Ordering.Sdk.Devices.Layouts;

// Composes one printed line in a caller-provided (usually stack) buffer, so layouts never build strings.
// Text that does not fit is cut off rather than throwing: a line is at most a few dozen columns anyway.
// Immutable on purpose: every Append returns a new builder and leaves this one as it was. The mutable
// version lost text whenever a call's result was dropped inside a chain (the year's '-' in "202611-25").
internal readonly ref struct TextBuilder
{
    private readonly Span<char> _buffer;
    private readonly int _length;

    public TextBuilder(Span<char> buffer)
        : this(buffer, 0)
    {
    }

    private TextBuilder(Span<char> buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<char> Text => _buffer[.._length];

    public TextBuilder Append(scoped ReadOnlySpan<char> text)
    {
        var count = Math.Min(text.Length, _buffer.Length - _length);
        text[..count].CopyTo(_buffer[_length..]);
        return new TextBuilder(_buffer, _length + count);
    }

    public TextBuilder Append(long value)
    {
        Span<char> digits = stackalloc char[20];
        return value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture) ? Append(digits[..written]) : this;
    }

    public TextBuilder AppendMoney(Money amount)
    {
        Span<char> text = stackalloc char[48];
        return MoneyText.TryFormat(amount.MinorUnits, amount.Currency.MinorDigits, text, out var written) ? Append(text[..written]) : this;
    }

    /// <summary>Appends "yyyy-MM-dd HH:mm" (or "MM-dd HH:mm") in the value's own offset, formatted by hand: DateTimeOffset.TryFormat with a custom format costs more than printing a line.</summary>
    public TextBuilder AppendTime(DateTimeOffset value, bool withYear)
    {
        Span<char> text = stackalloc char[16];
        var at = 0;
        if (withYear)
        {
            at = Digits(text, at, value.Year, 4);
            text[at++] = '-';
        }

        at = Digits(text, at, value.Month, 2);
        text[at++] = '-';
        at = Digits(text, at, value.Day, 2);
        text[at++] = ' ';
        at = Digits(text, at, value.Hour, 2);
        text[at++] = ':';
        at = Digits(text, at, value.Minute, 2);
        return Append(text[..at]);
    }

    private static int Digits(Span<char> destination, int at, int value, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            destination[at + i] = (char)('0' + (value % 10));
            value /= 10;
        }

        return at + count;
    }
}
