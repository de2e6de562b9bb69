namespace Ordering.Sdk.Payments.Tests.Telemetry;

public sealed class PaymentsTelemetryTests
{
    [Fact]
    public void MeterAndActivitySource_AreNamedLikeThePackage()
    {
        Assert.Equal(typeof(PaymentsTelemetry).Assembly.GetName().Name, PaymentsTelemetry.Meter.Name);
        Assert.Equal(PaymentsTelemetry.Meter.Name, PaymentsTelemetry.ActivitySource.Name);
    }
}
