namespace Ordering.Sdk.Payments;

/// <summary>The result of reconciling one business day.</summary>
/// <param name="Day">The business day (in <see cref="ReconciliationOptions.DayOffset"/>).</param>
/// <param name="Channels">The channels whose bills were compared.</param>
/// <param name="MatchedPayments">Bill payment rows that agree with the journal.</param>
/// <param name="MatchedRefunds">Bill refund rows that agree with the journal.</param>
/// <param name="Deferred">Local items near midnight whose neighbouring bill was not available yet; checked again on the next run.</param>
/// <param name="Discrepancies">Every disagreement found.</param>
/// <param name="Actions">The corrective actions, one per discrepancy.</param>
public sealed record ReconciliationReport(
    DateOnly Day,
    IReadOnlyList<PaymentChannelId> Channels,
    int MatchedPayments,
    int MatchedRefunds,
    int Deferred,
    IReadOnlyList<ReconciliationDiscrepancy> Discrepancies,
    IReadOnlyList<CorrectiveAction> Actions)
{
    /// <summary>Gets a value indicating whether the bills and the journal agree completely.</summary>
    public bool IsBalanced => Discrepancies.Count == 0;
}
