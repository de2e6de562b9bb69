namespace Ordering.Sdk;

/// <summary>
/// Names of the SDK's telemetry sources, to subscribe to with OpenTelemetry or a <c>MeterListener</c>.
/// </summary>
/// <remarks>
/// Each package has one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/> named exactly like the package. Instruments are
/// lowercase and dotted (<c>ordering.orders.placed</c>); durations are in seconds.
/// </remarks>
public static class OrderingTelemetry
{
    /// <summary>The meter and activity source name of the core package.</summary>
    public const string CoreSourceName = "Ordering.Sdk";

    /// <summary>The meter and activity source name of the payments package.</summary>
    public const string PaymentsSourceName = "Ordering.Sdk.Payments";

    /// <summary>The meter and activity source name of the devices package.</summary>
    public const string DevicesSourceName = "Ordering.Sdk.Devices";

    /// <summary>The meter and activity source name of the SQLite storage package.</summary>
    public const string StorageSourceName = "Ordering.Sdk.Storage.Sqlite";
}
