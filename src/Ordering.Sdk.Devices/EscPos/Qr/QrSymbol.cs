namespace Ordering.Sdk.Devices.EscPos.Qr;

// A QR symbol's module grid plus the scratch its encoder needs, sized once for version 40 and reused for every
// symbol afterwards so encoding allocates nothing after the first use. (x, y) = (column, row), (0, 0) top left.
internal sealed class QrSymbol
{
    private readonly bool[] _dark = new bool[QrCapacity.MaxSize * QrCapacity.MaxSize];
    private readonly bool[] _function = new bool[QrCapacity.MaxSize * QrCapacity.MaxSize];

    /// <summary>Gets the version, 1–40 (0 before the first encoding).</summary>
    public int Version { get; private set; }

    /// <summary>Gets the side length in modules.</summary>
    public int Size { get; private set; }

    /// <summary>Gets the error-correction level.</summary>
    public QrErrorCorrection ErrorCorrection { get; private set; }

    /// <summary>Gets the data mask applied, 0–7.</summary>
    public int Mask { get; internal set; }

    // Encoder scratch: data codewords before interleaving, and the final codeword sequence.
    internal byte[] DataCodewords { get; } = new byte[QrCapacity.MaxCodewords];

    internal byte[] Codewords { get; } = new byte[QrCapacity.MaxCodewords];

    public bool IsDark(int x, int y) => _dark[Index(x, y)];

    /// <summary>Gets every module row by row (index = y × <see cref="Size"/> + x), true = dark, for whole-symbol passes.</summary>
    internal Span<bool> Modules => _dark.AsSpan(0, Size * Size);

    /// <summary>Gets which modules belong to function patterns, in the same order as <see cref="Modules"/>.</summary>
    internal ReadOnlySpan<bool> FunctionModules => _function.AsSpan(0, Size * Size);

    /// <summary>Starts an empty (all light, nothing reserved) symbol of <paramref name="version"/>.</summary>
    internal void Reset(int version, QrErrorCorrection level)
    {
        Version = version;
        Size = QrCapacity.Size(version);
        ErrorCorrection = level;
        Mask = 0;
        var modules = Size * Size;
        _dark.AsSpan(0, modules).Clear();
        _function.AsSpan(0, modules).Clear();
    }

    internal bool IsFunction(int x, int y) => _function[Index(x, y)];

    /// <summary>Sets a function-pattern module; data placement and masking leave it alone.</summary>
    internal void SetFunction(int x, int y, bool dark)
    {
        var index = Index(x, y);
        _dark[index] = dark;
        _function[index] = true;
    }

    internal void SetData(int x, int y, bool dark) => _dark[Index(x, y)] = dark;

    internal void Invert(int x, int y) => _dark[Index(x, y)] ^= true;

    private int Index(int x, int y)
    {
        if ((uint)x >= (uint)Size || (uint)y >= (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Module ({x}, {y}) is outside a {Size}x{Size} symbol.");
        }

        return (y * Size) + x;
    }
}
