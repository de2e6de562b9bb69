using System.Globalization;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Testing;

// One order being paid at the POS: its tenders, retries after failures, double taps, operator cancels and
// an optional refund. It survives engine crashes (it is the till, not the engine) and re-sends with the same key.
internal sealed class SagaDriver
{
    private const int MaxRetriesPerTender = 6;

    private readonly List<(long Amount, SagaMethod Method)> _tenders;
    private readonly long _refundAmount;
    private int _index;
    private int _retry;
    private string? _attemptId;
    private bool _refundRequested;

    public SagaDriver(string orderId, long due, List<(long Amount, SagaMethod Method)> tenders, string memberId, long refundAmount)
    {
        OrderId = orderId;
        Due = due;
        _tenders = tenders;
        MemberId = memberId;
        _refundAmount = refundAmount;
    }

    public string OrderId { get; }

    public long Due { get; }

    public string MemberId { get; }

    public bool PaidInFull { get; private set; }

    public bool GaveUp { get; private set; }

    public string RefundNumber => OrderId + "-R1";

    public bool RefundPlanned => _refundAmount > 0;

    public bool Finished => GaveUp || (PaidInFull && (!RefundPlanned || _refundRequested));

    public void Step(IPaymentEngine engine, Random random, Action<string>? trace, Action<string> violation)
    {
        if (GaveUp)
        {
            return;
        }

        if (PaidInFull)
        {
            if (RefundPlanned && !_refundRequested)
            {
                var request = random.Next(2) == 0
                    ? new RefundRequest(OrderId, RefundNumber) { Amount = Money.Fen(_refundAmount) }
                    : new RefundRequest(OrderId, RefundNumber) { Lines = SplitLines(_refundAmount) };
                var refund = Simulation.Complete(engine.RefundAsync(request));
                if (trace is not null)
                {
                    trace($"{OrderId} refund {_refundAmount} -> {refund.State}");
                }

                _refundRequested = true;
            }

            return;
        }

        if (_attemptId is null)
        {
            if (_retry >= MaxRetriesPerTender)
            {
                GaveUp = true;
                if (trace is not null)
                {
                    trace($"{OrderId} gives up on tender {_index}");
                }

                return;
            }

            var (amount, planned) = _tenders[_index];
            var method = _retry >= 3 ? SagaMethod.Cash : (_retry > 0 && planned == SagaMethod.InvalidCode ? SagaMethod.WeChatCode : planned);
            var key = string.Create(CultureInfo.InvariantCulture, $"{OrderId}-t{_index}-r{_retry}");
            var request = Build(method, amount, key, random);
            var attempt = Simulation.Complete(engine.PayAsync(request));
            _attemptId = attempt.AttemptId;
            if (trace is not null)
            {
                trace($"{OrderId} tender {_index} {method} {amount} key {key} -> {attempt.AttemptId} {attempt.State}");
            }

            if (random.Next(10) == 0)
            {
                var again = Simulation.Complete(engine.PayAsync(request));
                if (again.AttemptId != attempt.AttemptId)
                {
                    violation($"double tap of key {key} created a second attempt ({attempt.AttemptId}, {again.AttemptId})");
                }
            }
        }

        var snapshot = engine.GetAttempt(_attemptId);
        if (snapshot is null)
        {
            violation($"attempt {_attemptId} of {OrderId} vanished");
            _attemptId = null;
            return;
        }

        if (PaymentStateChart.HasCaptured(snapshot.State) && !snapshot.IsAbandoned)
        {
            if (trace is not null)
            {
                trace($"{OrderId} tender {_index} paid by {snapshot.AttemptId}");
            }

            _index++;
            _retry = 0;
            _attemptId = null;
            PaidInFull = _index == _tenders.Count;
        }
        else if (snapshot.State is PaymentState.Failed or PaymentState.Cancelled || snapshot.IsAbandoned)
        {
            if (trace is not null)
            {
                trace($"{OrderId} tender {_index} attempt {snapshot.AttemptId} {snapshot.State}: {snapshot.LastFailure?.Cause} {snapshot.LastFailure?.RawCode} -> {snapshot.LastFailure?.Action}");
            }

            _retry++;
            _attemptId = null;
        }
        else if (random.Next(400) == 0)
        {
            if (trace is not null)
            {
                trace($"{OrderId} operator cancels {snapshot.AttemptId}");
            }

            Simulation.Complete(engine.CancelAsync(snapshot.AttemptId));
        }
    }

    // After a crash the till re-sends the tender it was taking, with the same key.
    public void ForgetAttemptInProgress() => _attemptId = null;

    private static List<RefundLine> SplitLines(long amount)
    {
        var first = amount / 2;
        return first > 0 ? [new RefundLine("L1", Money.Fen(first)), new RefundLine("L2", Money.Fen(amount - first))] : [new RefundLine("L1", Money.Fen(amount))];
    }

    private TenderRequest Build(SagaMethod method, long amount, string key, Random random)
    {
        var due = Money.Fen(Due);
        var value = Money.Fen(amount);
        return method switch
        {
            SagaMethod.WeChatCode => new TenderRequest(OrderId, due, value, ChargeKind.CodePay, key) { PaymentCode = Code("13", 16, random) },
            SagaMethod.AlipayCode => new TenderRequest(OrderId, due, value, ChargeKind.CodePay, key) { PaymentCode = Code("28", 16, random) },
            SagaMethod.WeChatJsapi => new TenderRequest(OrderId, due, value, ChargeKind.Jsapi, key) { Channel = PaymentChannelId.WeChatPay, PayerId = "openid-" + OrderId },
            SagaMethod.AlipayQr => new TenderRequest(OrderId, due, value, ChargeKind.QrCode, key) { Channel = PaymentChannelId.Alipay },
            SagaMethod.StoredValue => new TenderRequest(OrderId, due, value, ChargeKind.StoredValue, key) { PayerId = MemberId },
            SagaMethod.InvalidCode => new TenderRequest(OrderId, due, value, ChargeKind.CodePay, key) { PaymentCode = Code("99", 10, random) },
            _ => new TenderRequest(OrderId, due, value, ChargeKind.Cash, key) { CashReceived = Money.Fen(amount + random.Next(0, 5000)) },
        };
    }

    private static string Code(string prefix, int digits, Random random)
    {
        Span<char> buffer = stackalloc char[prefix.Length + digits];
        prefix.CopyTo(buffer);
        for (var i = prefix.Length; i < buffer.Length; i++)
        {
            buffer[i] = (char)('0' + random.Next(10));
        }

        return new string(buffer);
    }
}
