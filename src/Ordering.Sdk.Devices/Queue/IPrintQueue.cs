using Ordering.Sdk.Kitchen;

namespace Ordering.Sdk.Devices.Queue;

/// <summary>
/// The kitchen print queue: tickets are stored in the <see cref="IPrintOutbox"/> first, then printed with
/// retries, failover to the station's backup printer, and confirmation from the printer. A ticket is
/// printed at most once by the SDK and never dropped.
/// </summary>
/// <remarks>
/// The queue starts no threads: the host calls <see cref="RunAsync"/> (for example from a hosted service) or
/// <see cref="ProcessDueAsync"/>, and stops it with the cancellation token.
/// </remarks>
/// <threadsafety>Safe to call from any thread; run one <see cref="RunAsync"/> loop per process.</threadsafety>
public interface IPrintQueue
{
    /// <summary>Raised when staff should know something: paper out, printer unreachable, failover, a delayed ticket.</summary>
    event EventHandler<PrinterAlertEventArgs>? Alert;

    /// <summary>Queues a ticket; a ticket whose (order, station, revision) is already queued is ignored.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if queued; <see langword="false"/> if it was a duplicate.</returns>
    /// <exception cref="ArgumentException">The ticket's station is not configured.</exception>
    ValueTask<bool> EnqueueAsync(KitchenTicket ticket, CancellationToken cancellationToken = default);

    /// <summary>Queues a reprint (marked 重打) of a ticket queued earlier.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="stationId">The station.</param>
    /// <param name="revision">The ticket revision.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The key of the reprint job.</returns>
    /// <exception cref="KeyNotFoundException">No such ticket was ever queued.</exception>
    ValueTask<PrintJobKey> ReprintAsync(string orderId, string stationId, int revision, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks jobs left in <see cref="PrintJobState.Printing"/> whose lease (<see cref="PrintQueueOptions.JobLease"/>) ran out —
    /// interrupted by a crash — as <see cref="PrintJobState.NeedsAttention"/> (they may have printed) and alerts.
    /// <see cref="ProcessDueAsync"/> does this on every call; call it at start-up too.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of jobs found.</returns>
    ValueTask<int> RecoverAsync(CancellationToken cancellationToken = default);

    /// <summary>Prints every job due now, one after another; returns when each has been printed or re-queued.</summary>
    /// <param name="cancellationToken">Cancels processing; a job interrupted mid-print is left for <see cref="RecoverAsync"/>.</param>
    /// <returns>The number of jobs printed.</returns>
    ValueTask<int> ProcessDueAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs <see cref="ProcessDueAsync"/> every poll interval until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that completes when stopped.</returns>
    Task RunAsync(CancellationToken cancellationToken);
}
