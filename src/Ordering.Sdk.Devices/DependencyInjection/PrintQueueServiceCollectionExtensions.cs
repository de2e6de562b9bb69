using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Sdk;
using Ordering.Sdk.Devices.Queue;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the kitchen print queue.</summary>
public static class PrintQueueServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IPrintQueue"/> with the given printers and stations, an in-memory <see cref="IPrintOutbox"/>
    /// unless one is registered already (register a durable one first in production), and
    /// <see cref="TimeProvider.System"/> unless the host registered its own.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures printers, stations and the retry policy.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; validated here, at start-up.</exception>
    public static IServiceCollection AddOrderingPrintQueue(this IServiceCollection services, Action<PrintQueueOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PrintQueueOptions();
        configure(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPrintOutbox, InMemoryPrintOutbox>();
        services.TryAddSingleton<IPrintQueue>(sp => new PrintQueue(options, sp.GetRequiredService<IPrintOutbox>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
