using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// Every operation over loopback HTTP against the sandbox, which checks our signatures and signs its answers.
public sealed class WeChatPayChannelTests
{
    [Fact]
    public async Task ChargeAsync_CodePayCustomerPaysAtOnce_SucceedsAndLedgerAgrees()
    {
        await using var world = WeChatPayWorld.Create();
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000001", 1234), default);
        Assert.Equal(ChannelOutcome.Succeeded, result.Outcome);
        Assert.Equal(Money.Fen(1234), result.Amount);
        var trade = world.Sandbox.GetTrade("P0000000001")!;
        Assert.Equal("SUCCESS", trade.TradeState);
        Assert.Equal(trade.TransactionId, result.ChannelTransactionId);
        Assert.Equal(0, world.Sandbox.RejectedSignatures);
    }

    [Fact]
    public async Task ChargeAsync_CustomerEntersPassword_IsPayingThenQuerySucceeds()
    {
        await using var world = WeChatPayWorld.Create();
        world.Sandbox.EnqueueCustomer(new WeChatPaySandboxCustomer(WeChatPaySandboxCustomerAction.Pays, TimeSpan.FromSeconds(8)));
        var charge = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000002", 500), default);
        Assert.Equal(ChannelOutcome.CustomerPaying, charge.Outcome);
        Assert.Equal(ChannelOutcome.CustomerPaying, (await world.Channel.QueryAsync("P0000000002", default)).Outcome);
        world.Fake.Advance(TimeSpan.FromSeconds(8));
        var query = await world.Channel.QueryAsync("P0000000002", default);
        Assert.Equal(ChannelOutcome.Succeeded, query.Outcome);
        Assert.Equal(Money.Fen(500), query.Amount);
    }

    [Theory]
    [InlineData(WeChatPaySandboxCustomerAction.InsufficientBalance, 0, "NOTENOUGH", FailureCause.Customer, RecommendedAction.SwitchMethod)]
    [InlineData(WeChatPaySandboxCustomerAction.ExpiredCode, 0, "AUTHCODEEXPIRE", FailureCause.Customer, RecommendedAction.AskForNewCode)]
    public async Task ChargeAsync_CustomerFailsAtOnce_IsDeclinedWithCause(WeChatPaySandboxCustomerAction action, int seconds, string code, FailureCause cause, RecommendedAction recommended)
    {
        await using var world = WeChatPayWorld.Create();
        world.Sandbox.EnqueueCustomer(new WeChatPaySandboxCustomer(action, TimeSpan.FromSeconds(seconds)));
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000003", 500), default);
        Assert.Equal(ChannelOutcome.Declined, result.Outcome);
        Assert.Equal(code, result.Error!.RawCode);
        Assert.Equal(cause, result.Error.Cause);
        Assert.Equal(recommended, result.Error.Action);
    }

