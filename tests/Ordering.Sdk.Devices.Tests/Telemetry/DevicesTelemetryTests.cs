namespace Ordering.Sdk.Devices.Tests.Telemetry;

public sealed class DevicesTelemetryTests
{
    [Fact]
    public void MeterAndActivitySource_AreNamedLikeThePackage()
    {
        Assert.Equal(typeof(DevicesTelemetry).Assembly.GetName().Name, DevicesTelemetry.Meter.Name);
        Assert.Equal(DevicesTelemetry.Meter.Name, DevicesTelemetry.ActivitySource.Name);
    }
}
