using Microsoft.Extensions.DependencyInjection.Extensions;
using Ordering.Sdk;
using Ordering.Sdk.Payments;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the payment engine with a service collection.</summary>
public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IPaymentEngine"/> over every <see cref="IPaymentChannel"/> registered in the container
    /// (WeChat Pay, Alipay… adapters register themselves as singletons), plus cash and stored value.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The engine uses the registered <see cref="IPaymentJournal"/> (an <see cref="InMemoryPaymentJournal"/> if none
    /// is: register a durable one, such as the SQLite journal, in production), the registered
    /// <see cref="IStoredValueLedger"/> (a <see cref="StoredValueLedger"/> in memory if none is) and the registered
    /// <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> if none is). Registration order does not
    /// matter: channels and stores are collected when the engine is first resolved.
    /// </para>
    /// <para>
    /// Resolving the engine reads the journal back and schedules every attempt and refund that is not final, so
    /// resolve it once at start-up. The engine starts no threads: the host drives resolution by calling
    /// <see cref="IPaymentEngine.ProcessDueWorkAsync"/> when <see cref="IPaymentEngine.NextDueAt"/> has passed,
    /// for example once a second from a background loop on the same clock:
    /// </para>
    /// <code>
    /// var engine = provider.GetRequiredService&lt;IPaymentEngine&gt;(); // resumes from the journal
    /// var clock = provider.GetRequiredService&lt;TimeProvider&gt;();
    /// using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
    /// while (await timer.WaitForNextTickAsync(stoppingToken))
    /// {
    ///     if (engine.NextDueAt is { } due &amp;&amp; due &lt;= clock.GetUtcNow())
    ///     {
    ///         await engine.ProcessDueWorkAsync(stoppingToken); // queries, closes / reverses, refunds
    ///     }
    /// }
    /// </code>
    /// <para>Calling it again replaces the options; the engine is registered once.</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures built-in channels and per-channel <see cref="ChannelPolicy"/> overrides; validated here.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The configured options are invalid (each failure names the channel and field).</exception>
    public static IServiceCollection AddOrderingSdkPayments(this IServiceCollection services, Action<PaymentsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new PaymentsOptions();
        configure?.Invoke(options);
        options.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPaymentJournal, InMemoryPaymentJournal>();
        services.TryAddSingleton<IStoredValueLedger, StoredValueLedger>();
        services.RemoveAll<PaymentsOptions>();
        services.AddSingleton(options);
        services.TryAddSingleton(static sp => PaymentEngineFactory.Create(sp, sp.GetRequiredService<PaymentsOptions>()));
        return services;
    }
}
