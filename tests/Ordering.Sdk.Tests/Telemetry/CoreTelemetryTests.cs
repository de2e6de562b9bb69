namespace Ordering.Sdk.Tests.Telemetry;

public sealed class CoreTelemetryTests
{
    [Fact]
    public void MeterAndActivitySource_AreNamedLikeThePackage()
    {
        Assert.Equal(typeof(CoreTelemetry).Assembly.GetName().Name, CoreTelemetry.Meter.Name);
        Assert.Equal(CoreTelemetry.Meter.Name, CoreTelemetry.ActivitySource.Name);
    }
}
