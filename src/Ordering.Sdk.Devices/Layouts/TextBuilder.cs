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

    public TextBuilder Append(DateTimeOffset value, ReadOnlySpan<char> format)
    {
        if (value.TryFormat(_buffer[_length..], out var written, format, CultureInfo.InvariantCulture))
        {
            _length += written;
        }

        return this;
    }
}
