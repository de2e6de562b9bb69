using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ordering.Sdk.Storage.Sqlite;

// The package's one Meter and one ActivitySource, named like the package (see OrderingTelemetry).
internal static class StorageTelemetry
{
    public static readonly Meter Meter = new(OrderingTelemetry.StorageSourceName, typeof(StorageTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly ActivitySource ActivitySource = new(OrderingTelemetry.StorageSourceName, typeof(StorageTelemetry).Assembly.GetName().Version?.ToString());
}
