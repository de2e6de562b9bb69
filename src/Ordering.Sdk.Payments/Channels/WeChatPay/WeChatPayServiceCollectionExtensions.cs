using Ordering.Sdk.Payments;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the WeChat Pay channel.</summary>
public static class WeChatPayServiceCollectionExtensions
{
    /// <summary>
    /// Registers the WeChat Pay channel as a singleton <see cref="IPaymentChannel"/>,
    /// <see cref="IChannelBillSource"/> and <see cref="IWeChatPayChannel"/>. The options are validated
    /// here, at registration, so a wrong key or certificate stops the host at start-up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; every field is named.</exception>
    public static IServiceCollection AddWeChatPayChannel(this IServiceCollection services, Action<WeChatPayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new WeChatPayOptions();
        configure(options);

        // Fail now, not at the first payment; the channel re-checks with the host's clock.
        WeChatPayCredentials.Load(options, TimeProvider.System.GetUtcNow()).Dispose();
        services.AddSingleton<IWeChatPayChannel>(provider => new WeChatPayChannel(options, provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<IPaymentChannel>(provider => provider.GetRequiredService<IWeChatPayChannel>());
        services.AddSingleton<IChannelBillSource>(provider => provider.GetRequiredService<IWeChatPayChannel>());
        return services;
    }
}
