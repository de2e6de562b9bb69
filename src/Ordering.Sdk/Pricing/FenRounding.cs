namespace Ordering.Sdk.Pricing;

/// <summary>How a computed amount with a fraction of a minor unit (fen) becomes a whole fen.</summary>
public enum FenRounding
{
    /// <summary>Half a fen or more rounds up (四舍五入); what Chinese receipts usually expect.</summary>
    HalfUp,

    /// <summary>Half a fen rounds to the even fen (banker's rounding); what Square and Toast document.</summary>
    HalfEven,

    /// <summary>Any fraction is dropped.</summary>
    Floor,

    /// <summary>Any fraction rounds up to the next fen.</summary>
    Ceiling,
}
