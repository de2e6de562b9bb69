using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ordering.Sdk.Tests.DependencyInjection;

public sealed class OrderingSdkServiceCollectionExtensionsTests
{
    [Fact]
    public void AddOrderingSdk_Defaults_RegistersOptionsAndSystemClock()
    {
        using var provider = new ServiceCollection().AddOrderingSdk().BuildServiceProvider();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Equal("Asia/Shanghai", provider.GetRequiredService<OrderingSdkOptions>().StoreTimeZoneId);
    }

    [Fact]
    public void AddOrderingSdk_HostClockRegisteredFirst_IsKept()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        using var provider = services.AddOrderingSdk().AddOrderingSdk().BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Single(services, d => d.ServiceType == typeof(OrderingSdkOptions));
    }

    [Fact]
    public void AddOrderingSdk_InvalidOptions_FailsAtRegistrationListingEveryField()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddOrderingSdk(o =>
        {
            o.StoreTimeZoneId = "Mars/Olympus_Mons";
            o.BusinessDayStartHour = 24;
        }));

        Assert.Equal(2, ex.Failures.Count);
        Assert.Contains(ex.Failures, f => f.StartsWith("StoreTimeZoneId", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("BusinessDayStartHour", StringComparison.Ordinal));
    }

    [Fact]
    public void AddOrderingSdk_NullServices_Throws() =>
        Assert.Throws<ArgumentNullException>(() => OrderingSdkServiceCollectionExtensions.AddOrderingSdk(null!));
}
