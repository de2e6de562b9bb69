using System.Net;
using System.Net.Sockets;
using Ordering.Sdk.Testing;

namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// The backup address (api2) is used only when the primary provably never received the request.
public sealed class WeChatPayFailoverTests
{
    [Fact]
    public async Task ChargeAsync_PrimaryPortClosed_GoesToTheBackupAndSucceeds()
    {
        var closed = new Uri("http://127.0.0.1:" + ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture) + "/");
        await using var world = WeChatPayWorld.Create(channel: o =>
        {
            o.BackupBaseAddress = o.BaseAddress;
            o.BaseAddress = closed;
        });
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("F0000000001", 100), default);
        Assert.Equal(ChannelOutcome.Succeeded, result.Outcome);
        Assert.Equal("SUCCESS", world.Sandbox.GetTrade("F0000000001")!.TradeState);
    }

    [Fact]
    public async Task ChargeAsync_PrimaryDropsAfterProcessing_IsUnknownAndNeverSentToTheBackup()
    {
        await using var world = WeChatPayWorld.Create();
        await using var backup = WeChatPaySandbox.Start(new WeChatPaySandboxOptions { TimeProvider = world.Time, Seed = 42, ShareKeysInProcess = true });
        world.Options.BackupBaseAddress = backup.BaseAddress;
        using var channel = new WeChatPayChannel(world.Options, world.Time, new Random(4));
        world.Sandbox.EnqueueFault(WeChatPaySandboxFault.DropAfterProcessing);
        var result = await channel.ChargeAsync(WeChatPayWorld.Charge("F0000000002", 100), default);
        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal(FailureCause.Network, result.Error!.Cause);
        Assert.NotNull(world.Sandbox.GetTrade("F0000000002")); // the primary processed it
        Assert.Empty(backup.Trades);
    }

    [Fact]
    public async Task ChargeAsync_BothAddressesClosed_IsUnknownUnreachable()
    {
        var closed = new Uri("http://127.0.0.1:" + ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture) + "/");
        await using var world = WeChatPayWorld.Create(channel: o =>
        {
            o.BaseAddress = closed;
            o.BackupBaseAddress = closed;
        });
        var result = await world.Channel.ChargeAsync(WeChatPayWorld.Charge("F0000000003", 100), default);
        Assert.Equal(ChannelOutcome.Unknown, result.Outcome);
        Assert.Equal(WeChatPayErrors.Unreachable, result.Error!.RawCode);
        Assert.Empty(world.Sandbox.Trades);
    }

    [Theory]
    [InlineData("https://api.mch.weixin.qq.com/", null, "https://api2.mch.weixin.qq.com/")]
    [InlineData("https://api.mch.weixin.qq.com/", "https://backup.example/", "https://backup.example/")]
    [InlineData("http://127.0.0.1:8080/", null, null)]
    public void BackupFor_Options_IsApi2ForWeChatsOwnHostOnly(string primary, string? configured, string? expected)
    {
        var options = new WeChatPayOptions { BaseAddress = new Uri(primary), BackupBaseAddress = configured is null ? null : new Uri(configured) };
        Assert.Equal(expected, WeChatPayFailover.BackupFor(options)?.AbsoluteUri);
    }

    [Theory]
    [InlineData(HttpRequestError.NameResolutionError, null, true)]
    [InlineData(HttpRequestError.ConnectionError, SocketError.ConnectionRefused, true)]
    [InlineData(HttpRequestError.ConnectionError, SocketError.TimedOut, true)]
    [InlineData(HttpRequestError.ConnectionError, SocketError.ConnectionReset, false)]
    [InlineData(HttpRequestError.ResponseEnded, null, false)]
    [InlineData(HttpRequestError.Unknown, SocketError.ConnectionRefused, false)]
    public void NeverReachedServer_Failure_OnlyForConnectFailures(HttpRequestError error, SocketError? socket, bool expected)
    {
        var inner = socket is { } code ? new SocketException((int)code) : null;
        var exception = new HttpRequestException(error, "failed", inner);
        Assert.Equal(expected, WeChatPayFailover.NeverReachedServer(exception));
    }

    [Fact]
    public void NeverReachedServer_ConnectStepFailed_IsTrue()
    {
        var exception = new HttpRequestException(HttpRequestError.ConnectionError, "failed", new WeChatPayConnectException("no", new OperationCanceledException()));
        Assert.True(WeChatPayFailover.NeverReachedServer(exception));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
