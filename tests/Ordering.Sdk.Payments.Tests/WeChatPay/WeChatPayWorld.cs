using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// A sandbox and a channel configured against it, sharing one clock.
internal sealed class WeChatPayWorld : IAsyncDisposable
{
    public const string Code = "134567890123456789";

    private WeChatPayWorld(WeChatPaySandbox sandbox, WeChatPayChannel channel, WeChatPayOptions options, TimeProvider time)
    {
        Sandbox = sandbox;
        Channel = channel;
        Options = options;
        Time = time;
    }

    public WeChatPaySandbox Sandbox { get; }

    public WeChatPayChannel Channel { get; }

    public WeChatPayOptions Options { get; }

    public TimeProvider Time { get; }

    public FakeTimeProvider Fake => (FakeTimeProvider)Time;

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero));

    public static WeChatPayWorld Create(TimeProvider? time = null, Action<WeChatPaySandboxOptions>? sandbox = null, Action<WeChatPayOptions>? channel = null)
    {
        time ??= NewClock();
        // Tests drive callbacks with DeliverDueCallbacksAsync unless they turn the sandbox's own timer back on.
        var sandboxOptions = new WeChatPaySandboxOptions { TimeProvider = time, Seed = 42, ShareKeysInProcess = true, DeliverCallbacksAutomatically = false };
        sandbox?.Invoke(sandboxOptions);
        var box = WeChatPaySandbox.Start(sandboxOptions);
        var options = new WeChatPayOptions();
        box.Configure(options);
        options.RequestTimeout = TimeSpan.FromSeconds(20); // generous: a loaded CI machine can be slow on loopback
        channel?.Invoke(options);
        return new WeChatPayWorld(box, new WeChatPayChannel(options, time, new Random(3)), options, time);
    }

    public static ChargeRequest Charge(string number, long fen, ChargeKind kind = ChargeKind.CodePay, string? code = Code, string? payer = null) =>
        new(number, "order-1", Money.Fen(fen), kind, kind == ChargeKind.CodePay ? code : null, payer);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Sandbox.DisposeAsync();
    }
}
