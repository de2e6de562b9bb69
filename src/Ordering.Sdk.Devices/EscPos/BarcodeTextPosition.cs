namespace Ordering.Sdk.Devices.EscPos;

/// <summary>Where the human-readable text of a barcode is printed (GS H n).</summary>
public enum BarcodeTextPosition
{
    /// <summary>No human-readable text.</summary>
    None = 0,

    /// <summary>Above the bars.</summary>
    Above = 1,

    /// <summary>Below the bars.</summary>
    Below = 2,

    /// <summary>Above and below the bars.</summary>
    Both = 3,
}
