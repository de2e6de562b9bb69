using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ordering.Sdk.Devices;

// The package's one Meter and one ActivitySource, named like the package (see OrderingTelemetry).
internal static class DevicesTelemetry
{
    public static readonly Meter Meter = new(OrderingTelemetry.DevicesSourceName, typeof(DevicesTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly ActivitySource ActivitySource = new(OrderingTelemetry.DevicesSourceName, typeof(DevicesTelemetry).Assembly.GetName().Version?.ToString());
}
