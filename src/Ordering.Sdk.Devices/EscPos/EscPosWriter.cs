using System.Buffers;
using System.Text;

namespace Ordering.Sdk.Devices.EscPos;

/// <summary>
/// Writes ESC/POS commands and GB18030 text straight into an <see cref="IBufferWriter{T}"/>, allocating nothing.
/// </summary>
/// <remarks>
/// <para>
/// Text is encoded in Chinese (Kanji) mode as GB18030 two-byte characters; FS &amp; is sent automatically
/// before the first non-ASCII text unless the <see cref="PrinterProfile.ChineseModeAtPowerOn"/>. Characters
/// the printers cannot print are replaced, never sent as raw bytes: ¥ → ￥, • → ·, ™ → TM, © → (C),
/// ® → (R), ¼ ½ ¾ → 1/4 1/2 3/4, no-break space → space, any other character without a two-byte GB18030
/// form (emoji, rare supplementary ideographs) → <c>?</c>, and every control character (including CR, LF
/// and TAB inside text) → a space. User text therefore can never become a printer command.
/// </para>
/// <para>
/// Widths are counted in printer columns: ASCII is 1, a Chinese character 2, times the current width
/// multiplier (<see cref="Size"/>). Rows wider than the paper are wrapped inside their column, and a
/// <see cref="ColumnLayout"/> wider than the paper is refused.
/// </para>
/// <para>Reuse one writer per thread with <see cref="Reset"/> to keep the hot path allocation-free.</para>
/// </remarks>
/// <threadsafety>Not thread-safe: one writer per thread.</threadsafety>
public sealed partial class EscPosWriter
{
    private const byte Esc = 0x1B;
    private const byte Gs = 0x1D;
    private const byte Fs = 0x1C;
    private const byte Lf = 0x0A;

    private IBufferWriter<byte> _output;
    private bool _chineseMode;
    private bool _atLineStart = true;
    private int _widthMultiplier = 1;

    // Profile.Columns / _widthMultiplier, kept in step with every size change so a row costs no division.
    private int _columns;

    /// <summary>Initializes a writer for a printer family.</summary>
    /// <param name="output">Where the bytes go, for example a pooled <see cref="ArrayBufferWriter{T}"/> or a <c>PipeWriter</c>.</param>
    /// <param name="profile">The printer family.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException"><paramref name="profile"/> is invalid.</exception>
    public EscPosWriter(IBufferWriter<byte> output, PrinterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        _output = output;
        Profile = profile;
        _chineseMode = profile.ChineseModeAtPowerOn;
        _columns = profile.Columns;
    }

    /// <summary>Gets the printer family this writer targets.</summary>
    public PrinterProfile Profile { get; }

    /// <summary>Gets the number of columns on a line at the current character width.</summary>
    public int Columns => _columns;

    /// <summary>Points the writer at a new output and forgets all tracked printer state, as for a new job.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is <see langword="null"/>.</exception>
    public void Reset(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _chineseMode = Profile.ChineseModeAtPowerOn;
        _atLineStart = true;
        _widthMultiplier = 1;
        _columns = Profile.Columns;
    }

    /// <summary>Gets the printed width, in columns at normal size, of <paramref name="text"/> (ASCII 1, Chinese 2).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The width in columns.</returns>
    public static int MeasureWidth(ReadOnlySpan<char> text) => Gb18030Text.Width(text);

    /// <summary>ESC @: resets the printer's print modes. Chinese mode returns to the profile's power-on state.</summary>
    /// <returns>This writer.</returns>
    public EscPosWriter Initialize()
    {
        Write2(Esc, (byte)'@');
        _chineseMode = Profile.ChineseModeAtPowerOn;
        _widthMultiplier = 1;
        _columns = Profile.Columns;
        _atLineStart = true;
        return this;
    }

    /// <summary>FS &amp;: selects Chinese mode, where bytes from 0x81 start a two-byte GB character.</summary>
    /// <returns>This writer.</returns>
    public EscPosWriter EnterChineseMode()
    {
        Write2(Fs, (byte)'&');
        _chineseMode = true;
        return this;
    }

    /// <summary>FS .: cancels Chinese mode. The next non-ASCII text re-enters it automatically.</summary>
    /// <returns>This writer.</returns>
    public EscPosWriter ExitChineseMode()
    {
        Write2(Fs, (byte)'.');
        _chineseMode = false;
        return this;
    }

