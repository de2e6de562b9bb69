namespace Ordering.Sdk.Devices.EscPos;

/// <summary>The cut command a printer family understands (GS V).</summary>
public enum CutStyle
{
    /// <summary>Feed to the cutter, then partial cut (GS V 66 0); the most portable choice.</summary>
    FeedThenPartial = 0,

    /// <summary>Feed to the cutter, then full cut (GS V 65 0).</summary>
    FeedThenFull = 1,

    /// <summary>Partial cut at the current position (GS V 1).</summary>
    Partial = 2,

    /// <summary>Full cut at the current position (GS V 0).</summary>
    Full = 3,
}
