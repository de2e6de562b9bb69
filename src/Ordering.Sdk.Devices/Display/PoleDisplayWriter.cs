using System.Buffers;
using Ordering.Sdk.Devices.Layouts;

namespace Ordering.Sdk.Devices.Display;

/// <summary>
/// Drives a Chinese 8-digit LED customer display (客显): ESC @ / CLR, ESC s n to light the 单价, 总计,
/// 收款 or 找零 indicator, and ESC Q A to show the amount. Such displays usually run at 2400 baud 8N1.
/// </summary>
/// <threadsafety>Not thread-safe: one writer per thread.</threadsafety>
public sealed class PoleDisplayWriter
{
    private readonly IBufferWriter<byte> _output;

    /// <summary>Initializes a writer.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public PoleDisplayWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>ESC @ then CLR: resets and blanks the display.</summary>
    /// <returns>This writer.</returns>
    public PoleDisplayWriter Initialize() => Bytes([0x1B, 0x40, 0x0C]);

    /// <summary>CLR: blanks the display.</summary>
    /// <returns>This writer.</returns>
    public PoleDisplayWriter Clear() => Bytes([0x0C]);

    /// <summary>Shows a unit price (单价).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount needs more than 8 digits.</exception>
    public PoleDisplayWriter ShowPrice(Money amount) => Show((byte)'1', amount);

    /// <summary>Shows the total due (总计).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount needs more than 8 digits.</exception>
    public PoleDisplayWriter ShowTotal(Money amount) => Show((byte)'2', amount);

    /// <summary>Shows the amount collected (收款).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount needs more than 8 digits.</exception>
    public PoleDisplayWriter ShowCollected(Money amount) => Show((byte)'3', amount);

    /// <summary>Shows the change (找零).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount needs more than 8 digits.</exception>
    public PoleDisplayWriter ShowChange(Money amount) => Show((byte)'4', amount);

    private PoleDisplayWriter Show(byte indicator, Money amount)
    {
        Span<char> text = stackalloc char[24];
        MoneyText.TryFormat(amount.MinorUnits, amount.Currency.MinorDigits, text, out var length);
        var digits = length - (text[..length].Contains('.') ? 1 : 0);
        if (digits > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An 8-digit display cannot show this amount.");
        }

        var span = _output.GetSpan(3 + 3 + length + 1);
        span[0] = 0x1B;
        span[1] = (byte)'s';
        span[2] = indicator;
        span[3] = 0x1B;
        span[4] = (byte)'Q';
        span[5] = (byte)'A';
        for (var i = 0; i < length; i++)
        {
            span[6 + i] = (byte)text[i];
        }

        span[6 + length] = 0x0D;
        _output.Advance(7 + length);
        return this;
    }

    private PoleDisplayWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_output.GetSpan(bytes.Length));
        _output.Advance(bytes.Length);
        return this;
    }
}
