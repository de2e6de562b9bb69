namespace Ordering.Sdk.Devices.Status;

// Splits what a printer sends back into messages. They can be told apart by their first byte:
// DLE EOT replies match 0xx1xx10, ASB messages start with xxx1xx00 and are 4 bytes, GS r replies have
// bits 4 and 7 clear, and 0x35/0x37/0x3B/0x3D/0x5F start NUL-terminated blocks (GS ( H echoes 37 22 …).
internal sealed class PrinterResponseReader
{
    private readonly byte[] _pending = new byte[64];
    private int _count;

    public void Append(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            if (_count == _pending.Length)
            {
                _count = 0; // garbage: a printer never sends this much unprompted
            }

            _pending[_count++] = b;
        }
    }

    public bool TryRead(out PrinterResponse response)
    {
        while (_count > 0)
        {
            var first = _pending[0];
            if (PrinterStatus.IsRealTimeReply(first))
            {
                response = new PrinterResponse(PrinterResponseKind.RealTimeStatus, first, default);
                Consume(1);
                return true;
            }

            if (first is 0x35 or 0x37 or 0x3B or 0x3D or 0x5F)
            {
                var end = Array.IndexOf(_pending, (byte)0, 1, _count - 1);
                if (end < 0)
                {
                    break;
                }

                var kind = first == 0x37 && _count > 1 && _pending[1] == 0x22 && end == 6 ? PrinterResponseKind.ProcessId
                    : first == 0x37 && _count > 1 && _pending[1] == 0x25 ? PrinterResponseKind.BufferCleared
                    : PrinterResponseKind.Other;
                var id = kind == PrinterResponseKind.ProcessId ? BitConverter.ToUInt32(_pending, 2) : 0u;
                response = new PrinterResponse(kind, first, id);
                Consume(end + 1);
                return true;
            }

            if (PrinterStatus.IsAsbFirstByte(first))
            {
                if (_count < 4)
                {
                    break;
                }

                response = new PrinterResponse(PrinterResponseKind.AutomaticStatus, first, default, PrinterStatus.FromAutomaticStatusBack(_pending.AsSpan(0, 4)));
                Consume(4);
                return true;
            }

            if ((first & 0x90) == 0)
            {
                response = new PrinterResponse(PrinterResponseKind.PaperSensor, first, default);
                Consume(1);
                return true;
            }

            Consume(1); // unknown byte: skip
        }

        response = default;
        return false;
    }

    public void Clear() => _count = 0;

    private void Consume(int n)
    {
        Array.Copy(_pending, n, _pending, 0, _count - n);
        _count -= n;
    }
}

internal enum PrinterResponseKind
{
    RealTimeStatus,
    AutomaticStatus,
    PaperSensor,
    ProcessId,
    BufferCleared,
    Other,
}

internal readonly record struct PrinterResponse(PrinterResponseKind Kind, byte Value, uint ProcessId, PrinterStatus Status = default);
