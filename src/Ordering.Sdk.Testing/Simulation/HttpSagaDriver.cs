using System.Globalization;
using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Testing;

// One order paid at the till through the real adapters: tenders by code, QR or mini-program, retries after
// failures (cash after three), double taps, operator cancels and an optional refund. It is the till, not the
// engine: it survives engine crashes and re-sends the tender it was taking with the same idempotency key.
internal sealed class HttpSagaDriver
{
    private const int MaxRetriesPerTender = 5;

    private readonly List<(long Amount, HttpSagaMethod Method)> _tenders;
    private readonly long _refundAmount;
    private int _index;
    private int _retry;
    private string? _attemptId;
    private bool _refundRequested;

    public HttpSagaDriver(string orderId, long due, List<(long Amount, HttpSagaMethod Method)> tenders, long refundAmount)
    {
        OrderId = orderId;
        Due = due;
        _tenders = tenders;
        _refundAmount = refundAmount;
    }

    public string OrderId { get; }

    public long Due { get; }

    public bool PaidInFull { get; private set; }

    public bool GaveUp { get; private set; }

    public string RefundNumber => OrderId + "-R1";

    public bool RefundPlanned => _refundAmount > 0;

    public bool Finished => GaveUp || (PaidInFull && (!RefundPlanned || _refundRequested));

    public async Task StepAsync(HttpSagaContext context)
    {
        if (GaveUp)
        {
            return;
        }

        var engine = context.Engine;
        var random = context.Random;
        if (PaidInFull)
        {
            if (RefundPlanned && !_refundRequested)
            {
                var request = random.Next(2) == 0
                    ? new RefundRequest(OrderId, RefundNumber) { Amount = Money.Fen(_refundAmount) }
                    : new RefundRequest(OrderId, RefundNumber) { Lines = SplitLines(_refundAmount) };
                var refund = await engine.RefundAsync(request).ConfigureAwait(false);
                context.Trace?.Invoke($"{OrderId} refund {_refundAmount} -> {refund.State}");
                _refundRequested = true;
            }

            return;
        }

        if (_attemptId is null)
        {
            if (_retry >= MaxRetriesPerTender)
            {
                GaveUp = true;
                context.Trace?.Invoke($"{OrderId} gives up on tender {_index}");
                return;
            }

            var (amount, planned) = _tenders[_index];
            var method = _retry >= 3 ? HttpSagaMethod.Cash : planned;
            var key = string.Create(CultureInfo.InvariantCulture, $"{OrderId}-t{_index}-r{_retry}");
            var request = Build(method, amount, key, random);
            context.PrepareCustomer(method, request);
            var attempt = await engine.PayAsync(request).ConfigureAwait(false);
            _attemptId = attempt.AttemptId;
            context.Trace?.Invoke($"{OrderId} tender {_index} {method} {amount} key {key} -> {attempt.AttemptId} {attempt.State}");
            context.AttemptCreated(method, attempt);
            if (random.Next(10) == 0)
            {
                var again = await engine.PayAsync(request).ConfigureAwait(false);
                if (again.AttemptId != attempt.AttemptId)
                {
                    context.Violation($"double tap of key {key} created a second attempt ({attempt.AttemptId}, {again.AttemptId})");
                }
            }
        }

        var snapshot = engine.GetAttempt(_attemptId);
        if (snapshot is null)
        {
            context.Violation($"attempt {_attemptId} of {OrderId} vanished");
            _attemptId = null;
            return;
        }

        if (PaymentStateChart.HasCaptured(snapshot.State) && !snapshot.IsAbandoned)
        {
            context.Trace?.Invoke($"{OrderId} tender {_index} paid by {snapshot.AttemptId}");
            _index++;
            _retry = 0;
            _attemptId = null;
            PaidInFull = _index == _tenders.Count;
        }
        else if (snapshot.State is PaymentState.Failed or PaymentState.Cancelled || snapshot.IsAbandoned)
        {
            context.Trace?.Invoke($"{OrderId} tender {_index} attempt {snapshot.AttemptId} {snapshot.State}: {snapshot.LastFailure?.Cause} {snapshot.LastFailure?.RawCode} -> {snapshot.LastFailure?.Action}");
            _retry++;
            _attemptId = null;
        }
        else if (random.Next(300) == 0)
        {
            context.Trace?.Invoke($"{OrderId} operator cancels {snapshot.AttemptId}");
            await engine.CancelAsync(snapshot.AttemptId).ConfigureAwait(false);
        }
    }

    // After a crash the till re-sends the tender it was taking, with the same key.
    public void ForgetAttemptInProgress() => _attemptId = null;

    private static List<RefundLine> SplitLines(long amount)
    {
        var first = amount / 2;
        return first > 0 ? [new RefundLine("L1", Money.Fen(first)), new RefundLine("L2", Money.Fen(amount - first))] : [new RefundLine("L1", Money.Fen(amount))];
    }

    private TenderRequest Build(HttpSagaMethod method, long amount, string key, Random random)
    {
        var due = Money.Fen(Due);
        var value = Money.Fen(amount);
        return method switch
        {
            HttpSagaMethod.WeChatCode => new TenderRequest(OrderId, due, value, ChargeKind.CodePay, key) { PaymentCode = Code("13", 16, random) },
            HttpSagaMethod.AlipayCode => new TenderRequest(OrderId, due, value, ChargeKind.CodePay, key) { PaymentCode = Code("28", 16, random) },
            HttpSagaMethod.WeChatJsapi => new TenderRequest(OrderId, due, value, ChargeKind.Jsapi, key) { Channel = PaymentChannelId.WeChatPay, PayerId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
            HttpSagaMethod.WeChatNative => new TenderRequest(OrderId, due, value, ChargeKind.QrCode, key) { Channel = PaymentChannelId.WeChatPay },
            HttpSagaMethod.AlipayQr => new TenderRequest(OrderId, due, value, ChargeKind.QrCode, key) { Channel = PaymentChannelId.Alipay },
            HttpSagaMethod.AlipayJsapi => new TenderRequest(OrderId, due, value, ChargeKind.Jsapi, key) { Channel = PaymentChannelId.Alipay, PayerId = "074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5" },
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
