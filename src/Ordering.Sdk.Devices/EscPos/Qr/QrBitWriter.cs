namespace Ordering.Sdk.Devices.EscPos.Qr;

// Appends bit fields most significant bit first into a caller-provided codeword buffer.
internal ref struct QrBitWriter
{
    private readonly Span<byte> _buffer;

    public QrBitWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _buffer.Clear();
    }

    public int BitLength { get; private set; }

    public readonly int Capacity => _buffer.Length * 8;

    public void Append(int value, int bitCount)
    {
        if (bitCount is < 0 or > 16 || (value >> bitCount) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value does not fit the bit count.");
        }

        if (BitLength + bitCount > Capacity)
        {
            throw new InvalidOperationException("The codeword buffer is full.");
        }

        for (var i = bitCount - 1; i >= 0; i--)
        {
            if (((value >> i) & 1) != 0)
            {
                _buffer[BitLength >> 3] |= (byte)(0x80 >> (BitLength & 7));
            }

            BitLength++;
        }
    }
}
