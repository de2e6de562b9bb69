using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Sdk;
using Ordering.Sdk.Payments;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers daily reconciliation.</summary>
public static class ReconciliationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IPaymentReconciler"/> over the registered <see cref="IPaymentJournal"/>, every
    /// <see cref="IChannelBillSource"/> and <see cref="IPaymentChannel"/>, the <see cref="IPaymentEngine"/>
    /// when one is registered, and the registered <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adjusts the day offset and boundary tolerance; optional.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; validated here, at start-up.</exception>
    public static IServiceCollection AddPaymentReconciliation(this IServiceCollection services, Action<ReconciliationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ReconciliationOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPaymentReconciler>(sp => new PaymentReconciler(
            sp.GetRequiredService<IPaymentJournal>(),
            sp.GetServices<IChannelBillSource>(),
            sp.GetServices<IPaymentChannel>(),
            sp.GetService<IPaymentEngine>(),
            sp.GetRequiredService<TimeProvider>(),
            options));
        return services;
    }
}
