namespace Ordering.Sdk.Storage.Sqlite.Tests.Telemetry;

public sealed class StorageTelemetryTests
{
    [Fact]
    public void MeterAndActivitySource_AreNamedLikeThePackage()
    {
        Assert.Equal(typeof(StorageTelemetry).Assembly.GetName().Name, StorageTelemetry.Meter.Name);
        Assert.Equal(StorageTelemetry.Meter.Name, StorageTelemetry.ActivitySource.Name);
    }
}
