namespace Ordering.Sdk.Devices.EscPos;

/// <summary>Underline thickness (ESC - n for ASCII and FS - n for Chinese characters).</summary>
public enum UnderlineMode
{
    /// <summary>No underline.</summary>
    None = 0,

    /// <summary>One-dot underline.</summary>
    Thin = 1,

    /// <summary>Two-dot underline.</summary>
    Thick = 2,
}
