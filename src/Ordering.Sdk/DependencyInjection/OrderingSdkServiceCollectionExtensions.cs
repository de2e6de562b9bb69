using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Sdk;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Ordering SDK core with a service collection.</summary>
public static class OrderingSdkServiceCollectionExtensions
{
    /// <summary>Adds the Ordering SDK core services: options and the <see cref="TimeProvider"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional configuration of the store-wide options.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The configured options are invalid.</exception>
    /// <remarks>
    /// Options are validated here, at registration, so a misconfigured store fails at start-up and not at
    /// the lunch peak. <see cref="TimeProvider.System"/> is registered only when the host has not registered
    /// its own <see cref="TimeProvider"/>; calling this method twice is harmless.
    /// </remarks>
    public static IServiceCollection AddOrderingSdk(this IServiceCollection services, Action<OrderingSdkOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new OrderingSdkOptions();
        configure?.Invoke(options);
        options.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<OrderingSdkOptions>();
        services.AddSingleton(options);
        return services;
    }
}
