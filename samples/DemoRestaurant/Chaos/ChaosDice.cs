using System.Collections.Concurrent;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Chaos;

/// <summary>
/// Rolls the chaos panel's rates for each gateway request and each simulated customer with one seeded
/// <see cref="Random"/> (<c>Demo:ChaosSeed</c>), so a run with the same seed and the same sequence of requests
/// injects the same faults. Counts what it injected, by channel and kind, for the dashboard.
/// </summary>
internal sealed class ChaosDice
{
    // The gateway errors the sandboxes can produce, drawn uniformly once the error rate says "fail this one".
    private static readonly GatewayFault[] GatewayErrors = [GatewayFault.ServerError, GatewayFault.SystemError, GatewayFault.DropAfterProcessing];
    private static readonly GatewayFault[] NetworkDrops = [GatewayFault.DropBeforeProcessing, GatewayFault.DropAfterProcessing];

    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, long> _injected = new(StringComparer.Ordinal);

    public ChaosDice(ChaosSettings settings, int seed)
    {
        Settings = settings;
        _random = new Random(seed);
    }

    /// <summary>Gets the live settings the dice read on every roll.</summary>
    public ChaosSettings Settings { get; }

    /// <summary>Gets the network latency to add to each gateway call now.</summary>
    public TimeSpan Latency => TimeSpan.FromMilliseconds(Settings.NetworkLatencyMs);

    /// <summary>Gets the extra time a customer keeps a payment in USERPAYING / WAIT_BUYER_PAY now.</summary>
    public TimeSpan UserPayingDelay => TimeSpan.FromMilliseconds(Settings.UserPayingDelayMs);

    /// <summary>Decides what happens to one request to <paramref name="channel"/>: a gateway error first, else a network drop, else nothing.</summary>
    public GatewayFault NextFault(PaymentChannelId channel)
    {
        var errorRate = Settings.GatewayErrorRate;
        var dropRate = Settings.DropRate;
        if (errorRate <= 0 && dropRate <= 0)
        {
            return GatewayFault.None;
        }

        GatewayFault fault;
        lock (_gate)
        {
            fault = _random.NextDouble() < errorRate ? GatewayErrors[_random.Next(GatewayErrors.Length)]
                : _random.NextDouble() < dropRate ? NetworkDrops[_random.Next(NetworkDrops.Length)]
                : GatewayFault.None;
        }

        if (fault != GatewayFault.None)
        {
            Count(channel, fault.ToString());
        }

        return fault;
    }

    /// <summary>Decides whether one call is lost on the network (Fake mode, where the wrapper plays the network): before or after the gateway acted.</summary>
    public GatewayFault NextDrop(PaymentChannelId channel)
    {
        var dropRate = Settings.DropRate;
        if (dropRate <= 0)
        {
            return GatewayFault.None;
        }

        GatewayFault fault;
        lock (_gate)
        {
            fault = _random.NextDouble() < dropRate ? NetworkDrops[_random.Next(NetworkDrops.Length)] : GatewayFault.None;
        }

        if (fault != GatewayFault.None)
        {
            Count(channel, fault.ToString());
        }

        return fault;
    }

    /// <summary>Decides whether the next customer of <paramref name="channel"/> types a wrong password.</summary>
    public bool NextWrongPassword(PaymentChannelId channel)
    {
        var rate = Settings.WrongPasswordRate;
        if (rate <= 0)
        {
            return false;
        }

        bool mistypes;
        lock (_gate)
        {
            mistypes = _random.NextDouble() < rate;
        }

        if (mistypes)
        {
            Count(channel, "WrongPassword");
        }

        return mistypes;
    }

    /// <summary>Records a fault injected on a decision made elsewhere (for example a USERPAYING delay given to a customer).</summary>
    public void Count(PaymentChannelId channel, string kind) => _injected.AddOrUpdate(channel + ":" + kind, 1, static (_, n) => n + 1);

    /// <summary>Gets how many faults of each kind were injected so far ("WeChatPay:ServerError" → 3).</summary>
    public IReadOnlyDictionary<string, long> Injected() => new SortedDictionary<string, long>(_injected, StringComparer.Ordinal);
}