    /// <summary>ESC E n: emphasized (bold) on or off.</summary>
    /// <param name="on">Whether bold is on.</param>
    /// <returns>This writer.</returns>
    public EscPosWriter Bold(bool on)
    {
        Write3(Esc, (byte)'E', on ? (byte)1 : (byte)0);
        return this;
    }

    /// <summary>ESC - n and FS - n: underline for ASCII and Chinese characters.</summary>
    /// <param name="mode">The underline thickness.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is undefined.</exception>
    public EscPosWriter Underline(UnderlineMode mode)
    {
        if ((uint)mode > (uint)UnderlineMode.Thick)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown underline mode.");
        }

        var span = _output.GetSpan(6);
        span[0] = Esc;
        span[1] = (byte)'-';
        span[2] = (byte)mode;
        span[3] = Fs;
        span[4] = (byte)'-';
        span[5] = (byte)mode;
        _output.Advance(6);
        return this;
    }

    /// <summary>ESC a n: justification of the lines that follow (takes effect at the start of a line).</summary>
    /// <param name="alignment">The justification.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alignment"/> is undefined.</exception>
    public EscPosWriter Align(TextAlignment alignment)
    {
        if ((uint)alignment > (uint)TextAlignment.Right)
        {
            throw new ArgumentOutOfRangeException(nameof(alignment), alignment, "Unknown alignment.");
        }

        Write3(Esc, (byte)'a', (byte)alignment);
        return this;
    }

    /// <summary>GS ! n: character width and height multipliers, for ASCII and Chinese characters alike.</summary>
    /// <param name="width">Width multiplier, 1–8. <see cref="Columns"/> shrinks accordingly.</param>
    /// <param name="height">Height multiplier, 1–8.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A multiplier is outside 1–8.</exception>
    public EscPosWriter Size(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 8);
        Write3(Gs, (byte)'!', (byte)(((width - 1) << 4) | (height - 1)));
        _widthMultiplier = width;
        _columns = Profile.Columns / width;
        return this;
    }

    /// <summary>Writes text without ending the line. See the remarks on <see cref="EscPosWriter"/> for replacements.</summary>
    /// <param name="text">The text.</param>
    /// <returns>This writer.</returns>
    public EscPosWriter Text(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return this;
        }

        if (!_chineseMode && NeedsChineseMode(text))
        {
            EnterChineseMode();
        }

        var span = _output.GetSpan(checked(text.Length * Gb18030Text.MaxBytesPerChar));
        var written = Gb18030Text.Encode(text, span);
        _output.Advance(written);
        _atLineStart = false;
        return this;
    }

    /// <summary>Writes text and ends the line (LF).</summary>
    /// <param name="text">The text.</param>
    /// <returns>This writer.</returns>
    public EscPosWriter Line(ReadOnlySpan<char> text) => Text(text).NewLine();

    /// <summary>LF: prints the line buffer and feeds one line.</summary>
    /// <returns>This writer.</returns>
    public EscPosWriter NewLine()
    {
        var span = _output.GetSpan(1);
        span[0] = Lf;
        _output.Advance(1);
        _atLineStart = true;
        return this;
    }

    /// <summary>ESC d n: prints and feeds <paramref name="lines"/> lines.</summary>
    /// <param name="lines">Lines to feed, 0–255.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lines"/> is outside 0–255.</exception>
    public EscPosWriter Feed(int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lines, 255);
        Write3(Esc, (byte)'d', (byte)lines);
        _atLineStart = true;
        return this;
    }

    /// <summary>Writes a full-width line of <paramref name="fill"/> characters (an ASCII character, for example '-').</summary>
    /// <param name="fill">The printable ASCII character to repeat.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fill"/> is not printable ASCII.</exception>
    public EscPosWriter Separator(char fill = '-')
    {
        if (fill is < ' ' or > '~')
        {
            throw new ArgumentOutOfRangeException(nameof(fill), fill, "The separator must be a printable ASCII character.");
        }

        var count = Columns;
        var span = _output.GetSpan(count + 1);
        span[..count].Fill((byte)fill);
        span[count] = Lf;
        _output.Advance(count + 1);
        _atLineStart = true;
        return this;
    }

    /// <summary>
    /// Writes <paramref name="left"/> left-aligned and <paramref name="right"/> right-aligned on one line; a left
    /// part too long to fit wraps onto further lines within its column.
    /// </summary>
    /// <param name="left">The left text.</param>
    /// <param name="right">The right text.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentException"><paramref name="right"/> leaves fewer than 2 columns for <paramref name="left"/>.</exception>
    public EscPosWriter Row(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var rightWidth = Gb18030Text.Width(right);
        if (rightWidth == 0)
        {
            return Row(new ColumnLayout(Columns), left, default, default);
        }

        rightWidth = Math.Max(rightWidth, 2);

        var leftWidth = Columns - rightWidth - 1;
        if (leftWidth < 2)
        {
            throw new ArgumentException($"The right-hand text is {rightWidth} columns wide; a {Columns}-column line at this size has no room for the left-hand text.", nameof(right));
        }

        return Row(new ColumnLayout(leftWidth, rightWidth), left, right, default);
    }

    /// <summary>Writes one row of up to three columns; text that does not fit wraps onto further lines within its column.</summary>
    /// <param name="layout">The column widths.</param>
    /// <param name="first">Text of the left-aligned first column.</param>
    /// <param name="second">Text of the right-aligned second column.</param>
    /// <param name="third">Text of the right-aligned third column.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentException">The layout is wider than <see cref="Columns"/>, or text is given for an absent column.</exception>
    public EscPosWriter Row(ColumnLayout layout, ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third)
    {
        if (layout.First == 0)
        {
            throw new ArgumentException("The column layout is empty; create it with its constructor.", nameof(layout));
        }

        if (layout.TotalWidth > Columns)
        {
            throw new ArgumentException(
                $"The column layout needs {layout.TotalWidth} columns but printer profile '{Profile.Name}' has {Columns} at width x{_widthMultiplier}.",
                nameof(layout));
        }

        if ((layout.Second == 0 && !second.IsEmpty) || (layout.Third == 0 && !third.IsEmpty))
        {
            throw new ArgumentException("Text was given for a column the layout does not have.", nameof(layout));
        }

        if (!_chineseMode && (NeedsChineseMode(first) || NeedsChineseMode(second) || NeedsChineseMode(third)))
        {
            EnterChineseMode();
        }

        // Each printed line is composed in one span and committed with one Advance. A line's bytes equal its
        // columns (see Gb18030Text), plus at most one overhanging wide substitute per cell, plus the LF.
        var lineBytes = layout.TotalWidth + 4;
        do
        {
            var span = _output.GetSpan(lineBytes);
            var (at, taken) = WriteCell(span, 0, first, layout.First, rightAligned: false, isLast: layout.Second == 0);
            first = first[taken..];
            if (layout.Second > 0)
            {
                span[at++] = (byte)' ';
                (at, taken) = WriteCell(span, at, second, layout.Second, rightAligned: true, isLast: layout.Third == 0);
                second = second[taken..];
            }

            if (layout.Third > 0)
            {
                span[at++] = (byte)' ';
                (at, taken) = WriteCell(span, at, third, layout.Third, rightAligned: true, isLast: true);
                third = third[taken..];
            }

            span[at++] = Lf;
            _output.Advance(at);
        }
        while (!first.IsEmpty || !second.IsEmpty || !third.IsEmpty);

        _atLineStart = true;
        return this;
    }

    /// <summary>
    /// Prints a QR code (model 2) the way the profile's <see cref="PrinterProfile.QrCodes"/> says: natively with GS ( k
    /// (model, module size, error correction, store, print), or, for <see cref="QrSupport.RasterImage"/>, rendered by the
    /// SDK (byte mode, smallest version that fits) and printed as a GS v 0 raster image with a 4-module quiet zone,
    /// placed by the current justification (<see cref="Align"/>).
    /// </summary>
    /// <param name="data">The payload bytes (a payment URL is ASCII; other text should be UTF-8).</param>
    /// <param name="moduleSize">Dots per module, 1 to <see cref="PrinterProfile.MaxQrModuleSize"/>.</param>
    /// <param name="errorCorrection">The error-correction level.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="data"/> is empty, longer than <see cref="PrinterProfile.MaxQrDataBytes"/> or, for a raster image,
    /// more than a version 40 symbol holds at <paramref name="errorCorrection"/>; or the raster symbol at
    /// <paramref name="moduleSize"/> is wider than <see cref="PrinterProfile.PrintableDots"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="moduleSize"/> or <paramref name="errorCorrection"/> is out of range.</exception>
    /// <exception cref="NotSupportedException">The profile cannot print QR codes (<see cref="QrSupport.None"/>).</exception>
    public EscPosWriter QrCode(ReadOnlySpan<byte> data, int moduleSize = 6, QrErrorCorrection errorCorrection = QrErrorCorrection.Medium)
    {
        if (Profile.QrCodes == QrSupport.None)
        {
            throw new NotSupportedException($"Printer profile '{Profile.Name}' cannot print QR codes.");
        }

        if (data.IsEmpty || data.Length > Profile.MaxQrDataBytes)
        {
            throw new ArgumentException($"The QR payload is {data.Length} bytes; printer profile '{Profile.Name}' accepts 1 to {Profile.MaxQrDataBytes}.", nameof(data));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(moduleSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(moduleSize, Profile.MaxQrModuleSize);
        if ((uint)errorCorrection > (uint)QrErrorCorrection.High)
        {
            throw new ArgumentOutOfRangeException(nameof(errorCorrection), errorCorrection, "Unknown error-correction level.");
        }

        if (Profile.QrCodes == QrSupport.RasterImage)
        {
            return QrImage(data, moduleSize, errorCorrection);
        }

        EnsureLineStart();
        var storeLength = data.Length + 3;
        var span = _output.GetSpan(9 + 8 + 8 + 8 + data.Length + 8);
        ReadOnlySpan<byte> model = [Gs, (byte)'(', (byte)'k', 4, 0, 49, 65, 50, 0];
        model.CopyTo(span);
        var at = model.Length;
        span[at++] = Gs;
        span[at++] = (byte)'(';
        span[at++] = (byte)'k';
        span[at++] = 3;
        span[at++] = 0;
        span[at++] = 49;
        span[at++] = 67;
        span[at++] = (byte)moduleSize;
        span[at++] = Gs;
        span[at++] = (byte)'(';
        span[at++] = (byte)'k';
        span[at++] = 3;
        span[at++] = 0;
        span[at++] = 49;
        span[at++] = 69;
        span[at++] = (byte)(48 + (int)errorCorrection);
        span[at++] = Gs;
        span[at++] = (byte)'(';
        span[at++] = (byte)'k';
        span[at++] = (byte)(storeLength & 0xFF);
        span[at++] = (byte)(storeLength >> 8);
        span[at++] = 49;
        span[at++] = 80;
        span[at++] = 48;
        data.CopyTo(span[at..]);
        at += data.Length;
        ReadOnlySpan<byte> print = [Gs, (byte)'(', (byte)'k', 3, 0, 49, 81, 48];
        print.CopyTo(span[at..]);
        at += print.Length;
        _output.Advance(at);
        return this;
    }

    /// <summary>Prints a QR code of <paramref name="text"/> encoded as UTF-8 (a payment URL is plain ASCII), natively or as a raster image per the profile.</summary>
    /// <param name="text">The payload text.</param>
    /// <param name="moduleSize">Dots per module.</param>
    /// <param name="errorCorrection">The error-correction level.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentException">
    /// The UTF-8 payload is empty or too long for the profile or the QR code (the limit is in bytes, not characters), or
    /// the raster symbol at <paramref name="moduleSize"/> is wider than the paper.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="moduleSize"/> or <paramref name="errorCorrection"/> is out of range.</exception>
    /// <exception cref="NotSupportedException">The profile cannot print QR codes (<see cref="QrSupport.None"/>).</exception>
    public EscPosWriter QrCode(ReadOnlySpan<char> text, int moduleSize = 6, QrErrorCorrection errorCorrection = QrErrorCorrection.Medium)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount == 0 || byteCount > Profile.MaxQrDataBytes)
        {
            throw new ArgumentException($"The QR payload is {byteCount} UTF-8 bytes; printer profile '{Profile.Name}' accepts 1 to {Profile.MaxQrDataBytes}.", nameof(text));
        }

        if (Profile.QrCodes == QrSupport.RasterImage && (uint)errorCorrection <= (uint)QrErrorCorrection.High
            && byteCount > Qr.QrCapacity.MaxPayloadBytes(Qr.QrCapacity.MaxVersion, errorCorrection))
        {
            throw new ArgumentException(TooLargeMessage(byteCount, errorCorrection), nameof(text));
        }

        if (byteCount <= 512)
        {
            Span<byte> scratch = stackalloc byte[512];
            var length = Encoding.UTF8.GetBytes(text, scratch);
            return QrCode(scratch[..length], moduleSize, errorCorrection);
        }

        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var length = Encoding.UTF8.GetBytes(text, rented);
            return QrCode(rented.AsSpan(0, length), moduleSize, errorCorrection);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Prints a CODE128 barcode (GS h, GS w, GS H, then GS k 73 with the code-set selector).</summary>
    /// <param name="data">The characters to encode: 0x20–0x5F for set A, 0x20–0x7E for set B, an even number of digits for set C.</param>
    /// <param name="subset">The code set.</param>
    /// <param name="height">Bar height in dots, 1–255.</param>
    /// <param name="moduleWidth">Narrow bar width in dots, 2–6.</param>
    /// <param name="textPosition">Where the human-readable text goes.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentException"><paramref name="data"/> is empty, too long, or has a character the code set cannot encode.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A numeric argument or enum is out of range.</exception>
    public EscPosWriter Code128(
        ReadOnlySpan<char> data,
        Code128Subset subset = Code128Subset.B,
        int height = 80,
        int moduleWidth = 2,
        BarcodeTextPosition textPosition = BarcodeTextPosition.Below)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 255);
        ArgumentOutOfRangeException.ThrowIfLessThan(moduleWidth, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(moduleWidth, 6);
        if ((uint)textPosition > (uint)BarcodeTextPosition.Both || (uint)subset > (uint)Code128Subset.C)
        {
            throw new ArgumentOutOfRangeException(nameof(subset), "Unknown code set or text position.");
        }

        var payloadLength = Code128PayloadLength(data, subset);
        if (payloadLength > 253)
        {
            throw new ArgumentException($"The barcode needs {payloadLength} data bytes; GS k allows 253 after the code-set selector.", nameof(data));
        }

        EnsureLineStart();
        // GS h n, GS w n, GS H n (9 bytes) + GS k 73 n (4) + the code-set selector "{A".."{C" (2) + data.
        var span = _output.GetSpan(9 + 4 + 2 + payloadLength);
        span[0] = Gs;
        span[1] = (byte)'h';
        span[2] = (byte)height;
        span[3] = Gs;
        span[4] = (byte)'w';
        span[5] = (byte)moduleWidth;
        span[6] = Gs;
        span[7] = (byte)'H';
        span[8] = (byte)textPosition;
        span[9] = Gs;
        span[10] = (byte)'k';
        span[11] = 73;
        span[12] = (byte)(payloadLength + 2);
        span[13] = (byte)'{';
        span[14] = (byte)('A' + (int)subset);
        var at = 15;
        if (subset == Code128Subset.C)
        {
            for (var i = 0; i < data.Length; i += 2)
            {
                span[at++] = (byte)(((data[i] - '0') * 10) + (data[i + 1] - '0'));
            }
        }
        else
        {
            foreach (var c in data)
            {
                if (c == '{')
                {
                    span[at++] = (byte)'{'; // a literal brace is sent doubled, or the printer reads a code-set switch
                }

                span[at++] = (byte)c;
            }
        }

        _output.Advance(at);
        _atLineStart = true;
        return this;
    }

    /// <summary>Prints a 1-bit raster image with GS v 0, split into bands of <see cref="PrinterProfile.RasterBandRows"/> rows.</summary>
    /// <param name="rows">Packed rows, most significant bit = leftmost dot, 1 = black; (<paramref name="widthDots"/> + 7) / 8 bytes per row.</param>
    /// <param name="widthDots">Image width in dots, at most <see cref="PrinterProfile.PrintableDots"/>.</param>
    /// <param name="heightDots">Image height in dots.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentException"><paramref name="rows"/> has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The image is wider than the paper or has no rows.</exception>
    public EscPosWriter RasterImage(ReadOnlySpan<byte> rows, int widthDots, int heightDots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(widthDots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widthDots, Profile.PrintableDots);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightDots, 1);
        var bytesPerRow = (widthDots + 7) / 8;
        if (rows.Length != checked(bytesPerRow * heightDots))
        {
            throw new ArgumentException($"A {widthDots}x{heightDots} image needs {bytesPerRow * heightDots} bytes of packed rows; {rows.Length} were given.", nameof(rows));
        }

        EnsureLineStart();
        for (var row = 0; row < heightDots; row += Profile.RasterBandRows)
        {
            var bandRows = Math.Min(Profile.RasterBandRows, heightDots - row);
            var band = rows.Slice(row * bytesPerRow, bandRows * bytesPerRow);
            var span = _output.GetSpan(8 + band.Length);
            span[0] = Gs;
            span[1] = (byte)'v';
            span[2] = (byte)'0';
            span[3] = 0;
            span[4] = (byte)(bytesPerRow & 0xFF);
            span[5] = (byte)(bytesPerRow >> 8);
            span[6] = (byte)(bandRows & 0xFF);
            span[7] = (byte)(bandRows >> 8);
            band.CopyTo(span[8..]);
            _output.Advance(8 + band.Length);
        }

        return this;
    }

    /// <summary>Cuts the paper with the profile's cut command, ending the current line first if needed.</summary>
    /// <returns>This writer.</returns>
    public EscPosWriter Cut()
    {
        EnsureLineStart();
        switch (Profile.Cut)
        {
            case CutStyle.FeedThenPartial:
                Write4(Gs, (byte)'V', 66, 0);
                break;
            case CutStyle.FeedThenFull:
                Write4(Gs, (byte)'V', 65, 0);
                break;
            case CutStyle.Partial:
                Write3(Gs, (byte)'V', 1);
                break;
            default:
                Write3(Gs, (byte)'V', 0);
                break;
        }

        return this;
    }

    /// <summary>ESC p m t1 t2: pulses the cash-drawer kick connector.</summary>
    /// <param name="pin">The connector pin.</param>
    /// <param name="onMilliseconds">Pulse ON time, 2–510 ms (sent in 2 ms units).</param>
    /// <param name="offMilliseconds">Pulse OFF time, 2–510 ms; drawer makers recommend at least four times the ON time.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public EscPosWriter PulseDrawer(CashDrawerPin pin = CashDrawerPin.Pin2, int onMilliseconds = 120, int offMilliseconds = 480)
    {
        if ((uint)pin > (uint)CashDrawerPin.Pin5)
        {
            throw new ArgumentOutOfRangeException(nameof(pin), pin, "Unknown drawer pin.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(onMilliseconds, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(onMilliseconds, 510);
        ArgumentOutOfRangeException.ThrowIfLessThan(offMilliseconds, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offMilliseconds, 510);
        var span = _output.GetSpan(5);
        span[0] = Esc;
        span[1] = (byte)'p';
        span[2] = (byte)pin;
        span[3] = (byte)(onMilliseconds / 2);
        span[4] = (byte)(offMilliseconds / 2);
        _output.Advance(5);
        return this;
    }

    /// <summary>Sounds the buzzer in the profile's dialect; does nothing when the profile has no buzzer.</summary>
    /// <param name="times">Number of beeps, 1–9.</param>
    /// <param name="duration">Length of each beep in the printer's unit (50–100 ms on ESC B printers, 100 ms on Epson), 1–9.</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside 1–9.</exception>
    public EscPosWriter Beep(int times = 2, int duration = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(times, 9);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration, 9);
        switch (Profile.Beeper)
        {
            case BeeperDialect.EscB:
                Write4(Esc, (byte)'B', (byte)times, (byte)duration);
                break;
            case BeeperDialect.EpsonEscParenA:
                ReadOnlySpan<byte> head = [Esc, (byte)'(', (byte)'A', 4, 0, 48, 49];
                var span = _output.GetSpan(head.Length + 2);
                head.CopyTo(span);
                span[head.Length] = (byte)times;
                span[head.Length + 1] = (byte)duration;
                _output.Advance(head.Length + 2);
                break;
            default:
                break;
        }

        return this;
    }

    /// <summary>
    /// Asks the printer to confirm, once everything before it has printed, in the profile's way: GS ( H with
    /// <paramref name="processId"/>, or GS r 1.
    /// </summary>
    /// <param name="processId">Four bytes in 0x20–0x7E identifying the job (used by <see cref="CompletionSignal.ProcessId"/>).</param>
    /// <returns>This writer.</returns>
    /// <exception cref="ArgumentException"><paramref name="processId"/> is not four printable ASCII bytes.</exception>
    public EscPosWriter RequestCompletion(ReadOnlySpan<byte> processId)
    {
        if (processId.Length != 4 || !AsciiRange.AllInRange(processId, 0x20, 0x7E))
        {
            throw new ArgumentException("A process ID is exactly four bytes in 0x20–0x7E.", nameof(processId));
        }

        if (Profile.CompletionSignal == CompletionSignal.ProcessId)
        {
            ReadOnlySpan<byte> head = [Gs, (byte)'(', (byte)'H', 6, 0, 48, 48];
            var span = _output.GetSpan(head.Length + 4);
            head.CopyTo(span);
            processId.CopyTo(span[head.Length..]);
            _output.Advance(head.Length + 4);
        }
        else
        {
            Write3(Gs, (byte)'r', 1);
        }

        return this;
    }

    /// <summary>GS a n: enables Automatic Status Back for drawer, online, error and paper changes (n = 0xFF).</summary>
    /// <returns>This writer.</returns>
    public EscPosWriter EnableAutomaticStatusBack()
    {
        Write3(Gs, (byte)'a', 0xFF);
        return this;
    }

    private static bool NeedsChineseMode(ReadOnlySpan<char> text) => !AsciiRange.AllInRange(text, '\0', '\u007F');

    private static int Code128PayloadLength(ReadOnlySpan<char> data, Code128Subset subset)
    {
        if (data.IsEmpty)
        {
            throw new ArgumentException("A barcode needs at least one character.", nameof(data));
        }

        var length = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            var valid = subset switch
            {
                Code128Subset.A => c is >= ' ' and <= '_',
                Code128Subset.B => c is >= ' ' and <= '~',
                _ => char.IsAsciiDigit(c),
            };
            if (!valid)
            {
                throw new ArgumentException($"Character {i} (U+{(int)c:X4}) cannot be encoded in CODE128 code set {subset}.", nameof(data));
            }

            length += c == '{' ? 2 : 1;
        }

        if (subset == Code128Subset.C)
        {
            if (data.Length % 2 != 0)
            {
                throw new ArgumentException("CODE128 code set C needs an even number of digits.", nameof(data));
            }

            length = data.Length / 2;
        }

        return length;
    }

    // Writes as much of text as fits the cell at span[at..] (left-aligned and padded unless last, or
    // right-aligned) and returns the new position and how many chars of text it took. (A tuple rather than a
    // ref parameter: the row's texts then stay in registers.)
    private static (int At, int Taken) WriteCell(Span<byte> span, int at, ReadOnlySpan<char> text, int width, bool rightAligned, bool isLast)
    {
        var (used, taken) = Gb18030Text.EncodePrefix(text, width, span[at..]);
        if (taken == 0 && !text.IsEmpty)
        {
            // A wide substitute ("(C)") in a 2-column cell: printed whole, overhanging, rather than looping forever.
            Gb18030Text.ElementWidth(text, 0, out taken);
            at += Gb18030Text.Encode(text[..taken], span[at..]);
        }
        else if (rightAligned)
        {
            // Encoded in place first (one pass instead of measure-then-encode), then shifted right past the padding.
            var pad = width - used;
            if (pad > 0)
            {
                for (var i = used - 1; i >= 0; i--)
                {
                    span[at + pad + i] = span[at + i];
                }

                span.Slice(at, pad).Fill((byte)' ');
            }

            at += width;
        }
        else
        {
            at += used;
            if (!isLast)
            {
                span.Slice(at, width - used).Fill((byte)' ');
                at += width - used;
            }
        }

        return (at, taken);
    }

    private void EnsureLineStart()
    {
        if (!_atLineStart)
        {
            NewLine();
        }
    }

    private void Write2(byte a, byte b)
    {
        var span = _output.GetSpan(2);
        span[0] = a;
        span[1] = b;
        _output.Advance(2);
    }

    private void Write3(byte a, byte b, byte c)
    {
        var span = _output.GetSpan(3);
        span[0] = a;
        span[1] = b;
        span[2] = c;
        _output.Advance(3);
    }

    private void Write4(byte a, byte b, byte c, byte d)
    {
        var span = _output.GetSpan(4);
        span[0] = a;
        span[1] = b;
        span[2] = c;
        span[3] = d;
        _output.Advance(4);
    }
}
