using System.Text;
using Ordering.Sdk.Devices.EscPos;

namespace Ordering.Sdk.Testing.Printing;

// Executes an ESC/POS byte stream the way a receipt printer does: commands change state, text collects
// into lines, a cut ends a document, real-time commands (DLE EOT/ENQ/DC4) are answered at once — even
// when the printer is offline and everything else is held in its receive buffer.
internal sealed class EscPosInterpreter
{
    private const byte Dle = 0x10;
    private const byte Esc = 0x1B;
    private const byte Fs = 0x1C;
    private const byte Gs = 0x1D;

    private static readonly Encoding Gb18030 =
        CodePagesEncodingProvider.Instance.GetEncoding(54936) ?? throw new InvalidOperationException("GB18030 is not available.");

    private readonly bool _chineseModeAtPowerOn;
    private readonly List<byte> _pending = [];
    private readonly List<byte> _line = [];
    private readonly List<PrintedLine> _lines = [];
    private readonly List<string> _qrCodes = [];
    private readonly List<string> _barcodes = [];
    private readonly List<PrintedDocument> _documents = [];
    private byte[] _qrStore = [];
    private int _images;
    private readonly List<PrintedImage> _rasterImages = [];
    private bool _executingRaster;
    private bool _rasterContinues;
    private int _beeps;
    private int _drawerPulses;
    private bool _chineseMode;
    private bool _bold;
    private bool _underline;
    private int _width = 1;
    private int _height = 1;
    private TextAlignment _alignment;
    private (bool Bold, bool Underline, int Width, int Height, TextAlignment Alignment) _lineStyle;
    private bool _asbEnabled;

    public EscPosInterpreter(bool chineseModeAtPowerOn)
    {
        _chineseModeAtPowerOn = chineseModeAtPowerOn;
        _chineseMode = chineseModeAtPowerOn;
    }

    public VirtualPrinterConditions Conditions { get; private set; }

    public IReadOnlyList<PrintedDocument> Documents => _documents;

    public int UnknownCommandBytes { get; private set; }

    private bool IsOffline => (Conditions & (VirtualPrinterConditions.PaperOut | VirtualPrinterConditions.CoverOpen | VirtualPrinterConditions.Offline)) != 0;

    /// <summary>Takes received bytes; returns what the printer sends back.</summary>
    public void Receive(ReadOnlySpan<byte> data, List<byte> responses)
    {
        if ((Conditions & VirtualPrinterConditions.Silent) != 0)
        {
            return;
        }

        foreach (var b in data)
        {
            _pending.Add(b);
        }

        Process(responses);
    }

    public void SetConditions(VirtualPrinterConditions conditions, List<byte> responses)
    {
        var changed = conditions != Conditions;
        Conditions = conditions;
        if (changed && _asbEnabled)
        {
            WriteAsb(responses);
        }

        Process(responses);
    }

    /// <summary>The connection dropped: a half-received command is lost and a half-printed document ends uncut.</summary>
    public void ConnectionLost()
    {
        if (IsOffline)
        {
            return; // held data stays in the receive buffer, as on a real printer
        }

        _pending.Clear();
        FinishLine();
        if (_lines.Count > 0 || _qrCodes.Count > 0 || _barcodes.Count > 0 || _rasterImages.Count > 0)
        {
            FinishDocument(isCut: false);
        }
    }

    private void Process(List<byte> responses)
    {
        if ((Conditions & VirtualPrinterConditions.Silent) != 0)
        {
            return;
        }

        if (IsOffline)
        {
            ProcessRealtimeOnly(responses);
            return;
        }

        var at = 0;
        while (at < _pending.Count)
        {
            _executingRaster = false;
            var length = Execute(at, responses);
            if (length == 0)
            {
                break; // incomplete command: wait for more bytes
            }

            // A raster band continues the previous picture only if nothing else came between them.
            _rasterContinues = _executingRaster;
            at += length;
        }

        _pending.RemoveRange(0, at);
    }

    // Offline: only DLE EOT / DLE ENQ / DLE DC4 are executed, wherever they are in the receive buffer.
    private void ProcessRealtimeOnly(List<byte> responses)
    {
        for (var i = 0; i + 2 < _pending.Count; i++)
        {
            if (_pending[i] != Dle)
            {
                continue;
            }

            var command = _pending[i + 1];
            if (command == 0x04 || command == 0x05)
            {
                var n = _pending[i + 2];
                _pending.RemoveRange(i, 3);
                if (command == 0x04)
                {
                    responses.Add(StatusByte(n));
                }
                else if (n == 2)
                {
                    ClearBuffers(); // recover after clearing the buffers
                    return;
                }

                i--;
            }
            else if (command == 0x14 && i + 9 < _pending.Count && _pending[i + 2] == 8)
            {
                _pending.RemoveRange(i, 10);
                ClearBuffers();
                responses.AddRange([0x37, 0x25, 0x00]);
                return;
            }
        }
    }

