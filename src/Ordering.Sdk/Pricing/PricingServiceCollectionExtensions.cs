using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Sdk;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Pricing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the pricing engine with a service collection.</summary>
public static class PricingServiceCollectionExtensions
{
    /// <summary>Adds an <see cref="IPricingEngine"/> singleton for a menu and a pricing policy.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="catalog">The menu.</param>
    /// <param name="policy">Promotions, coupons, fees, tax and rounding.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The policy does not fit the catalog; every problem is listed.</exception>
    /// <remarks>
    /// The policy is validated here, at registration. The engine uses the registered <see cref="TimeProvider"/>
    /// (or <see cref="TimeProvider.System"/>) and the store time zone of <see cref="OrderingSdkOptions"/> when
    /// <c>AddOrderingSdk</c> registered them. A second call replaces the engine (a new menu).
    /// </remarks>
    public static IServiceCollection AddPricingEngine(this IServiceCollection services, MenuCatalog catalog, PricingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(policy);
        var compiled = new CompiledPolicy(catalog, policy);

        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<IPricingEngine>();
        services.AddSingleton<IPricingEngine>(provider =>
        {
            var options = new PricingEngineOptions { TimeProvider = provider.GetRequiredService<TimeProvider>() };
            if (provider.GetService<OrderingSdkOptions>() is { } sdk)
            {
                options.StoreTimeZone = TimeZoneInfo.FindSystemTimeZoneById(sdk.StoreTimeZoneId);
            }

            return PricingEngine.Create(compiled, options);
        });
        return services;
    }
}
