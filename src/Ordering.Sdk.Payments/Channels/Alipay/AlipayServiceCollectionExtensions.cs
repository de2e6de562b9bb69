using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Sdk;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Payments.Alipay;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Alipay channel.</summary>
public static class AlipayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Alipay channel as a singleton <see cref="IPaymentChannel"/>, its trade bill as an
    /// <see cref="IChannelBillSource"/> and an <see cref="IAlipayNotificationVerifier"/>, using the
    /// registered <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> unless the host added one).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the app id, keys, seller id, URLs and timeouts.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; validated here, at start-up.</exception>
    public static IServiceCollection AddAlipayChannel(this IServiceCollection services, Action<AlipayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new AlipayOptions();
        configure(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AlipayClient(options, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new AlipayPaymentChannel(sp.GetRequiredService<AlipayClient>()));
        services.AddSingleton<IPaymentChannel>(sp => sp.GetRequiredService<AlipayPaymentChannel>());
        services.AddSingleton<IChannelBillSource>(sp => new AlipayBillSource(sp.GetRequiredService<AlipayClient>()));
        services.TryAddSingleton<IAlipayNotificationVerifier>(sp => new AlipayNotificationVerifier(sp.GetRequiredService<AlipayClient>()));
        return services;
    }
}
