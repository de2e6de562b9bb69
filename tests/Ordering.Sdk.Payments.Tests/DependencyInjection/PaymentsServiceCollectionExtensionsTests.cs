using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ordering.Sdk.Payments.Tests.Engine;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.DependencyInjection;

public sealed class PaymentsServiceCollectionExtensionsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AddOrderingSdkPayments_Defaults_TakesCashAndStoredValueWithInMemoryStores()
    {
        using var provider = new ServiceCollection().AddOrderingSdkPayments().BuildServiceProvider();
        var engine = provider.GetRequiredService<IPaymentEngine>();
        var ledger = provider.GetRequiredService<IStoredValueLedger>();
        await ledger.TopUpAsync("M1", Money.Fen(500), Money.Fen(0), "t1");

        var cash = await engine.PayAsync(EngineHarness.CashTender("O1", 1500, 1000, 2000, "k1"));
        var stored = await engine.PayAsync(new TenderRequest("O1", Money.Fen(1500), Money.Fen(500), ChargeKind.StoredValue, "k2") { PayerId = "M1" });

        Assert.Equal(PaymentState.Succeeded, cash.State);
        Assert.Equal(PaymentState.Succeeded, stored.State);
        Assert.True(engine.GetOrderStatus("O1").IsSettled);
        Assert.IsType<InMemoryPaymentJournal>(provider.GetRequiredService<IPaymentJournal>());
        Assert.Same(engine, provider.GetRequiredService<IPaymentEngine>());
    }

    [Fact]
    public async Task AddOrderingSdkPayments_ChannelsRegisteredBeforeAndAfter_AreAllPickedUp()
    {
        var wechat = new FakePaymentChannel(PaymentChannelId.WeChatPay, _time, new Random(1));
        var alipay = new FakePaymentChannel(PaymentChannelId.Alipay, _time, new Random(2));
        var services = new ServiceCollection();
        services.AddSingleton<IPaymentChannel>(wechat);
        services.AddOrderingSdkPayments();
        services.AddSingleton<IPaymentChannel>(_ => alipay);
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPaymentEngine>();

        var byWeChat = await engine.PayAsync(EngineHarness.Code("O1", 1000, 1000, "k1"));
        var byAlipay = await engine.PayAsync(EngineHarness.Code("O2", 1000, 1000, "k2", EngineHarness.AlipayCode));

        Assert.Equal(PaymentState.Succeeded, byWeChat.State);
        Assert.Equal(PaymentState.Succeeded, byAlipay.State);
        Assert.Equal(1, wechat.ChargesReceived);
        Assert.Equal(1, alipay.ChargesReceived);
    }

    [Fact]
    public async Task AddOrderingSdkPayments_RegisteredJournalClockAndPolicies_AreTheOnesUsed()
    {
        var journal = new InMemoryPaymentJournal();
        var wechat = new FakePaymentChannel(PaymentChannelId.WeChatPay, _time, new Random(1));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IPaymentJournal>(journal);
        services.AddSingleton<IPaymentChannel>(wechat);
        services.AddOrderingSdkPayments(o => o
            .ConfigureChannel(PaymentChannelId.WeChatPay, p => p.GiveUpAfter = TimeSpan.FromSeconds(30))
            .ConfigureChannel(PaymentChannelId.Cash, p => p.CallTimeout = TimeSpan.FromSeconds(2)));
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPaymentEngine>();

        var attempt = await engine.PayAsync(EngineHarness.CashTender("O1", 100, 100, 100, "k1"));

        Assert.Equal(_time.GetUtcNow(), attempt.CreatedAt);
        Assert.True(journal.Count > 0);
        var slots = ((PaymentEngine)engine).Channels;
        var options = provider.GetRequiredService<PaymentsOptions>();
        Assert.Same(options.ChannelPolicies[PaymentChannelId.WeChatPay], slots[PaymentChannelId.WeChatPay].Policy);
        Assert.Equal(TimeSpan.FromSeconds(30), slots[PaymentChannelId.WeChatPay].Policy.GiveUpAfter);
        Assert.Equal(TimeSpan.FromSeconds(2), slots[PaymentChannelId.Cash].Policy.CallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), slots[PaymentChannelId.StoredValue].Policy.CallTimeout);
        Assert.Same(wechat, slots[PaymentChannelId.WeChatPay].Channel);
    }

    [Fact]
    public async Task AddOrderingSdkPayments_RegisteredCashChannel_ReplacesTheBuiltInOne()
    {
        var services = new ServiceCollection();
        var cash = new CashChannel();
        services.AddSingleton<IPaymentChannel>(cash);
        services.AddOrderingSdkPayments(o => o.EnableStoredValue = false);
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IPaymentEngine>();

        var attempt = await engine.PayAsync(EngineHarness.CashTender("O1", 100, 100, 100, "k1"));

        Assert.Same(cash, ((PaymentEngine)engine).Channels[PaymentChannelId.Cash].Channel);
        Assert.Equal(ChannelOutcome.Succeeded, (await cash.QueryAsync(attempt.AttemptId, CancellationToken.None)).Outcome);
        Assert.False(((PaymentEngine)engine).Channels.ContainsKey(PaymentChannelId.StoredValue));
    }

    [Fact]
    public async Task AddOrderingSdkPayments_CashDisabled_RefusesCashAsNotConfigured()
    {
        using var provider = new ServiceCollection().AddOrderingSdkPayments(o => o.EnableCash = false).BuildServiceProvider();
        var engine = provider.GetRequiredService<IPaymentEngine>();

        var attempt = await engine.PayAsync(EngineHarness.CashTender("O1", 100, 100, 100, "k1"));

        Assert.Equal(PaymentState.Failed, attempt.State);
        Assert.Equal(EngineErrorCodes.ChannelNotConfigured, attempt.LastFailure!.RawCode);
    }

    [Fact]
    public void AddOrderingSdkPayments_InvalidPolicy_ThrowsAtRegistrationNamingChannelAndField()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<OptionsValidationException>(() => services.AddOrderingSdkPayments(o =>
        {
            o.ConfigureChannel(PaymentChannelId.Alipay, p => p.QueryInterval = TimeSpan.Zero);
            o.ChannelPolicies[PaymentChannelId.Unknown] = new ChannelPolicy();
        }));

        Assert.Contains("ChannelPolicies[Alipay].QueryInterval: must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("ChannelPolicies[Unknown]: is not a payment channel", error.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public void AddOrderingSdkPayments_PolicyForAnUnregisteredChannel_IsAnErrorWhenResolved()
    {
        using var provider = new ServiceCollection()
            .AddOrderingSdkPayments(o => o.ConfigureChannel(PaymentChannelId.WeChatPay, p => p.GiveUpAfter = TimeSpan.FromSeconds(30)))
            .BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IPaymentEngine>());

        Assert.Contains("WeChatPay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOrderingSdkPayments_TwoChannelsWithOneId_IsAnErrorWhenResolved()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IPaymentChannel>(new FakePaymentChannel(PaymentChannelId.WeChatPay, _time, new Random(1)));
        services.AddSingleton<IPaymentChannel>(new FakePaymentChannel(PaymentChannelId.WeChatPay, _time, new Random(2)));
        using var provider = services.AddOrderingSdkPayments().BuildServiceProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<IPaymentEngine>());

        Assert.Contains("WeChatPay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOrderingSdkPayments_ResolvedAgainOverTheSameJournal_ResumesInFlightAttempts()
    {
        var journal = new InMemoryPaymentJournal();
        var wechat = new FakePaymentChannel(PaymentChannelId.WeChatPay, _time, new Random(1));
        ServiceProvider Build()
        {
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(_time);
            services.AddSingleton<IPaymentJournal>(journal);
            services.AddSingleton<IPaymentChannel>(wechat);
            return services.AddOrderingSdkPayments(o => o.ConfigureChannel(PaymentChannelId.WeChatPay, p => p.RetryBaseDelay = TimeSpan.Zero)).BuildServiceProvider();
        }

        string attemptId;
        using (var first = Build())
        {
            wechat.EnqueueFault(FakeCallFault.ResponseLost);
            attemptId = (await first.GetRequiredService<IPaymentEngine>().PayAsync(EngineHarness.Code("O1", 1000, 1000, "k1"))).AttemptId;
        }

        using var second = Build();
        var engine = second.GetRequiredService<IPaymentEngine>();
        Assert.NotNull(engine.NextDueAt);
        await engine.ProcessDueWorkAsync();

        Assert.Equal(PaymentState.Succeeded, engine.GetAttempt(attemptId)!.State);
        Assert.Equal(1, wechat.ChargesReceived);
    }
}
