using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Orders;

/// <summary>Creates an <see cref="IOrderService"/> without a DI container.</summary>
public static class OrderServiceFactory
{
    /// <summary>Creates the order service of one store.</summary>
    /// <param name="store">Where order histories live (<see cref="InMemoryOrderStore"/> or the SQLite store).</param>
    /// <param name="pricingEngine">The engine that prices every order on every change.</param>
    /// <param name="options">The store's orders settings; validated here.</param>
    /// <param name="sdkOptions">Store-wide settings (currency, time zone, business day); defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The service.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="pricingEngine"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static IOrderService Create(IOrderStore store, IPricingEngine pricingEngine, OrdersOptions options, OrderingSdkOptions? sdkOptions = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pricingEngine);
        ArgumentNullException.ThrowIfNull(options);
        sdkOptions ??= new OrderingSdkOptions();
        timeProvider ??= TimeProvider.System;
        return new OrderService(store, new EngineOrderPricer(pricingEngine, timeProvider, sdkOptions.Currency), options, sdkOptions, timeProvider);
    }
}
