using System.Collections.Concurrent;

namespace Ordering.Sdk.Payments;

// Downloads the bills, reads the journal, compares, and applies corrective actions exactly once.
internal sealed class PaymentReconciler : IPaymentReconciler
{
    private readonly IPaymentJournal _journal;
    private readonly IReadOnlyList<IChannelBillSource> _sources;
    private readonly Dictionary<PaymentChannelId, IPaymentChannel> _channels;
    private readonly IPaymentEngine? _engine;
    private readonly TimeProvider _time;
    private readonly ReconciliationOptions _options;
    private readonly ConcurrentDictionary<string, CorrectiveActionResult> _applied = new(StringComparer.Ordinal);

    public PaymentReconciler(IPaymentJournal journal, IEnumerable<IChannelBillSource> sources, IEnumerable<IPaymentChannel> channels, IPaymentEngine? engine, TimeProvider time, ReconciliationOptions options)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _journal = journal;
        _sources = [.. sources];
        _channels = channels.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        _engine = engine;
        _time = time;
        _options = options;
    }

    public DateOnly PreviousBusinessDay => DateOnly.FromDateTime(_time.GetUtcNow().ToOffset(_options.DayOffset).DateTime).AddDays(-1);

    public async ValueTask<ReconciliationReport> ReconcileAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var bills = new List<ChannelBill>();
        foreach (var source in _sources)
        {
            bills.Add(await source.DownloadBillAsync(day, cancellationToken).ConfigureAwait(false));
        }

        var ledger = LocalPaymentLedger.Fold(await _journal.ReadAllAsync(cancellationToken).ConfigureAwait(false));
        var report = ReconciliationComparer.Compare(day, bills, ledger, _options);
        if (report.Deferred == 0)
        {
            return report;
        }

        // Items near midnight: fetch the neighbouring days' bills, where they exist yet.
        var neighbours = new List<ChannelBill>();
        foreach (var source in _sources)
        {
            foreach (var other in new[] { day.AddDays(-1), day.AddDays(1) })
            {
                try
                {
                    neighbours.Add(await source.DownloadBillAsync(other, cancellationToken).ConfigureAwait(false));
                }
                catch (ChannelBillException)
                {
                    // Not available (yet): those items stay deferred.
                }
            }
        }

        return ReconciliationComparer.Compare(day, bills, ledger, _options, neighbours);
    }

    public async ValueTask<ReconciliationReport> ReconcileAsync(DateOnly day, IReadOnlyList<ChannelBill> bills, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bills);
        if (bills.Any(b => b.Day != day))
        {
            throw new ArgumentException($"bills: every bill must be for {day:yyyy-MM-dd}.", nameof(bills));
        }

        if (bills.GroupBy(b => b.Channel).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("bills: at most one bill per channel.", nameof(bills));
        }

        var ledger = LocalPaymentLedger.Fold(await _journal.ReadAllAsync(cancellationToken).ConfigureAwait(false));
        return ReconciliationComparer.Compare(day, bills, ledger, _options);
    }

    public async ValueTask<IReadOnlyList<CorrectiveActionResult>> ApplyAsync(IEnumerable<CorrectiveAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var results = new List<CorrectiveActionResult>();
        foreach (var action in actions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_applied.TryGetValue(action.Id, out var earlier))
            {
                results.Add(new CorrectiveActionResult(action, CorrectiveActionOutcome.AlreadyApplied, earlier.Detail));
                continue;
            }

            var result = await ApplyOneAsync(action, cancellationToken).ConfigureAwait(false);
            if (result.Outcome is CorrectiveActionOutcome.Applied or CorrectiveActionOutcome.AlreadyApplied)
            {
                _applied[action.Id] = result;
            }

            results.Add(result);
        }

        return results;
    }

    private async ValueTask<CorrectiveActionResult> ApplyOneAsync(CorrectiveAction action, CancellationToken cancellationToken)
    {
        switch (action.Kind)
        {
            case CorrectiveActionKind.RefundOrphanCharge:
                {
                    if (!_channels.TryGetValue(action.Channel, out var channel) || action.RefundNumber is null)
                    {
                        return new(action, CorrectiveActionOutcome.NeedsPerson, "No channel is registered to refund through.");
                    }

                    // The refund number is derived from the order number: a repeat cannot refund twice.
                    var result = await channel.RefundAsync(new RefundChannelRequest(action.MerchantOrderNumber, action.RefundNumber, action.Amount, action.Amount, null), cancellationToken).ConfigureAwait(false);
                    return Refunded(action, result);
                }

            case CorrectiveActionKind.ConfirmPayment or CorrectiveActionKind.ConfirmRefund:
                {
                    if (_engine is null)
                    {
                        return new(action, CorrectiveActionOutcome.NeedsPerson, "No payment engine to confirm with.");
                    }

                    var kind = action.Kind == CorrectiveActionKind.ConfirmPayment ? PaymentNotificationKind.PaymentSucceeded : PaymentNotificationKind.RefundSucceeded;
                    var disposition = await _engine.ApplyNotificationAsync(
                        new PaymentNotification(action.Channel, action.Id, kind, action.MerchantOrderNumber, action.Amount, action.ChannelTransactionId, action.RefundNumber),
                        cancellationToken).ConfigureAwait(false);
                    return disposition switch
                    {
                        NotificationDisposition.Applied => new(action, CorrectiveActionOutcome.Applied, "The engine will verify with the channel."),
                        NotificationDisposition.Duplicate => new(action, CorrectiveActionOutcome.AlreadyApplied, "The engine had this confirmation already."),
                        _ => new(action, CorrectiveActionOutcome.NeedsPerson, "The engine did not accept the confirmation (" + disposition.ToString() + ")."),
                    };
                }

            case CorrectiveActionKind.RecheckRefund:
                {
                    if (!_channels.TryGetValue(action.Channel, out var channel) || action.RefundNumber is null)
                    {
                        return new(action, CorrectiveActionOutcome.NeedsPerson, "No channel is registered to check the refund with.");
                    }

                    var query = await channel.QueryRefundAsync(action.MerchantOrderNumber, action.RefundNumber, cancellationToken).ConfigureAwait(false);
                    switch (query.Outcome)
                    {
                        case ChannelOutcome.Succeeded:
                            return new(action, CorrectiveActionOutcome.AlreadyApplied, "The channel has the refund; it will be on another day's bill.");
                        case ChannelOutcome.NotFound:
                            var result = await channel.RefundAsync(new RefundChannelRequest(action.MerchantOrderNumber, action.RefundNumber, action.Amount, action.Amount, null), cancellationToken).ConfigureAwait(false);
                            return Refunded(action, result);
                        default:
                            return new(action, CorrectiveActionOutcome.Failed, "The refund query was inconclusive (" + query.Outcome.ToString() + "); try again later.");
                    }
                }

            default:
                return new(action, CorrectiveActionOutcome.NeedsPerson, action.Reason);
        }
    }

    private static CorrectiveActionResult Refunded(CorrectiveAction action, ChannelResult result) => result.Outcome switch
    {
        ChannelOutcome.Succeeded or ChannelOutcome.Processing => new(action, CorrectiveActionOutcome.Applied, "Refund accepted by the channel."),
        _ => new(action, CorrectiveActionOutcome.Failed, "Refund not confirmed: " + (result.Error?.RawCode ?? result.Outcome.ToString()) + "; applying again reuses the same refund number."),
    };
}
