using System.Globalization;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Testing;

// The invariants, checked after the liveness phase against the sandboxes' ledgers (the channels' truth) and
// against an engine rebuilt from the journal alone.
internal sealed partial class HttpSimulationWorld
{
    // Past the policy deadline: one more query, the cancel and its retries.
    private static readonly TimeSpan ResolutionSlack = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, (PaymentAttemptSnapshot Attempt, DateTimeOffset At)> _finalised = new(StringComparer.Ordinal);
    private readonly HashSet<string> _everUnresolved = new(StringComparer.Ordinal);

    private void OnAttemptChanged(object? sender, PaymentAttemptChangedEventArgs e)
    {
        if (PaymentStateChart.IsInFlight(e.Attempt.State))
        {
            _everUnresolved.Add(e.Attempt.AttemptId);
        }
        else if (PaymentStateChart.IsInFlight(e.PreviousState) || !_finalised.ContainsKey(e.Attempt.AttemptId))
        {
            _finalised[e.Attempt.AttemptId] = (e.Attempt, _time.GetUtcNow());
        }
    }

    // A crash right after a final transition was journaled loses that transition's event: the process died before
    // raising it. The restarted engine knows the attempt is final, so it was resolved when the crash happened.
    private void NoteResolvedByRestart()
    {
        foreach (var attemptId in _everUnresolved)
        {
            if (!_finalised.ContainsKey(attemptId) && _engine.GetAttempt(attemptId) is { } attempt && !PaymentStateChart.IsInFlight(attempt.State))
            {
                _finalised[attemptId] = (attempt, _time.GetUtcNow());
            }
        }
    }

    private async Task CheckAsync()
    {
        // The journal is the engine's truth: a fresh engine rebuilt from it must agree with the channels.
        var rebuilt = await BuildEngineAsync().ConfigureAwait(false);
        var wechatTrades = _wechat.Trades.ToDictionary(t => t.OutTradeNo, StringComparer.Ordinal);
        var alipayTrades = _alipay.GetTrades().ToDictionary(t => t.OutTradeNo, StringComparer.Ordinal);
        foreach (var saga in _sagas)
        {
            CheckOrder(saga, rebuilt, wechatTrades, alipayTrades);
        }

        // No orphans: every trade a channel holds was started, and is known, by the journal.
        foreach (var outTradeNo in wechatTrades.Keys.Concat(alipayTrades.Keys))
        {
            if (rebuilt.GetAttempt(outTradeNo) is null)
            {
                _violations.Add($"{outTradeNo}: the channel has a trade the journal does not know (orphan)");
            }
        }

        // The failure log is journaled too: the engine rebuilt from the journal must list the same failures.
        var liveFailures = _engine.GetFailures().Select(DescribeFailure).ToList();
        var rebuiltFailures = rebuilt.GetFailures().Select(DescribeFailure).ToList();
        if (!liveFailures.SequenceEqual(rebuiltFailures, StringComparer.Ordinal))
        {
            _violations.Add($"failure log: the live engine has {liveFailures.Count} failures, the engine rebuilt from the journal {rebuiltFailures.Count}, and they differ");
        }

        // Our requests are always correctly signed; only the sandboxes' probes may be refused by our receivers.
        if (_wechat.RejectedSignatures + _alipay.RejectedSignatures > 0)
        {
            _violations.Add($"the sandboxes rejected {_wechat.RejectedSignatures + _alipay.RejectedSignatures} request signatures");
        }

        if (_wechat.Deliveries.Any(d => d.Probe && d.Acknowledged) || _alipay.Deliveries.Any(d => !d.SignatureValid && d.Acknowledged))
        {
            _violations.Add("a notification with a bad signature was acknowledged");
        }
    }

