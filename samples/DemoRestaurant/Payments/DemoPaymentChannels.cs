using DemoRestaurant.Chaos;
using DemoRestaurant.Dashboard;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Testing;

namespace DemoRestaurant.Payments;

/// <summary>
/// THE ONE PLACE where the demo builds its WeChat Pay and Alipay channels. By default (<c>Demo:PaymentGateways=Sandbox</c>)
/// they are the SDK's real WeChat Pay and Alipay adapters talking to loopback sandboxes (see <see cref="SandboxGateways"/>);
/// payments settle through verified signed callbacks and the chaos panel's faults are injected by the sandboxes.
/// With <c>Fake</c> they are the SDK's in-process <see cref="FakePaymentChannel"/>s, and <see cref="ChaosPaymentChannel"/>
/// plays the network while the fakes' own fault model plays the gateway.
/// </summary>
internal sealed class DemoPaymentChannels : IAsyncDisposable
{
    private readonly List<SerializedFake> _fakes;
    private readonly ChaosDice _dice;

    private DemoPaymentChannels(List<SerializedFake> fakes, IReadOnlyList<(IPaymentChannel Channel, ChannelPolicy Policy)> wallets, ChaosDice dice, SandboxGateways? sandboxes = null)
    {
        _fakes = fakes;
        Wallets = wallets;
        _dice = dice;
        Sandboxes = sandboxes;
    }

    /// <summary>Gets the seeded dice every chaos decision is rolled with.</summary>
    public ChaosDice Dice => _dice;

    /// <summary>Gets the loopback sandboxes behind the channels, or <see langword="null"/> in Fake mode.</summary>
    public SandboxGateways? Sandboxes { get; }

    /// <summary>Gets the WeChat Pay and Alipay channels with their resolution policies, ready for <see cref="PaymentEngineBuilder.AddChannel"/>.</summary>
    public IReadOnlyList<(IPaymentChannel Channel, ChannelPolicy Policy)> Wallets { get; }

    public static DemoPaymentChannels Create(DemoOptions options, ChaosSettings chaos, DashboardState stats, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var customerDelay = TimeSpan.FromMilliseconds(options.SimulatedCustomerDelayMs);
        var dice = new ChaosDice(chaos, options.ChaosSeed);
        if (options.PaymentGateways == DemoPaymentGateways.Sandbox)
        {
            var sandboxes = SandboxGateways.Start(customerDelay, dice, time);
            IReadOnlyList<(IPaymentChannel, ChannelPolicy)> real =
            [
                (new ChaosPaymentChannel(sandboxes.WeChatChannel, null, stats, time), ChannelPolicy.WeChatPay()),
                (new ChaosPaymentChannel(sandboxes.AlipayChannel, null, stats, time), ChannelPolicy.Alipay()),
            ];
            return new DemoPaymentChannels([], real, dice, sandboxes);
        }

        var fakes = new List<SerializedFake>();
        var wallets = new List<(IPaymentChannel, ChannelPolicy)>();
        foreach (var (id, policy) in new[] { (PaymentChannelId.WeChatPay, ChannelPolicy.WeChatPay()), (PaymentChannelId.Alipay, ChannelPolicy.Alipay()) })
        {
            var fake = new FakePaymentChannel(id, time, new Random(options.ChaosSeed + (id == PaymentChannelId.WeChatPay ? 11 : 17)))
            {
                // The simulated customer: confirms in the app after a short delay, unless the chaos panel says they
                // mistype the password or keep the payment in USERPAYING / WAIT_BUYER_PAY for a while.
                CustomerModel = (request, random) =>
                {
                    var paying = TimeSpan.FromMilliseconds(chaos.UserPayingDelayMs) + (request.Kind is ChargeKind.CodePay ? TimeSpan.Zero : customerDelay);
                    var outcome = random.NextDouble() < chaos.WrongPasswordRate ? FakeCustomerOutcome.WrongPassword : FakeCustomerOutcome.Pays;
                    return new FakeCustomerBehavior(outcome, paying);
                },
            };
            var serialized = new SerializedFake(fake, chaos);
            fakes.Add(serialized);
            wallets.Add((new ChaosPaymentChannel(serialized, dice, stats, time), policy));
        }

        return new DemoPaymentChannels(fakes, wallets, dice);
    }

