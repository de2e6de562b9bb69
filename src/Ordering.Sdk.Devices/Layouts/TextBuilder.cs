using System.Globalization;
using System.Runtime.CompilerServices;

namespace Ordering.Sdk.Devices.Layouts;

// Composes one printed line in a caller-provided (usually stack) buffer, so layouts never build strings.
// Text that does not fit is cut off rather than throwing: a line is at most a few dozen columns anyway.
// Immutable on purpose: every Append returns a new builder and leaves this one as it was. The mutable
// version lost text whenever a call's result was dropped inside a chain (the year's '-' in "202611-25").
// Numbers are formatted straight into the buffer; only text that will be cut off goes through a scratch
// buffer, in a separate method so the common path pays for no stack buffer.
internal readonly ref struct TextBuilder
{
    private const int TimeLength = 16; // "yyyy-MM-dd HH:mm"

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

    public TextBuilder Append(long value) =>
        value.TryFormat(_buffer[_length..], out var written, default, CultureInfo.InvariantCulture)
            ? new TextBuilder(_buffer, _length + written)
            : AppendCutOff(value);

    public TextBuilder AppendMoney(Money amount) =>
        MoneyText.TryFormat(amount.MinorUnits, amount.Currency.MinorDigits, _buffer[_length..], out var written)
            ? new TextBuilder(_buffer, _length + written)
            : AppendCutOff(amount);

    /// <summary>Appends "yyyy-MM-dd HH:mm" (or "MM-dd HH:mm") in the value's own offset, formatted by hand: DateTimeOffset.TryFormat with a custom format costs more than printing a line.</summary>
    public TextBuilder AppendTime(DateTimeOffset value, bool withYear) =>
        _buffer.Length - _length >= TimeLength
            ? new TextBuilder(_buffer, _length + WriteTime(_buffer[_length..], value, withYear))
            : AppendCutOff(value, withYear);

    // destination holds at least TimeLength chars.
    private static int WriteTime(Span<char> destination, DateTimeOffset value, bool withYear)
    {
        var at = 0;
        if (withYear)
        {
            at = Digits(destination, at, value.Year, 4);
            destination[at++] = '-';
        }

        at = Digits(destination, at, value.Month, 2);
        destination[at++] = '-';
        at = Digits(destination, at, value.Day, 2);
        destination[at++] = ' ';
        at = Digits(destination, at, value.Hour, 2);
        destination[at++] = ':';
        return Digits(destination, at, value.Minute, 2);
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TextBuilder AppendCutOff(long value)
    {
        Span<char> text = stackalloc char[20];
        return value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture) ? Append(text[..written]) : this;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TextBuilder AppendCutOff(Money amount)
    {
        Span<char> text = stackalloc char[48];
        return MoneyText.TryFormat(amount.MinorUnits, amount.Currency.MinorDigits, text, out var written) ? Append(text[..written]) : this;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TextBuilder AppendCutOff(DateTimeOffset value, bool withYear)
    {
        Span<char> text = stackalloc char[TimeLength];
        return Append(text[..WriteTime(text, value, withYear)]);
    }
}
