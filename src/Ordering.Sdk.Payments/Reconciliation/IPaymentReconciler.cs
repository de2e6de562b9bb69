namespace Ordering.Sdk.Payments;

/// <summary>Daily reconciliation (对账): each channel's bill against the payment journal.</summary>
public interface IPaymentReconciler
{
    /// <summary>Gets the last complete business day according to the clock (yesterday in <see cref="ReconciliationOptions.DayOffset"/>).</summary>
    DateOnly PreviousBusinessDay { get; }

    /// <summary>Downloads every registered channel's bill for the day and compares it with the journal.</summary>
    /// <param name="day">The business day.</param>
    /// <param name="cancellationToken">Cancels the download and the comparison.</param>
    /// <returns>The report with discrepancies and corrective actions.</returns>
    /// <exception cref="ChannelBillException">A bill for the day could not be downloaded or parsed.</exception>
    ValueTask<ReconciliationReport> ReconcileAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Compares bills the caller already has with the journal.</summary>
    /// <param name="day">The business day the bills cover.</param>
    /// <param name="bills">One bill per channel for that day.</param>
    /// <param name="cancellationToken">Cancels reading the journal.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">A bill is for another day, or two bills are for the same channel.</exception>
    ValueTask<ReconciliationReport> ReconcileAsync(DateOnly day, IReadOnlyList<ChannelBill> bills, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies corrective actions. Idempotent: an action applied before (same id) is not repeated, and the
    /// channel calls it makes reuse derived refund numbers, so even a restarted process refunds once.
    /// </summary>
    /// <param name="actions">The actions to apply; leave out those a person decides differently (e.g. attaching an orphan charge to an order).</param>
    /// <param name="cancellationToken">Cancels between actions.</param>
    /// <returns>One result per action.</returns>
    ValueTask<IReadOnlyList<CorrectiveActionResult>> ApplyAsync(IEnumerable<CorrectiveAction> actions, CancellationToken cancellationToken = default);
}
