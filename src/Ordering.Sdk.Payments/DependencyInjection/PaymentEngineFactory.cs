using Microsoft.Extensions.DependencyInjection;

namespace Ordering.Sdk.Payments;

// Builds the engine the DI container hands out: every registered channel plus the built-in ones.
internal static class PaymentEngineFactory
{
    public static IPaymentEngine Create(IServiceProvider services, PaymentsOptions options)
    {
        var channels = new List<IPaymentChannel>(services.GetServices<IPaymentChannel>());
        if (options.EnableCash && !channels.Exists(c => c.Id == PaymentChannelId.Cash))
        {
            channels.Add(new CashChannel());
        }

        if (options.EnableStoredValue && !channels.Exists(c => c.Id == PaymentChannelId.StoredValue))
        {
            channels.Add(new StoredValueChannel(services.GetRequiredService<IStoredValueLedger>()));
        }

        foreach (var channel in options.ChannelPolicies.Keys)
        {
            if (!channels.Exists(c => c.Id == channel))
            {
                throw new InvalidOperationException(
                    $"PaymentsOptions.ChannelPolicies: a policy is configured for {channel}, but no {channel} IPaymentChannel is registered (registered: {string.Join(", ", channels.ConvertAll(c => c.Id.ToString()))}).");
            }
        }

        var builder = new PaymentEngineBuilder()
            .UseJournal(services.GetRequiredService<IPaymentJournal>())
            .UseTimeProvider(services.GetService<TimeProvider>() ?? TimeProvider.System);
        if (options.RandomSeed is { } seed)
        {
            builder.UseRandom(new Random(seed));
        }

        foreach (var channel in channels)
        {
            builder.AddChannel(channel, options.ChannelPolicies.TryGetValue(channel.Id, out var policy) ? policy : null);
        }

        // DI factories are synchronous; building reads the journal back once, at first resolution. Every await
        // below uses ConfigureAwait(false), so blocking here cannot deadlock on a synchronization context.
        return builder.BuildAsync().AsTask().GetAwaiter().GetResult();
    }
}
