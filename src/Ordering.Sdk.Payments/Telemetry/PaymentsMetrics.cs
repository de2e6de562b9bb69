using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ordering.Sdk.Payments;

// Instruments on PaymentsTelemetry.Meter. Tags: channel, outcome, cause (lowercase, low cardinality).
internal static class PaymentsMetrics
{
    private static readonly Counter<long> Attempts = PaymentsTelemetry.Meter.CreateCounter<long>("ordering.payments.attempts", description: "Payment attempts resolved, by channel and outcome.");
    private static readonly Histogram<double> AttemptDuration = PaymentsTelemetry.Meter.CreateHistogram<double>("ordering.payments.attempt.duration", unit: "s", description: "Time from charge to resolution.");
    private static readonly Counter<long> Failures = PaymentsTelemetry.Meter.CreateCounter<long>("ordering.payments.failures", description: "Diagnosed payment failures, by channel, outcome (operation) and cause.");
    private static readonly Counter<long> Refunds = PaymentsTelemetry.Meter.CreateCounter<long>("ordering.payments.refunds", description: "Refund parts resolved, by channel and outcome.");
    private static readonly Counter<long> LateSuccesses = PaymentsTelemetry.Meter.CreateCounter<long>("ordering.payments.late_successes", description: "Money captured after the engine gave up (refunded automatically).");

    public static void AttemptResolved(PaymentChannelId channel, PaymentState state, TimeSpan duration)
    {
        var tags = new TagList { { "channel", ChannelTag(channel) }, { "outcome", StateTag(state) } };
        Attempts.Add(1, tags);
        AttemptDuration.Record(duration.TotalSeconds, tags);
    }

    public static void Failure(PaymentFailure failure)
    {
        var tags = new TagList { { "channel", ChannelTag(failure.Channel) }, { "outcome", OperationTag(failure.Operation) }, { "cause", CauseTag(failure.Cause) } };
        Failures.Add(1, tags);
    }

    public static void RefundResolved(PaymentChannelId channel, RefundState state)
    {
        var tags = new TagList { { "channel", ChannelTag(channel) }, { "outcome", state == RefundState.Succeeded ? "succeeded" : "failed" } };
        Refunds.Add(1, tags);
    }

    public static void LateSuccess(PaymentChannelId channel) => LateSuccesses.Add(1, new KeyValuePair<string, object?>("channel", ChannelTag(channel)));

    public static string ChannelTag(PaymentChannelId channel) => channel switch
    {
        PaymentChannelId.Cash => "cash",
        PaymentChannelId.StoredValue => "stored_value",
        PaymentChannelId.WeChatPay => "wechat_pay",
        PaymentChannelId.Alipay => "alipay",
        PaymentChannelId.UnionPay => "unionpay",
        _ => "unknown",
    };

    private static string StateTag(PaymentState state) => state switch
    {
        PaymentState.Succeeded => "succeeded",
        PaymentState.Failed => "failed",
        PaymentState.Cancelled => "cancelled",
        _ => "other",
    };

    private static string OperationTag(PaymentOperation operation) => operation switch
    {
        PaymentOperation.Charge => "charge",
        PaymentOperation.Query => "query",
        PaymentOperation.Cancel => "cancel",
        PaymentOperation.Refund => "refund",
        PaymentOperation.RefundQuery => "refund_query",
        PaymentOperation.Validation => "validation",
        _ => "notification",
    };

    private static string CauseTag(FailureCause cause) => cause switch
    {
        FailureCause.Network => "network",
        FailureCause.GatewayUnavailable => "gateway_unavailable",
        FailureCause.RateLimited => "rate_limited",
        FailureCause.Configuration => "configuration",
        FailureCause.Customer => "customer",
        FailureCause.Risk => "risk",
        FailureCause.Duplicate => "duplicate",
        _ => "unknown",
    };
}
