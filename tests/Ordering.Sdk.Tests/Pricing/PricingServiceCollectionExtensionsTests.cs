using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Pricing;
using static Ordering.Sdk.Tests.Pricing.PricingKit;

namespace Ordering.Sdk.Tests.Pricing;

public sealed class PricingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPricingEngine_UsesTheRegisteredClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero)); // 17:30 in Shanghai
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddOrderingSdk().AddPricingEngine(PricingKit.Catalog, new PricingPolicy());

        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPricingEngine>();
        var result = new PricingResult();

        Assert.True(engine.Price(Order(Line("beer")), result));
        Assert.Equal(600, result.Lines[0].UnitPrice); // happy hour, read in the store's zone from the registered clock
    }

    [Fact]
    public void AddPricingEngine_InvalidPolicy_FailsAtRegistration()
    {
        var policy = new PricingPolicy { MaxBestDealCandidates = 0 };

        Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddPricingEngine(PricingKit.Catalog, policy));
    }
}
