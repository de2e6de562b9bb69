using Ordering.Sdk;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Kitchen;
using Ordering.Sdk.Orders;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers kitchen routing and the outbox-to-kitchen relay with a service collection.</summary>
public static class KitchenServiceCollectionExtensions
{
    /// <summary>
    /// Adds a <see cref="KitchenRouter"/> for the menu and a <see cref="KitchenRelay"/> that drains the
    /// registered <see cref="IOrderStore"/>'s outbox into every registered <see cref="IKitchenTicketSink"/>.
    /// Register the order service (<c>AddOrderingSdkOrders</c>) and at least one sink as well.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="catalog">The menu whose categories decide the stations.</param>
    /// <param name="configure">Configures the stations; validated here.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The configured stations are invalid.</exception>
    public static IServiceCollection AddOrderingSdkKitchen(this IServiceCollection services, MenuCatalog catalog, Action<KitchenRoutingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new KitchenRoutingOptions();
        configure(options);
        var router = new KitchenRouter(catalog, options);

        services.AddSingleton(router);
        services.AddSingleton(sp => new KitchenRelay(
            sp.GetRequiredService<IOrderStore>(),
            sp.GetRequiredService<KitchenRouter>(),
            sp.GetServices<IKitchenTicketSink>()));
        return services;
    }
}
