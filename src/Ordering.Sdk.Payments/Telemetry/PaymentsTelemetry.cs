using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ordering.Sdk.Payments;

// The package's one Meter and one ActivitySource, named like the package (see OrderingTelemetry).
internal static class PaymentsTelemetry
{
    public static readonly Meter Meter = new(OrderingTelemetry.PaymentsSourceName, typeof(PaymentsTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly ActivitySource ActivitySource = new(OrderingTelemetry.PaymentsSourceName, typeof(PaymentsTelemetry).Assembly.GetName().Version?.ToString());
}