    private void ClearBuffers()
    {
        _pending.Clear();
        _line.Clear();
    }

    // Executes the command at _pending[at]; returns its length, or 0 when more bytes are needed.
    private int Execute(int at, List<byte> responses)
    {
        var available = _pending.Count - at;
        byte Arg(int i) => _pending[at + i];
        var b = Arg(0);
        switch (b)
        {
            case 0x0A:
                FinishLine(emptyLineToo: true);
                return 1;
            case 0x0D:
                return 1;
            case Dle:
                return ExecuteDle(at, available, responses);
            case Esc:
                return ExecuteEsc(at, available);
            case Fs:
                if (available < 2)
                {
                    return 0;
                }

                switch (Arg(1))
                {
                    case (byte)'&':
                        _chineseMode = true;
                        return 2;
                    case (byte)'.':
                        _chineseMode = false;
                        return 2;
                    case (byte)'-':
                    case (byte)'!':
                    case (byte)'C':
                    case (byte)'W':
                        return available < 3 ? 0 : 3;
                    default:
                        UnknownCommandBytes += 2;
                        return 2;
                }

            case Gs:
                return ExecuteGs(at, available, responses);
            case < 0x20 or 0x7F:
                UnknownCommandBytes++;
                return 1;
            default:
                return ExecuteText(at, available);
        }
    }

    private int ExecuteText(int at, int available)
    {
        var b = _pending[at];
        var length = 1;
        if (_chineseMode && b >= 0x81 && b != 0xFF)
        {
            if (available < 2)
            {
                return 0;
            }

            var second = _pending[at + 1];
            length = second is >= 0x30 and <= 0x39 ? 4 : 2;
            if (available < length)
            {
                return 0;
            }
        }

        if (_line.Count == 0)
        {
            _lineStyle = (_bold, _underline, _width, _height, _alignment);
        }

        for (var i = 0; i < length; i++)
        {
            _line.Add(_pending[at + i]);
        }

        return length;
    }

    private int ExecuteDle(int at, int available, List<byte> responses)
    {
        if (available < 3)
        {
            return 0;
        }

        var command = _pending[at + 1];
        var n = _pending[at + 2];
        switch (command)
        {
            case 0x04:
                responses.Add(StatusByte(n));
                return 3;
            case 0x05:
                if (n == 2)
                {
                    _line.Clear();
                }

                return 3;
            case 0x14 when n == 8:
                if (available < 10)
                {
                    return 0;
                }

                _line.Clear();
                responses.AddRange([0x37, 0x25, 0x00]);
                return 10;
            case 0x14 when n == 1:
                if (available < 5)
                {
                    return 0;
                }

                _drawerPulses++;
                return 5;
            case 0x14:
                return available < 5 ? 0 : 5;
            default:
                UnknownCommandBytes += 2;
                return 2;
        }
    }

    private int ExecuteEsc(int at, int available)
    {
        if (available < 2)
        {
            return 0;
        }

        byte Arg(int i) => _pending[at + i];
        switch (Arg(1))
        {
            case (byte)'@':
                // A new job on paper that still holds a torn fragment of an earlier one (cleared, or cut off by a
                // dropped connection): the fragment stays an uncut document of its own instead of merging into this one.
                FlushPartialDocument();
                _chineseMode = _chineseModeAtPowerOn;
                _bold = _underline = false;
                _width = _height = 1;
                _alignment = TextAlignment.Left;
                return 2;
            case (byte)'E':
                if (available < 3)
                {
                    return 0;
                }

                _bold = (Arg(2) & 1) != 0;
                return 3;
            case (byte)'-':
                if (available < 3)
                {
                    return 0;
                }

                _underline = Arg(2) is 1 or 2 or 49 or 50;
                return 3;
            case (byte)'a':
                if (available < 3)
                {
                    return 0;
                }

                _alignment = (TextAlignment)(Arg(2) % 48 % 3);
                return 3;
            case (byte)'d':
                if (available < 3)
                {
                    return 0;
                }

                FinishLine();
                return 3;
            case (byte)'p':
                if (available < 5)
                {
                    return 0;
                }

                _drawerPulses++;
                return 5;
            case (byte)'B':
                if (available < 4)
                {
                    return 0;
                }

                _beeps++;
                return 4;
            case (byte)'(':
                if (available < 5)
                {
                    return 0;
                }

                var length = 5 + Arg(3) + (Arg(4) << 8);
                if (available < length)
                {
                    return 0;
                }

                if (Arg(2) == (byte)'A')
                {
                    _beeps++;
                }

                return length;
            case (byte)'t':
            case (byte)'R':
            case (byte)'M':
            case (byte)'!':
            case (byte)'3':
            case (byte)'{':
            case (byte)'=':
                return available < 3 ? 0 : 3;
            case (byte)'2':
                return 2;
            default:
                UnknownCommandBytes += 2;
                return 2;
        }
    }

