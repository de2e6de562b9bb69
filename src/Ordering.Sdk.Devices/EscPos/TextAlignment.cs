namespace Ordering.Sdk.Devices.EscPos;

/// <summary>Horizontal justification of printed lines (ESC a n).</summary>
public enum TextAlignment
{
    /// <summary>Left-justified (ESC a 0).</summary>
    Left = 0,

    /// <summary>Centered (ESC a 1).</summary>
    Center = 1,

    /// <summary>Right-justified (ESC a 2).</summary>
    Right = 2,
}