    /// <summary>
    /// Delivers the payment results the gateways would POST to the notify URL. With the fakes they are in-process
    /// objects; with the sandboxes they arrive as signed HTTP callbacks that the adapter verifies before the engine
    /// sees them. Returns how many were applied.
    /// </summary>
    public async Task<int> DeliverCallbacksAsync(IPaymentEngine engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (Sandboxes is not null)
        {
            return await Sandboxes.DeliverCallbacksAsync(engine, cancellationToken);
        }

        var applied = 0;
        foreach (var fake in _fakes)
        {
            foreach (var notification in fake.TakeDueNotifications())
            {
                if (await engine.ApplyNotificationAsync(notification, cancellationToken) == NotificationDisposition.Applied)
                {
                    applied++;
                }
            }
        }

        return applied;
    }

    /// <summary>Gets what the dashboard shows about the gateways behind the channels.</summary>
    public string Description => Sandboxes is null
        ? "FakePaymentChannel (simulated customer, chaos: " + _dice.Settings.View() + ")"
        : "WeChat Pay + Alipay adapters on loopback sandboxes (verified callbacks, faults injected by the sandboxes, chaos: " + _dice.Settings.View() + ")";

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Sandboxes?.DisposeAsync() ?? ValueTask.CompletedTask;

    // FakePaymentChannel is a single-threaded test double; the engine calls channels concurrently, so calls are
    // serialized here. It also feeds the chaos panel's gateway-error rate into the fake's own fault model.
    private sealed class SerializedFake(FakePaymentChannel fake, ChaosSettings chaos) : IPaymentChannel
    {
        private readonly Lock _gate = new();

        public PaymentChannelId Id => fake.Id;

        public IReadOnlyList<PaymentNotification> TakeDueNotifications()
        {
            lock (_gate)
            {
                return fake.TakeDueNotifications();
            }
        }

        public ValueTask<ChannelResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken) => Run(() => fake.ChargeAsync(request, cancellationToken));

        public ValueTask<ChannelResult> QueryAsync(string merchantOrderNumber, CancellationToken cancellationToken) => Run(() => fake.QueryAsync(merchantOrderNumber, cancellationToken));

        public ValueTask<ChannelResult> CancelAsync(string merchantOrderNumber, CancellationToken cancellationToken) => Run(() => fake.CancelAsync(merchantOrderNumber, cancellationToken));

        public ValueTask<ChannelResult> RefundAsync(RefundChannelRequest request, CancellationToken cancellationToken) => Run(() => fake.RefundAsync(request, cancellationToken));

        public ValueTask<ChannelResult> QueryRefundAsync(string merchantOrderNumber, string refundNumber, CancellationToken cancellationToken) =>
            Run(() => fake.QueryRefundAsync(merchantOrderNumber, refundNumber, cancellationToken));

        private ValueTask<ChannelResult> Run(Func<ValueTask<ChannelResult>> call)
        {
            lock (_gate)
            {
                fake.Faults.CallFaultRate = chaos.GatewayErrorRate;
                try
                {
                    // The fake answers synchronously, so the result is complete inside the lock.
                    var pending = call();
                    return pending.IsCompleted
                        ? ValueTask.FromResult(pending.Result)
                        : throw new InvalidOperationException("FakePaymentChannel answered asynchronously; this wrapper relies on it answering inside the lock.");
                }
                catch (Exception e) when (e is TimeoutException or IOException)
                {
                    return ValueTask.FromException<ChannelResult>(e);
                }
            }
        }
    }
}