    private int ExecuteGs(int at, int available, List<byte> responses)
    {
        if (available < 2)
        {
            return 0;
        }

        byte Arg(int i) => _pending[at + i];
        switch (Arg(1))
        {
            case (byte)'!':
                if (available < 3)
                {
                    return 0;
                }

                _width = ((Arg(2) >> 4) & 7) + 1;
                _height = (Arg(2) & 7) + 1;
                return 3;
            case (byte)'V':
                if (available < 3)
                {
                    return 0;
                }

                var cutLength = Arg(2) is 65 or 66 or 97 or 98 or 103 or 104 ? 4 : 3;
                if (available < cutLength)
                {
                    return 0;
                }

                FinishLine();
                FinishDocument(isCut: true);
                return cutLength;
            case (byte)'(':
                return ExecuteGsParen(at, available, responses);
            case (byte)'h':
            case (byte)'w':
            case (byte)'H':
            case (byte)'f':
            case (byte)'B':
                return available < 3 ? 0 : 3;
            case (byte)'a':
                if (available < 3)
                {
                    return 0;
                }

                _asbEnabled = Arg(2) != 0;
                if (_asbEnabled)
                {
                    WriteAsb(responses);
                }

                return 3;
            case (byte)'r':
                if (available < 3)
                {
                    return 0;
                }

                // Not real-time: answered only here, after everything before it has been printed.
                responses.Add((byte)((Conditions & VirtualPrinterConditions.PaperNearEnd) != 0 ? 0x03 : 0x00));
                return 3;
            case (byte)'k':
                return ExecuteBarcode(at, available);
            case (byte)'v':
                if (available < 8)
                {
                    return 0;
                }

                var imageLength = 8 + ((Arg(4) + (Arg(5) << 8)) * (Arg(6) + (Arg(7) << 8)));
                if (available < imageLength)
                {
                    return 0;
                }

                FinishLine();
                _images++;
                AddRasterBand(at);
                return imageLength;
            case (byte)'L':
            case (byte)'W':
                return available < 4 ? 0 : 4;
            default:
                UnknownCommandBytes += 2;
                return 2;
        }
    }

    private void AddRasterBand(int at)
    {
        var bytesPerRow = _pending[at + 4] + (_pending[at + 5] << 8);
        var rows = _pending[at + 6] + (_pending[at + 7] << 8);
        var band = new byte[bytesPerRow * rows];
        _pending.CopyTo(at + 8, band, 0, band.Length);
        if (_rasterContinues && _rasterImages.Count > 0 && _rasterImages[^1].BytesPerRow == bytesPerRow)
        {
            var previous = _rasterImages[^1];
            var joined = new byte[(previous.HeightDots * bytesPerRow) + band.Length];
            for (var y = 0; y < previous.HeightDots; y++)
            {
                previous.GetRow(y).CopyTo(joined.AsSpan(y * bytesPerRow));
            }

            band.CopyTo(joined, previous.HeightDots * bytesPerRow);
            _rasterImages[^1] = new PrintedImage(joined, bytesPerRow, previous.HeightDots + rows, previous.Bands + 1, previous.Alignment);
        }
        else
        {
            _rasterImages.Add(new PrintedImage(band, bytesPerRow, rows, 1, _alignment));
        }

        _executingRaster = true;
    }

    private int ExecuteGsParen(int at, int available, List<byte> responses)
    {
        if (available < 5)
        {
            return 0;
        }

        var function = _pending[at + 2];
        var length = 5 + _pending[at + 3] + (_pending[at + 4] << 8);
        if (available < length)
        {
            return 0;
        }

        var body = _pending.GetRange(at + 5, length - 5);
        if (function == (byte)'k' && body.Count >= 2 && body[0] == 49)
        {
            if (body[1] == 80 && body.Count >= 3)
            {
                _qrStore = [.. body.Skip(3)];
            }
            else if (body[1] == 81)
            {
                FinishLine();
                _qrCodes.Add(Encoding.UTF8.GetString(_qrStore));
            }
        }
        else if (function == (byte)'H' && body.Count == 6 && body[0] == 48)
        {
            // Process ID: sent once everything before it has printed (here, synchronously, it has).
            responses.AddRange([0x37, 0x22, body[2], body[3], body[4], body[5], 0x00]);
        }

        return length;
    }

