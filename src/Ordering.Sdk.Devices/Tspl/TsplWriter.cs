using System.Buffers;
using System.Globalization;
using Ordering.Sdk.Devices.EscPos;

namespace Ordering.Sdk.Devices.Tspl;

/// <summary>Writes TSPL label-printer commands (takeaway cup labels) into an <see cref="IBufferWriter{T}"/>.</summary>
/// <remarks>
/// Text for the Chinese fonts (<see cref="SimplifiedChinese24"/>, <see cref="SimplifiedChinese16"/>) is GB18030
/// two-byte encoded with the same replacements as <see cref="EscPosWriter"/>; a double quote inside text is
/// printed as an apostrophe (TSPL has no portable escape for it) and control characters as spaces, so text
/// can never end the command early.
/// </remarks>
/// <threadsafety>Not thread-safe: one writer per thread.</threadsafety>
public sealed class TsplWriter
{
    /// <summary>The built-in Simplified Chinese 24×24 font.</summary>
    public const string SimplifiedChinese24 = "TSS24.BF2";

    /// <summary>The built-in Simplified Chinese 16×16 font.</summary>
    public const string SimplifiedChinese16 = "TSS16.BF2";

    private IBufferWriter<byte> _output;

    /// <summary>Initializes a writer.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public TsplWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Points the writer at a new output.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public void Reset(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary><c>SIZE w mm,h mm</c>: the label size.</summary>
    /// <param name="widthMillimeters">Label width, 10–200 mm.</param>
    /// <param name="heightMillimeters">Label height, 10–400 mm.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public TsplWriter Size(int widthMillimeters, int heightMillimeters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(widthMillimeters, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widthMillimeters, 200);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightMillimeters, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heightMillimeters, 400);
        return Ascii("SIZE ").Number(widthMillimeters).Ascii(" mm,").Number(heightMillimeters).Ascii(" mm").End();
    }

    /// <summary><c>GAP m mm,n mm</c>: the gap between labels (0,0 for continuous paper).</summary>
    /// <param name="gapMillimeters">Gap height, 0–25 mm.</param>
    /// <param name="offsetMillimeters">Gap offset, 0–25 mm.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public TsplWriter Gap(int gapMillimeters, int offsetMillimeters = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gapMillimeters);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gapMillimeters, 25);
        ArgumentOutOfRangeException.ThrowIfNegative(offsetMillimeters);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offsetMillimeters, 25);
        return Ascii("GAP ").Number(gapMillimeters).Ascii(" mm,").Number(offsetMillimeters).Ascii(" mm").End();
    }

    /// <summary><c>CLS</c>: clears the image buffer; send after <see cref="Size"/>.</summary>
    /// <returns>This writer.</returns>
    public TsplWriter Clear() => Ascii("CLS").End();

    /// <summary><c>TEXT x,y,"font",rotation,xmul,ymul,"content"</c>.</summary>
    /// <param name="x">X in dots.</param>
    /// <param name="y">Y in dots.</param>
    /// <param name="font">The font name, for example <see cref="SimplifiedChinese24"/> or "3"; printable ASCII without quotes.</param>
    /// <param name="content">The text.</param>
    /// <param name="multiplier">Horizontal and vertical magnification, 1–10.</param>
    /// <param name="rotation">Rotation: 0, 90, 180 or 270.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentException">The font name is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    public TsplWriter Text(int x, int y, string font, ReadOnlySpan<char> content, int multiplier = 1, int rotation = 0)
    {
        ValidatePosition(x, y);
        ArgumentException.ThrowIfNullOrEmpty(font);
        if (!AsciiRange.AllInRange(font, '!', '~') || font.Contains('"', StringComparison.Ordinal))
        {
            throw new ArgumentException("The font name must be printable ASCII without quotes.", nameof(font));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(multiplier, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(multiplier, 10);
        ValidateRotation(rotation);
        Ascii("TEXT ").Number(x).Ascii(",").Number(y).Ascii(",\"").Ascii(font).Ascii("\",").Number(rotation).Ascii(",")
            .Number(multiplier).Ascii(",").Number(multiplier).Ascii(",\"");
        var span = _output.GetSpan(content.Length * Gb18030Text.MaxBytesPerChar);
        var written = Gb18030Text.Encode(content, span);
        span[..written].Replace((byte)'"', (byte)'\''); // GB trail bytes are >= 0x40, so 0x22 is always a real quote
        _output.Advance(written);
        return Ascii("\"").End();
    }

    /// <summary><c>QRCODE x,y,ECC,cell,A,rotation,"content"</c>.</summary>
    /// <param name="x">X in dots.</param>
    /// <param name="y">Y in dots.</param>
    /// <param name="content">Printable ASCII without double quotes (a URL or an order number).</param>
    /// <param name="cellWidth">Module size in dots, 1–10.</param>
    /// <param name="errorCorrection">The error-correction level.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentException"><paramref name="content"/> is empty or has characters outside printable ASCII or a quote.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    public TsplWriter QrCode(int x, int y, ReadOnlySpan<char> content, int cellWidth = 4, QrErrorCorrection errorCorrection = QrErrorCorrection.Medium)
    {
        ValidatePosition(x, y);
        ValidatePayload(content, nameof(content));
        ArgumentOutOfRangeException.ThrowIfLessThan(cellWidth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cellWidth, 10);
        var level = errorCorrection switch
        {
            QrErrorCorrection.Low => "L",
            QrErrorCorrection.Medium => "M",
            QrErrorCorrection.Quartile => "Q",
            QrErrorCorrection.High => "H",
            _ => throw new ArgumentOutOfRangeException(nameof(errorCorrection), errorCorrection, "Unknown error-correction level."),
        };
        return Ascii("QRCODE ").Number(x).Ascii(",").Number(y).Ascii(",").Ascii(level).Ascii(",").Number(cellWidth).Ascii(",A,0,\"")
            .Ascii(content).Ascii("\"").End();
    }

    /// <summary><c>BARCODE x,y,"128",height,1,0,2,2,"content"</c> with human-readable text.</summary>
    /// <param name="x">X in dots.</param>
    /// <param name="y">Y in dots.</param>
    /// <param name="content">Printable ASCII without double quotes.</param>
    /// <param name="height">Bar height in dots, 1–500.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentException"><paramref name="content"/> is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    public TsplWriter Code128(int x, int y, ReadOnlySpan<char> content, int height = 48)
    {
        ValidatePosition(x, y);
        ValidatePayload(content, nameof(content));
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 500);
        return Ascii("BARCODE ").Number(x).Ascii(",").Number(y).Ascii(",\"128\",").Number(height).Ascii(",1,0,2,2,\"")
            .Ascii(content).Ascii("\"").End();
    }

    /// <summary><c>PRINT sets,copies</c>: prints the label.</summary>
    /// <param name="sets">Label sets, 1–999.</param>
    /// <param name="copies">Copies of each, 1–999.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    public TsplWriter Print(int sets = 1, int copies = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sets, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sets, 999);
        ArgumentOutOfRangeException.ThrowIfLessThan(copies, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(copies, 999);
        return Ascii("PRINT ").Number(sets).Ascii(",").Number(copies).End();
    }

    private static void ValidatePosition(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x, 3200);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(y, 3200);
    }

    private static void ValidateRotation(int rotation)
    {
        if (rotation is not (0 or 90 or 180 or 270))
        {
            throw new ArgumentOutOfRangeException(nameof(rotation), rotation, "Rotation must be 0, 90, 180 or 270.");
        }
    }

    private static void ValidatePayload(ReadOnlySpan<char> content, string name)
    {
        if (content.IsEmpty || !AsciiRange.AllInRange(content, ' ', '~') || content.Contains('"'))
        {
            throw new ArgumentException("The content must be non-empty printable ASCII without double quotes.", name);
        }
    }

    private TsplWriter Ascii(ReadOnlySpan<char> text)
    {
        var span = _output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        _output.Advance(text.Length);
        return this;
    }

    private TsplWriter Number(int value)
    {
        var span = _output.GetSpan(11);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        _output.Advance(written);
        return this;
    }

    private TsplWriter End() => Ascii("\r\n");
}
