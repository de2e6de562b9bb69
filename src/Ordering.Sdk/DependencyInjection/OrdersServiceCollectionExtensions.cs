using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Sdk;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the order service with a service collection.</summary>
public static class OrdersServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IOrderService"/>. It needs an <see cref="IPricingEngine"/> registered by the host (built
    /// from the store's menu) and uses the registered <see cref="IOrderStore"/>, or an in-memory one if none is.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the floor plan and limits; validated here.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The configured options are invalid.</exception>
    public static IServiceCollection AddOrderingSdkOrders(this IServiceCollection services, Action<OrdersOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new OrdersOptions();
        configure(options);
        options.Validate();

        services.AddOrderingSdk();
        services.TryAddSingleton<IOrderStore, InMemoryOrderStore>();
        services.RemoveAll<OrdersOptions>();
        services.AddSingleton(options);
        services.TryAddSingleton(sp => OrderServiceFactory.Create(
            sp.GetRequiredService<IOrderStore>(),
            sp.GetRequiredService<IPricingEngine>(),
            sp.GetRequiredService<OrdersOptions>(),
            sp.GetRequiredService<OrderingSdkOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
