using System.Globalization;

namespace Ordering.Sdk.Devices.Layouts;

// Composes one printed line in a caller-provided (usually stack) buffer, so layouts never build strings.
// Text that does not fit is cut off rather than throwing: a line is at most a few dozen columns anyway.
internal ref struct TextBuilder
{
    private readonly Span<char> _buffer;
    private int _length;

    public TextBuilder(Span<char> buffer)
    {
        _buffer = buffer;
        _length = 0;
    }

    public readonly ReadOnlySpan<char> Text => _buffer[.._length];

    public TextBuilder Append(ReadOnlySpan<char> text)
    {
        var count = Math.Min(text.Length, _buffer.Length - _length);
        text[..count].CopyTo(_buffer[_length..]);
        _length += count;
        return this;
    }

    public TextBuilder Append(long value)
    {
        if (value.TryFormat(_buffer[_length..], out var written, default, CultureInfo.InvariantCulture))
        {
            _length += written;
        }

        return this;
    }

    public TextBuilder AppendMoney(Money amount)
    {
        if (MoneyText.TryFormat(amount.MinorUnits, amount.Currency.MinorDigits, _buffer[_length..], out var written))
        {
            _length += written;
        }

        return this;
    }

    /// <summary>Appends "yyyy-MM-dd HH:mm" (or "MM-dd HH:mm"), formatted by hand: DateTimeOffset.TryFormat with a custom format costs more than printing a line.</summary>
    public TextBuilder AppendTime(DateTimeOffset value, bool withYear)
    {
        if (withYear)
        {
            Digits(value.Year, 4).Append("-");
        }

        return Digits(value.Month, 2).Append("-").Digits(value.Day, 2).Append(" ").Digits(value.Hour, 2).Append(":").Digits(value.Minute, 2);
    }

    private TextBuilder Digits(int value, int count)
    {
        if (_buffer.Length - _length < count)
        {
            return this;
        }

        for (var i = count - 1; i >= 0; i--)
        {
            _buffer[_length + i] = (char)('0' + (value % 10));
            value /= 10;
        }

        _length += count;
        return this;
    }
}
