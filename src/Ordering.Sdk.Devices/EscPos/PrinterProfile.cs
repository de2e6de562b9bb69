namespace Ordering.Sdk.Devices.EscPos;

/// <summary>
/// What a printer family can do and how it wants to be spoken to, as data: the writer and layouts read
/// these properties instead of branching on printer brands.
/// </summary>
/// <remarks>
/// Use one of the presets (<see cref="EpsonCompatible80"/>, <see cref="ChineseClone80"/>,
/// <see cref="ChineseClone58"/>) or derive one with a <see langword="with"/>-style copy via
/// <see cref="PrinterProfile(PrinterProfile)"/> and object initializers.
/// </remarks>
/// <threadsafety>Immutable once built; safe to share across threads and writers.</threadsafety>
public sealed class PrinterProfile
{
    /// <summary>Initializes a profile with the values of <see cref="EpsonCompatible80"/>.</summary>
    public PrinterProfile()
    {
    }

    /// <summary>Initializes a profile as a copy of <paramref name="other"/>, to adjust with object initializers.</summary>
    /// <param name="other">The profile to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public PrinterProfile(PrinterProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Name = other.Name;
        Columns = other.Columns;
        PrintableDots = other.PrintableDots;
        ChineseModeAtPowerOn = other.ChineseModeAtPowerOn;
        Beeper = other.Beeper;
        QrCodes = other.QrCodes;
        MaxQrDataBytes = other.MaxQrDataBytes;
        MaxQrModuleSize = other.MaxQrModuleSize;
        CompletionSignal = other.CompletionSignal;
        Cut = other.Cut;
        RasterBandRows = other.RasterBandRows;
        AutomaticStatusBack = other.AutomaticStatusBack;
    }

    /// <summary>Gets an Epson-compatible 80 mm printer (Simplified Chinese model): 48 columns, GS ( H completion, ESC ( A beeper.</summary>
    public static PrinterProfile EpsonCompatible80 { get; } = new();

    /// <summary>Gets an Xprinter/Gprinter-style 80 mm Chinese clone: Chinese mode at power-on, ESC B beeper, GS r 1 completion, QR up to 1020 bytes.</summary>
    public static PrinterProfile ChineseClone80 { get; } = new()
    {
        Name = "chinese-clone-80",
        ChineseModeAtPowerOn = true,
        Beeper = BeeperDialect.EscB,
        MaxQrDataBytes = 1020,
        MaxQrModuleSize = 8,
        CompletionSignal = CompletionSignal.PaperSensorStatus,
        AutomaticStatusBack = false,
    };

    /// <summary>
    /// Gets a 58 mm Chinese clone: 32 columns, 384 dots, no buzzer, smaller raster bands, and QR codes rendered by the SDK
    /// as raster images (<see cref="QrSupport.RasterImage"/>), because many 58 mm models (POS-5802LD, HOIN HOP-H58 and
    /// other Bluetooth clones) lack GS ( k and only know a vendor ESC Z variant.
    /// </summary>
    public static PrinterProfile ChineseClone58 { get; } = new(ChineseClone80)
    {
        Name = "chinese-clone-58",
        Columns = 32,
        PrintableDots = 384,
        Beeper = BeeperDialect.None,
        QrCodes = QrSupport.RasterImage,
        RasterBandRows = 128,
    };

    /// <summary>Gets the profile's name, used in logs and error messages.</summary>
    /// <value>The default value is <c>epson-compatible-80</c>.</value>
    public string Name { get; init; } = "epson-compatible-80";

    /// <summary>Gets the number of Font A columns per line at normal size (80 mm = 48, 58 mm = 32).</summary>
    /// <value>The default value is 48.</value>
    public int Columns { get; init; } = 48;

    /// <summary>Gets the printable width in dots (80 mm at 203 dpi = 576, 58 mm = 384).</summary>
    /// <value>The default value is 576.</value>
    public int PrintableDots { get; init; } = 576;

    /// <summary>Gets a value indicating whether the printer starts in Chinese (Kanji) mode, so FS &amp; need not be sent.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ChineseModeAtPowerOn { get; init; }

    /// <summary>Gets how the buzzer is sounded.</summary>
    /// <value>The default value is <see cref="BeeperDialect.EpsonEscParenA"/>.</value>
    public BeeperDialect Beeper { get; init; } = BeeperDialect.EpsonEscParenA;

    /// <summary>Gets how QR codes are printed: by the printer (GS ( k), by the SDK as a raster image, or not at all (order number instead).</summary>
    /// <value>The default value is <see cref="QrSupport.Native"/>; <see cref="ChineseClone58"/> uses <see cref="QrSupport.RasterImage"/>.</value>
    public QrSupport QrCodes { get; init; } = QrSupport.Native;

    /// <summary>Gets the largest QR payload in bytes the printer accepts (with <see cref="QrSupport.RasterImage"/>, the largest the SDK renders; a QR code holds at most 2953 bytes at level L).</summary>
    /// <value>The default value is 7089 (Epson); HPRT-style clones accept fewer than 1021.</value>
    public int MaxQrDataBytes { get; init; } = 7089;

    /// <summary>Gets the largest QR module size in dots.</summary>
    /// <value>The default value is 16.</value>
    public int MaxQrModuleSize { get; init; } = 16;

    /// <summary>Gets how the printer confirms that a job has been printed.</summary>
    /// <value>The default value is <see cref="EscPos.CompletionSignal.ProcessId"/>.</value>
    public CompletionSignal CompletionSignal { get; init; } = CompletionSignal.ProcessId;

    /// <summary>Gets the cut command.</summary>
    /// <value>The default value is <see cref="CutStyle.FeedThenPartial"/>.</value>
    public CutStyle Cut { get; init; } = CutStyle.FeedThenPartial;

    /// <summary>Gets the number of raster rows sent per GS v 0 band (cheap printers have small buffers).</summary>
    /// <value>The default value is 256.</value>
    public int RasterBandRows { get; init; } = 256;

    /// <summary>
    /// Gets a value indicating whether the print queue enables Automatic Status Back (GS a) on connections that can
    /// read, so paper-out, cover-open and offline changes reported while a job runs become alerts at once and end the
    /// wait for the completion signal early. Off for clones whose ASB is known to be unreliable (DLE EOT still works).
    /// </summary>
    /// <value>The default value is <see langword="true"/>; <see cref="ChineseClone80"/> and <see cref="ChineseClone58"/> have it off.</value>
    public bool AutomaticStatusBack { get; init; } = true;

    /// <summary>Checks every property and reports all problems at once.</summary>
    /// <exception cref="OptionsValidationException">A property is out of range.</exception>
    public void Validate()
    {
        List<string>? failures = null;
        void Fail(string message) => (failures ??= []).Add(message);

        if (string.IsNullOrWhiteSpace(Name))
        {
            Fail("Name must not be empty.");
        }

        if (Columns is < 16 or > 96)
        {
            Fail($"Columns must be between 16 and 96 (80 mm = 48, 58 mm = 32); it is {Columns}.");
        }

        if (PrintableDots is < 8 or > 2048)
        {
            Fail($"PrintableDots must be between 8 and 2048; it is {PrintableDots}.");
        }

        if (!Enum.IsDefined(Beeper) || !Enum.IsDefined(QrCodes) || !Enum.IsDefined(CompletionSignal) || !Enum.IsDefined(Cut))
        {
            Fail("Beeper, QrCodes, CompletionSignal and Cut must be defined enum values.");
        }

        if (MaxQrDataBytes is < 1 or > 7089)
        {
            Fail($"MaxQrDataBytes must be between 1 and 7089; it is {MaxQrDataBytes}.");
        }

        if (MaxQrModuleSize is < 1 or > 16)
        {
            Fail($"MaxQrModuleSize must be between 1 and 16; it is {MaxQrModuleSize}.");
        }

        if (RasterBandRows is < 1 or > 2303)
        {
            Fail($"RasterBandRows must be between 1 and 2303; it is {RasterBandRows}.");
        }

        if (failures is not null)
        {
            throw new OptionsValidationException(nameof(PrinterProfile) + " '" + Name + "'", failures);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
