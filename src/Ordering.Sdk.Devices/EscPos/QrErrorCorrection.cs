namespace Ordering.Sdk.Devices.EscPos;

/// <summary>QR code error-correction level (GS ( k function 169).</summary>
public enum QrErrorCorrection
{
    /// <summary>About 7% of the symbol can be restored.</summary>
    Low = 0,

    /// <summary>About 15% of the symbol can be restored.</summary>
    Medium = 1,

    /// <summary>About 25% of the symbol can be restored.</summary>
    Quartile = 2,

    /// <summary>About 30% of the symbol can be restored.</summary>
    High = 3,
}
