namespace Ordering.Sdk.Testing.Printing;

/// <summary>What came out of the virtual printer between two cuts.</summary>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class PrintedDocument
{
    internal PrintedDocument(
        IReadOnlyList<PrintedLine> lines,
        IReadOnlyList<string> qrCodes,
        IReadOnlyList<string> barcodes,
        int images,
        IReadOnlyList<PrintedImage> rasterImages,
        int beeps,
        int drawerPulses,
        bool isCut)
    {
        Lines = lines;
        QrCodes = qrCodes;
        Barcodes = barcodes;
        Images = images;
        RasterImages = rasterImages;
        Beeps = beeps;
        DrawerPulses = drawerPulses;
        IsCut = isCut;
    }

    /// <summary>Gets the printed text lines, in order.</summary>
    public IReadOnlyList<PrintedLine> Lines { get; }

    /// <summary>Gets the payloads of the printed QR codes (decoded as UTF-8).</summary>
    public IReadOnlyList<string> QrCodes { get; }

    /// <summary>Gets the data of the printed barcodes (for CODE128 set C, the digits).</summary>
    public IReadOnlyList<string> Barcodes { get; }

    /// <summary>Gets the number of raster image bands printed.</summary>
    public int Images { get; }

    /// <summary>Gets the raster images printed (GS v 0), with consecutive bands joined into one picture.</summary>
    public IReadOnlyList<PrintedImage> RasterImages { get; }

    /// <summary>Gets the number of beep commands received.</summary>
    public int Beeps { get; }

    /// <summary>Gets the number of cash-drawer pulses received.</summary>
    public int DrawerPulses { get; }

    /// <summary>Gets a value indicating whether the document ended with a cut (<see langword="false"/> when the job was cut off, for example by a dropped connection or a cleared buffer; the next ESC @ starts a new document).</summary>
    public bool IsCut { get; }

    /// <summary>Gets all lines joined by <c>\n</c>, for assertions.</summary>
    public string Text => string.Join('\n', Lines.Select(l => l.Text));

    /// <inheritdoc/>
    public override string ToString() => Text;
}