    private int ExecuteBarcode(int at, int available)
    {
        if (available < 3)
        {
            return 0;
        }

        var m = _pending[at + 2];
        if (m <= 6)
        {
            var end = _pending.IndexOf(0, at + 3);
            if (end < 0)
            {
                return 0;
            }

            FinishLine();
            _barcodes.Add(Encoding.ASCII.GetString([.. _pending.GetRange(at + 3, end - at - 3)]));
            return end - at + 1;
        }

        if (available < 4)
        {
            return 0;
        }

        var n = _pending[at + 3];
        if (available < 4 + n)
        {
            return 0;
        }

        FinishLine();
        var data = _pending.GetRange(at + 4, n);
        _barcodes.Add(DecodeCode128(m, data));
        return 4 + n;
    }

    private static string DecodeCode128(byte m, List<byte> data)
    {
        if (m != 73 || data.Count < 2 || data[0] != (byte)'{')
        {
            return Encoding.ASCII.GetString([.. data]);
        }

        var text = new StringBuilder();
        var setC = data[1] == (byte)'C';
        for (var i = 2; i < data.Count; i++)
        {
            if (data[i] == (byte)'{' && i + 1 < data.Count)
            {
                i++;
                if (data[i] == (byte)'{')
                {
                    text.Append('{');
                }
                else
                {
                    setC = data[i] == (byte)'C';
                }

                continue;
            }

            if (setC)
            {
                text.Append(data[i].ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append((char)data[i]);
            }
        }

        return text.ToString();
    }

    private byte StatusByte(byte n)
    {
        var status = 0x12;
        var c = Conditions;
        switch (n)
        {
            case 1:
                if (IsOffline)
                {
                    status |= 0x08;
                }

                break;
            case 2:
                if ((c & VirtualPrinterConditions.CoverOpen) != 0)
                {
                    status |= 0x04;
                }

                if ((c & VirtualPrinterConditions.PaperOut) != 0)
                {
                    status |= 0x20;
                }

                if ((c & VirtualPrinterConditions.Offline) != 0)
                {
                    status |= 0x40;
                }

                break;
            case 4:
                if ((c & VirtualPrinterConditions.PaperNearEnd) != 0)
                {
                    status |= 0x0C;
                }

                if ((c & VirtualPrinterConditions.PaperOut) != 0)
                {
                    status |= 0x60;
                }

                break;
            default:
                break;
        }

        return (byte)status;
    }

    private void WriteAsb(List<byte> responses)
    {
        var c = Conditions;
        var first = 0x10 | (IsOffline ? 0x08 : 0) | ((c & VirtualPrinterConditions.CoverOpen) != 0 ? 0x20 : 0);
        var third = ((c & VirtualPrinterConditions.PaperNearEnd) != 0 ? 0x03 : 0) | ((c & VirtualPrinterConditions.PaperOut) != 0 ? 0x0C : 0);
        responses.AddRange([(byte)first, (c & VirtualPrinterConditions.Offline) != 0 ? (byte)0x04 : (byte)0, (byte)third, 0]);
    }

    private void FinishLine(bool emptyLineToo = false)
    {
        if (_line.Count == 0 && !emptyLineToo)
        {
            return;
        }

        var style = _line.Count == 0 ? (_bold, _underline, _width, _height, _alignment) : _lineStyle;
        var text = Gb18030.GetString([.. _line]);
        _lines.Add(new PrintedLine(text, style.Item1, style.Item2, style.Item3, style.Item4, style.Item5));
        _line.Clear();
    }

    private void FinishDocument(bool isCut)
    {
        _documents.Add(new PrintedDocument([.. _lines], [.. _qrCodes], [.. _barcodes], _images, [.. _rasterImages], _beeps, _drawerPulses, isCut));
        _lines.Clear();
        _rasterImages.Clear();
        _qrCodes.Clear();
        _barcodes.Clear();
        _images = _beeps = _drawerPulses = 0;
    }

    public void FlushPartialDocument()
    {
        FinishLine();
        if (_lines.Count > 0 || _qrCodes.Count > 0 || _barcodes.Count > 0 || _rasterImages.Count > 0)
        {
            FinishDocument(isCut: false);
        }
    }
}
