using System.Buffers;

namespace Ordering.Sdk.Devices.Tests.EscPos;

// The strictest legal IBufferWriter: every GetSpan hands out a fresh span of exactly the size asked for (as a
// PipeWriter segment boundary can), and Advance keeps only what was committed. A writer that writes past
// what it asked for fails with IndexOutOfRangeException; one that writes into a span after advancing it,
// or forgets to advance, loses those bytes and the output differs.
internal sealed class ExactSpanBufferWriter : IBufferWriter<byte>
{
    private readonly List<byte> _written = [];
    private byte[]? _current;

    public int GetSpanCalls { get; private set; }

    public byte[] Written => [.. _written];

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        GetSpanCalls++;
        _current = new byte[Math.Max(sizeHint, 1)];
        _current.AsSpan().Fill(0xCC);
        return _current;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => throw new NotSupportedException("The ESC/POS writer only uses spans.");

    public void Advance(int count)
    {
        if (_current is null || count < 0 || count > _current.Length)
        {
            throw new InvalidOperationException($"Advance({count}) without a span of that size.");
        }

        _written.AddRange(_current.AsSpan(0, count));
        _current = null;
    }
}
