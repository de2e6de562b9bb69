using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// API v2 code pay (micropay, orderquery, reverse) behind the same channel.
public sealed class WeChatPayV2Tests
{
    [Theory]
    [InlineData(WeChatPaySignType.HmacSha256)]
    [InlineData(WeChatPaySignType.Md5)]
    public async Task Micropay_PaysQueriesAndReverses(WeChatPaySignType signType)
    {
        await using var world = WeChatPayWorld.Create(channel: o =>
        {
            o.CodePayApi = WeChatPayCodePayApi.V2;
            o.ApiV2SignType = signType;
        });
        var charge = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000301", 4200), default);
        Assert.Equal(ChannelOutcome.Succeeded, charge.Outcome);
        Assert.Equal(Money.Fen(4200), charge.Amount);
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.QueryAsync("P0000000301", default)).Outcome);
        Assert.Equal(ChannelOutcome.Cancelled, (await world.Channel.CancelAsync("P0000000301", default)).Outcome);
        Assert.Equal("REVOKED", world.Sandbox.GetTrade("P0000000301")!.TradeState);
        Assert.Equal(ChannelOutcome.NotFound, (await world.Channel.QueryAsync("P0000000399", default)).Outcome);
        Assert.Equal(0, world.Sandbox.RejectedSignatures);
    }

    [Fact]
    public async Task Micropay_ReplySignTampered_IsUnknownNotBelieved()
    {
        await using var world = WeChatPayWorld.Create(channel: o => o.CodePayApi = WeChatPayCodePayApi.V2);
        world.Sandbox.EnqueueFault(WeChatPaySandboxFault.BadResponseSignature);
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000302", 100), default);
        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal(WeChatPayErrors.BadResponseSignature, result.Error!.RawCode);
    }

    [Fact]
    public async Task Micropay_WrongApiV2Key_IsRejectedBySandboxAsSignError()
    {
        await using var world = WeChatPayWorld.Create(channel: o =>
        {
            o.CodePayApi = WeChatPayCodePayApi.V2;
            o.ApiV2Key = new string('k', 32);
        });
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000303", 100), default);
        Assert.Equal(ChannelOutcome.Declined, result.Outcome);
        Assert.Equal("SIGNERROR", result.Error!.RawCode);
        Assert.Equal(FailureCause.Configuration, result.Error.Cause);
        Assert.Equal(1, world.Sandbox.RejectedSignatures);
    }

    [Fact]
    public async Task Reverse_SystemErrorWithRecall_IsUnknownSoTheEngineCallsAgain()
    {
        await using var world = WeChatPayWorld.Create(channel: o => o.CodePayApi = WeChatPayCodePayApi.V2);
        world.Sandbox.EnqueueCustomer(new WeChatPaySandboxCustomer(WeChatPaySandboxCustomerAction.NeverPays, TimeSpan.Zero));
        Assert.Equal(ChannelOutcome.CustomerPaying, (await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000304", 100), default)).Outcome);
        world.Sandbox.EnqueueFault(WeChatPaySandboxFault.SystemError);
        var reverse = await world.Channel.CancelAsync("P0000000304", default);
        Assert.Equal(ChannelOutcome.Unknown, reverse.Outcome);
        Assert.Equal("SYSTEMERROR", reverse.Error!.RawCode);
    }
}
