namespace Ordering.Sdk.Pricing;

/// <summary>The direction of 抹零.</summary>
/// <remarks>
/// With <see cref="CashRoundingUnit"/>: 抹分 = Jiao + Floor, 抹角 = Yuan + Floor, 四舍五入到角 = Jiao + HalfUp,
/// 四舍五入到元 = Yuan + HalfUp, 见分进角 = Jiao + Ceiling, 见角进元 = Yuan + Ceiling.
/// </remarks>
public enum CashRoundingMode
{
    /// <summary>Drop the remainder (只舍不入); the customer never pays more. The safe default.</summary>
    Floor,

    /// <summary>Half a unit or more rounds up (四舍五入).</summary>
    HalfUp,

    /// <summary>Any remainder rounds up (见分进角 / 见角进元).</summary>
    Ceiling,
}
