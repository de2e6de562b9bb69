using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ordering.Sdk;

// The core package's one Meter and one ActivitySource. Static because instruments are process-wide
// and cheap when nobody listens; consumers subscribe by name.
internal static class CoreTelemetry
{
    public static readonly Meter Meter = new(OrderingTelemetry.CoreSourceName, typeof(CoreTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly ActivitySource ActivitySource = new(OrderingTelemetry.CoreSourceName, typeof(CoreTelemetry).Assembly.GetName().Version?.ToString());
}