    [Theory]
    [InlineData(WeChatPaySandboxCustomerAction.WrongPassword)]
    [InlineData(WeChatPaySandboxCustomerAction.Cancels)]
    public async Task QueryAsync_CustomerFailsWhilePaying_IsDeclinedPayError(WeChatPaySandboxCustomerAction action)
    {
        await using var world = WeChatPayWorld.Create();
        world.Sandbox.EnqueueCustomer(new WeChatPaySandboxCustomer(action, TimeSpan.FromSeconds(5)));
        Assert.Equal(ChannelOutcome.CustomerPaying, (await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000004", 500), default)).Outcome);
        world.Fake.Advance(TimeSpan.FromSeconds(6));
        var query = await world.Channel.QueryAsync("P0000000004", default);
        Assert.Equal(ChannelOutcome.Declined, query.Outcome);
        Assert.Equal("PAYERROR", query.Error!.RawCode);
        Assert.Equal(FailureCause.Customer, query.Error.Cause);
    }

    [Fact]
    public async Task SetCustomer_ConcurrentCharges_EachTradeMeetsItsOwnCustomer()
    {
        // Queued customers go to trades in arrival order; a customer set for a trade goes to that trade whatever
        // arrives first, and ahead of the queue.
        await using var world = WeChatPayWorld.Create();
        world.Sandbox.EnqueueCustomer(new WeChatPaySandboxCustomer(WeChatPaySandboxCustomerAction.Cancels, TimeSpan.FromSeconds(1)));
        world.Sandbox.SetCustomer("P0000000021", new WeChatPaySandboxCustomer(WeChatPaySandboxCustomerAction.WrongPassword, TimeSpan.FromSeconds(5)));
        world.Sandbox.SetCustomer("P0000000022", new WeChatPaySandboxCustomer(WeChatPaySandboxCustomerAction.Pays, TimeSpan.FromSeconds(5)));

        var charges = await Task.WhenAll(
            world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000022", 700, ChargeKind.Jsapi, code: null, payer: "openid-b"), default).AsTask(),
            world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000021", 600, ChargeKind.Jsapi, code: null, payer: "openid-a"), default).AsTask(),
            world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000023", 800, ChargeKind.Jsapi, code: null, payer: "openid-c"), default).AsTask());
        Assert.All(charges, c => Assert.Equal(ChannelOutcome.CustomerPaying, c.Outcome));
        world.Fake.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal("PAYERROR", world.Sandbox.GetTrade("P0000000021")!.TradeState);
        Assert.Equal("SUCCESS", world.Sandbox.GetTrade("P0000000022")!.TradeState);
        Assert.Equal("PAYERROR", world.Sandbox.GetTrade("P0000000023")!.TradeState);
    }

    [Fact]
    public async Task SetCustomer_BadArguments_NameTheParameter()
    {
        await using var world = WeChatPayWorld.Create();
        Assert.Equal("outTradeNo", Assert.ThrowsAny<ArgumentException>(() => world.Sandbox.SetCustomer(" ", new WeChatPaySandboxCustomer(WeChatPaySandboxCustomerAction.Pays, TimeSpan.Zero))).ParamName);
        Assert.Equal("customer", Assert.Throws<ArgumentNullException>(() => world.Sandbox.SetCustomer("P1", null!)).ParamName);
    }

    [Fact]
    public async Task ChargeAsync_NotAWeChatCode_IsRefusedWithoutAnyRequest()
    {
        await using var world = WeChatPayWorld.Create();
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000005", 500, code: "284567890123456789"), default);
        Assert.Equal(ChannelOutcome.Declined, result.Outcome);
        Assert.Equal("AUTH_CODE_INVALID", result.Error!.RawCode);
        Assert.Empty(world.Sandbox.Trades);
    }

    [Fact]
    public async Task ChargeAsync_Native_ReturnsCodeUrlAndCloseCancels()
    {
        await using var world = WeChatPayWorld.Create();
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000006", 800, ChargeKind.QrCode), default);
        Assert.Equal(ChannelOutcome.CustomerPaying, result.Outcome);
        Assert.StartsWith("weixin://wxpay/bizpayurl?pr=", result.CustomerPrompt, StringComparison.Ordinal);
        Assert.Equal(ChannelOutcome.CustomerPaying, (await world.Channel.QueryAsync("P0000000006", default)).Outcome);
        Assert.Equal(ChannelOutcome.Cancelled, (await world.Channel.CancelAsync("P0000000006", default)).Outcome);
        Assert.Equal("CLOSED", world.Sandbox.GetTrade("P0000000006")!.TradeState);
    }

    [Fact]
    public async Task CancelAsync_NativePaidBeforeClose_ReportsTheCapture()
    {
        await using var world = WeChatPayWorld.Create();
        await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000007", 800, ChargeKind.QrCode), default);
        world.Sandbox.CompletePayment("P0000000007");
        var result = await world.Channel.CancelAsync("P0000000007", default);
        Assert.Equal(ChannelOutcome.Succeeded, result.Outcome);
        Assert.Equal(Money.Fen(800), result.Amount);
    }

    [Fact]
    public async Task ChargeAsync_Jsapi_ReturnsRequestPaymentBundleSignedWithMerchantKey()
    {
        await using var world = WeChatPayWorld.Create();
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000008", 800, ChargeKind.Jsapi, payer: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"), default);
        Assert.Equal(ChannelOutcome.CustomerPaying, result.Outcome);
        using var bundle = JsonDocument.Parse(result.CustomerPrompt!);
        var root = bundle.RootElement;
        Assert.Equal(world.Sandbox.AppId, root.GetProperty("appId").GetString());
        Assert.Equal("RSA", root.GetProperty("signType").GetString());
        Assert.StartsWith("prepay_id=wx", root.GetProperty("package").GetString(), StringComparison.Ordinal);
        var message = root.GetProperty("appId").GetString() + "\n" + root.GetProperty("timeStamp").GetString() + "\n" + root.GetProperty("nonceStr").GetString() + "\n" + root.GetProperty("package").GetString() + "\n";
        using var merchant = RSA.Create();
        merchant.ImportFromPem(world.Sandbox.MerchantPrivateKeyPem);
        Assert.True(merchant.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(root.GetProperty("paySign").GetString()!), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal(world.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("timeStamp").GetString());
    }

    [Fact]
    public async Task ChargeAsync_JsapiWithoutOpenId_IsRefusedLocally()
    {
        await using var world = WeChatPayWorld.Create();
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000009", 800, ChargeKind.Jsapi), default);
        Assert.Equal(ChannelOutcome.Declined, result.Outcome);
        Assert.Equal(FailureCause.Configuration, result.Error!.Cause);
        Assert.Contains("PayerId", result.Error.RawMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_UnknownOrder_IsNotFound()
    {
        await using var world = WeChatPayWorld.Create();
        Assert.Equal(ChannelOutcome.NotFound, (await world.Channel.QueryAsync("P0000000010", default)).Outcome);
    }

    [Fact]
    public async Task CancelAsync_CodePay_ReversesAndReturnsTheMoney()
    {
        await using var world = WeChatPayWorld.Create();
        await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000011", 900), default);
        Assert.Equal(ChannelOutcome.Cancelled, (await world.Channel.CancelAsync("P0000000011", default)).Outcome);
        var trade = world.Sandbox.GetTrade("P0000000011")!;
        Assert.Equal("REVOKED", trade.TradeState);
        Assert.Equal(Money.Fen(0), trade.Captured);
    }

    [Fact]
    public async Task CancelAsync_AfterRestartWithoutKindCache_QueriesTradeTypeThenReverses()
    {
        await using var world = WeChatPayWorld.Create();
        await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000012", 900), default);
        using var restarted = new WeChatPayChannel(world.Options, world.Time);
        Assert.Equal(ChannelOutcome.Cancelled, (await restarted.CancelAsync("P0000000012", default)).Outcome);
        Assert.Equal("REVOKED", world.Sandbox.GetTrade("P0000000012")!.TradeState);
    }

    [Fact]
    public async Task RefundAsync_PartialThenSameNumberAgain_RefundsOnce()
    {
        await using var world = WeChatPayWorld.Create();
        await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000013", 1000), default);
        var request = new RefundChannelRequest("P0000000013", "R0000000013", Money.Fen(300), Money.Fen(1000), null);
        var first = await world.Channel.RefundAsync(request, default);
        var again = await world.Channel.RefundAsync(request, default);
        Assert.Equal(ChannelOutcome.Succeeded, first.Outcome);
        Assert.Equal(Money.Fen(300), first.Amount);
        Assert.Equal(first.ChannelTransactionId, again.ChannelTransactionId);
        Assert.Equal(Money.Fen(300), world.Sandbox.GetTrade("P0000000013")!.Refunded);
        var query = await world.Channel.QueryRefundAsync("P0000000013", "R0000000013", default);
        Assert.Equal(ChannelOutcome.Succeeded, query.Outcome);
        Assert.Equal(ChannelOutcome.NotFound, (await world.Channel.QueryRefundAsync("P0000000013", "R-missing-1", default)).Outcome);
    }

    [Fact]
    public async Task RefundAsync_WithRefundDelay_IsProcessingThenQuerySucceeds()
    {
        await using var world = WeChatPayWorld.Create(sandbox: o => o.RefundDelay = TimeSpan.FromMinutes(1));
        await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000014", 1000), default);
        var refund = await world.Channel.RefundAsync(new RefundChannelRequest("P0000000014", "R0000000014", Money.Fen(1000), Money.Fen(1000), null), default);
        Assert.Equal(ChannelOutcome.Processing, refund.Outcome);
        world.Fake.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.QueryRefundAsync("P0000000014", "R0000000014", default)).Outcome);
    }

    [Fact]
    public async Task RefundAsync_MoreThanRemains_IsDeclinedAndNothingMoves()
    {
        await using var world = WeChatPayWorld.Create();
        await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000015", 1000), default);
        await world.Channel.RefundAsync(new RefundChannelRequest("P0000000015", "R0000000015a", Money.Fen(800), Money.Fen(1000), null), default);
        var second = await world.Channel.RefundAsync(new RefundChannelRequest("P0000000015", "R0000000015b", Money.Fen(800), Money.Fen(1000), null), default);
        Assert.Equal(ChannelOutcome.Declined, second.Outcome);
        Assert.Equal("NOT_ENOUGH", second.Error!.RawCode);
        Assert.Equal(Money.Fen(800), world.Sandbox.GetTrade("P0000000015")!.Refunded);
    }

    [Fact]
    public async Task ChargeAsync_WrongMerchantKey_SandboxRejectsWithSignError()
    {
        await using var world = WeChatPayWorld.Create();
        using var other = RSA.Create(2048);
        var options = new WeChatPayOptions();
        world.Sandbox.Configure(options);
        options.MerchantPrivateKeyPem = other.ExportPkcs8PrivateKeyPem();
        options.MerchantCertificatePem = null;
        using var channel = new WeChatPayChannel(options, world.Time);
        var result = await channel.ChargeAsync(WeChatPayWorld.Charge("P0000000016", 500), default);
        Assert.Equal(ChannelOutcome.Declined, result.Outcome);
        Assert.Equal("SIGN_ERROR", result.Error!.RawCode);
        Assert.Equal(FailureCause.Configuration, result.Error.Cause);
        Assert.Equal(1, world.Sandbox.RejectedSignatures);
        Assert.Empty(world.Sandbox.Trades);
    }

    [Fact]
    public async Task ChargeAsync_ClockSkewedSixMinutes_SandboxRejectsTimestamp()
    {
        var sandboxClock = WeChatPayWorld.NewClock();
        await using var world = WeChatPayWorld.Create(sandboxClock);
        var skewed = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(sandboxClock.GetUtcNow() + TimeSpan.FromMinutes(6));
        using var channel = new WeChatPayChannel(world.Options, skewed);
        var result = await channel.ChargeAsync(WeChatPayWorld.Charge("P0000000017", 500), default);

        // Our clock is wrong, so the sandbox's answer is outside our window too: unknown, never declined.
        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal(1, world.Sandbox.RejectedSignatures);
        Assert.Empty(world.Sandbox.Trades);
    }

    [Fact]
    public async Task ChargeAsync_ResponseSignatureProbe_IsUnknownNeverDeclined()
    {
        await using var world = WeChatPayWorld.Create();
        world.Sandbox.EnqueueFault(WeChatPaySandboxFault.BadResponseSignature);
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000018", 500), default);
        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal(WeChatPayErrors.BadResponseSignature, result.Error!.RawCode);

        // The money did move: the query (correctly signed) tells.
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.QueryAsync("P0000000018", default)).Outcome);
    }