    private void CheckOrder(
        HttpSagaDriver saga,
        IPaymentEngine rebuilt,
        Dictionary<string, WeChatPaySandboxTrade> wechatTrades,
        Dictionary<string, Alipay.AlipaySandboxTrade> alipayTrades)
    {
        if (!saga.Finished)
        {
            _violations.Add($"{saga.OrderId}: saga did not finish after faults healed");
        }

        var live = _engine.GetAttempts(saga.OrderId);
        long confirmed = 0, channelNetAll = 0, correctable = 0;
        foreach (var attempt in rebuilt.GetAttempts(saga.OrderId))
        {
            var liveAttempt = live.FirstOrDefault(a => a.AttemptId == attempt.AttemptId);
            if (liveAttempt is null || liveAttempt.State != attempt.State || liveAttempt.Captured != attempt.Captured || liveAttempt.Refunded != attempt.Refunded)
            {
                _violations.Add($"{attempt.AttemptId}: live engine ({liveAttempt?.State}) and journal ({attempt.State}) disagree");
            }

            if (PaymentStateChart.IsInFlight(attempt.State))
            {
                _violations.Add($"{attempt.AttemptId}: the unknown outcome was never resolved ({attempt.State})");
            }
            else
            {
                CheckResolvedInTime(attempt);
            }

            if (attempt.IsAbandoned && PaymentStateChart.HasCaptured(attempt.State) && attempt.State != PaymentState.Refunded)
            {
                _violations.Add($"{attempt.AttemptId}: money captured after giving up was not refunded ({attempt.State})");
            }

            if (attempt.Refunded > attempt.Captured)
            {
                _violations.Add($"{attempt.AttemptId}: refunded {attempt.Refunded} exceeds captured {attempt.Captured}");
            }

            var journalNet = (attempt.Captured - attempt.Refunded).MinorUnits;
            var channelNet = attempt.Channel switch
            {
                PaymentChannelId.WeChatPay => wechatTrades.TryGetValue(attempt.AttemptId, out var w) ? (w.Captured - w.Refunded).MinorUnits : 0,
                PaymentChannelId.Alipay => alipayTrades.TryGetValue(attempt.AttemptId, out var a) ? a.PaidFen - a.RefundedFen : 0,
                _ => journalNet,
            };
            if (channelNet != journalNet)
            {
                _violations.Add($"{attempt.AttemptId}: the {attempt.Channel} ledger holds {channelNet} net but the engine believes {journalNet} ({attempt.State})");
            }

            channelNetAll += channelNet;
            if (attempt.IsAbandoned)
            {
                correctable += journalNet;
            }
            else if (PaymentStateChart.HasCaptured(attempt.State))
            {
                confirmed += attempt.Captured.MinorUnits;
            }
        }

        var status = rebuilt.GetOrderStatus(saga.OrderId);
        var refunded = saga.PaidInFull && saga.RefundPlanned ? rebuilt.GetRefund(saga.RefundNumber) : null;
        var dueNow = saga.Due - (refunded?.State == RefundState.Succeeded ? refunded.Amount.MinorUnits : 0);
        if (confirmed > saga.Due || channelNetAll - correctable > dueNow)
        {
            _violations.Add($"{saga.OrderId}: the channels hold {channelNetAll} (confirmed {confirmed}, being returned {correctable}) for {dueNow} due: charged more than once");
        }

        if (status.IsSettled != (confirmed == saga.Due))
        {
            _violations.Add($"{saga.OrderId}: settled={status.IsSettled} but confirmed {confirmed} of {saga.Due}");
        }

        if (saga.PaidInFull != status.IsSettled)
        {
            _violations.Add($"{saga.OrderId}: the till saw paid={saga.PaidInFull} but the engine says settled={status.IsSettled}");
        }

        if (saga.RefundPlanned && saga.PaidInFull && refunded?.State != RefundState.Succeeded)
        {
            _violations.Add($"{saga.OrderId}: refund {saga.RefundNumber} did not complete ({refunded?.State})");
        }
    }

    // Every unknown outcome is resolved by query, close or reverse within its deadline once the network heals.
    private void CheckResolvedInTime(PaymentAttemptSnapshot attempt)
    {
        if (!_everUnresolved.Contains(attempt.AttemptId) || !_finalised.TryGetValue(attempt.AttemptId, out var final))
        {
            return;
        }

        var policy = attempt.Channel == PaymentChannelId.Alipay ? ChannelPolicy.Alipay() : ChannelPolicy.WeChatPay();
        var bound = attempt.Kind == ChargeKind.CodePay ? policy.GiveUpAfter : policy.CustomerActionTimeout;
        var from = attempt.CreatedAt > _livenessStart ? attempt.CreatedAt : _livenessStart;
        if (final.At > from + bound + ResolutionSlack && final.At > _livenessStart)
        {
            _violations.Add(string.Create(CultureInfo.InvariantCulture, $"{attempt.AttemptId}: resolved {(final.At - from).TotalSeconds}s after it could be, past its {bound.TotalSeconds}s deadline"));
        }
    }

    private static string DescribeFailure(PaymentFailure failure) =>
        string.Create(CultureInfo.InvariantCulture, $"{failure.AttemptId}|{failure.OrderId}|{failure.Channel}|{failure.Operation}|{failure.Cause}|{failure.Action}|{failure.RawCode}|{failure.RawMessage}|{failure.OccurredAt:O}");
}