    [Theory]
    [InlineData(WeChatPaySandboxFault.DropAfterProcessing, true)]
    [InlineData(WeChatPaySandboxFault.DropBeforeProcessing, false)]
    [InlineData(WeChatPaySandboxFault.ServerError, false)]
    [InlineData(WeChatPaySandboxFault.SystemError, true)]
    public async Task ChargeAsync_TransportFault_IsUnknownAndQueryFindsTheTruth(WeChatPaySandboxFault fault, bool processed)
    {
        await using var world = WeChatPayWorld.Create();
        world.Sandbox.EnqueueFault(fault);
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000019", 500), default);
        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.NotNull(result.Error);
        Assert.Equal(RecommendedAction.QueryThenDecide, result.Error.Action);
        var query = await world.Channel.QueryAsync("P0000000019", default);
        Assert.Equal(processed ? ChannelOutcome.Succeeded : ChannelOutcome.NotFound, query.Outcome);
    }

    [Fact]
    public async Task ChargeAsync_BareServerError_BlamesTheGatewayNotOurKeys()
    {
        // A 500 error page has no signature; staff must read "the channel is failing", not "check the certificates".
        await using var world = WeChatPayWorld.Create();
        world.Sandbox.EnqueueFault(WeChatPaySandboxFault.ServerError);
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000024", 500), default);

        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal(WeChatPayErrors.UnsignedServerError, result.Error!.RawCode);
        Assert.Equal(FailureCause.GatewayUnavailable, result.Error.Cause);
        Assert.Equal(RecommendedAction.QueryThenDecide, result.Error.Action);
        Assert.Contains("HTTP 500", result.Error.RawMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChargeAsync_SlowerThanRequestTimeout_IsUnknownWithTimeoutCode()
    {
        await using var world = WeChatPayWorld.Create(TimeProvider.System, channel: o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));
        world.Sandbox.Latency = TimeSpan.FromSeconds(2);
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000020", 500), default);
        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal(WeChatPayErrors.Timeout, result.Error!.RawCode);
        Assert.Equal(FailureCause.Network, result.Error.Cause);
    }

    [Fact]
    public async Task Requests_WithPublicKeyIdHeader_AreAnsweredWithPublicKeyOtherwiseWithPlatformCertificate()
    {
        // Both verify: the channel holds the public key and the platform certificate during the migration.
        await using var world = WeChatPayWorld.Create(channel: o => o.SendPublicKeyIdHeader = false);
        Assert.Equal(ChannelOutcome.Succeeded, (await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000021", 500), default)).Outcome);
        using var publicKeyChannel = new WeChatPayChannel(world.Options.WithPublicKeyHeader(), world.Time);
        Assert.Equal(ChannelOutcome.Succeeded, (await publicKeyChannel.QueryAsync("P0000000021", default)).Outcome);
    }

    [Fact]
    public async Task Requests_PlatformSignedAnswerButOnlyPublicKeyConfigured_AreUnknown()
    {
        await using var world = WeChatPayWorld.Create(channel: o => o.SendPublicKeyIdHeader = false);
        var options = world.Options.WithPublicKeyHeader();
        options.SendPublicKeyIdHeader = false;
        options.PlatformCertificatePems.Clear();
        using var channel = new WeChatPayChannel(options, world.Time);
        var result = await channel.QueryAsync("P0000000022", default);
        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Contains("unknown Wechatpay-Serial", result.Error!.RawMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadBillAsync_PaymentsAndRefundsOfTheDay_MatchTheSandboxLedger()
    {
        await using var world = WeChatPayWorld.Create();
        await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000023", 1990), default);
        await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000024", 1), default);
        await world.Channel.RefundAsync(new RefundChannelRequest("P0000000023", "R0000000023", Money.Fen(990), Money.Fen(1990), null), default);
        var day = DateOnly.FromDateTime(world.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var bill = await world.Channel.DownloadBillAsync(day, default);
        Assert.Equal(PaymentChannelId.WeChatPay, bill.Channel);
        Assert.Equal(3, bill.Records.Count);
        var payment = bill.Records.Single(r => r.Kind == ChannelBillRecordKind.Payment && r.MerchantOrderNumber == "P0000000023");
        Assert.Equal(Money.Fen(1990), payment.Amount);
        Assert.Equal(world.Sandbox.GetTrade("P0000000023")!.TransactionId, payment.ChannelTransactionId);
        var refund = bill.Records.Single(r => r.Kind == ChannelBillRecordKind.Refund);
        Assert.Equal("R0000000023", refund.RefundNumber);
        Assert.Equal(Money.Fen(990), refund.Amount);
        Assert.Equal(Money.Fen(1), bill.Records.Single(r => r.MerchantOrderNumber == "P0000000024").Amount);
    }

    [Fact]
    public async Task DownloadBillAsync_NoTradesThatDay_IsEmpty()
    {
        await using var world = WeChatPayWorld.Create();
        var bill = await world.Channel.DownloadBillAsync(new DateOnly(2026, 1, 1), default);
        Assert.Empty(bill.Records);
    }

    [Fact]
    public async Task DownloadBillAsync_FileAlteredAfterHash_IsRejected()
    {
        await using var world = WeChatPayWorld.Create();
        await world.Channel.ChargeAsync(WeChatPayWorld.Charge("P0000000025", 100), default);
        world.Sandbox.EnqueueFault(WeChatPaySandboxFault.CorruptBill);
        var day = DateOnly.FromDateTime(world.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var ex = await Assert.ThrowsAsync<ChannelBillException>(async () => await world.Channel.DownloadBillAsync(day, default));
        Assert.Contains("SHA1", ex.Message, StringComparison.Ordinal);
    }
}
