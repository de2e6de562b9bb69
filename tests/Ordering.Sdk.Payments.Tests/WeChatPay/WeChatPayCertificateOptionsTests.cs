namespace Ordering.Sdk.Payments.Tests.WeChatPay;

// The download switch, its intervals and the backup address are checked at start-up like every field.
public sealed class WeChatPayCertificateOptionsTests
{
    [Theory]
    [InlineData("PlatformCertificateRefreshInterval", 0)]
    [InlineData("PlatformCertificateRefreshInterval", 25 * 3600)]
    [InlineData("UnknownSerialRefreshCooldown", 0)]
    [InlineData("UnknownSerialRefreshCooldown", 13 * 3600)]
    public async Task Load_BadCertificateInterval_NamesThatField(string field, int seconds)
    {
        await using var world = WeChatPayWorld.Create();
        var options = world.Options.WithPublicKeyHeader();
        options.DownloadPlatformCertificates = true;
        if (field == "PlatformCertificateRefreshInterval")
        {
            options.PlatformCertificateRefreshInterval = TimeSpan.FromSeconds(seconds);
        }
        else
        {
            options.UnknownSerialRefreshCooldown = TimeSpan.FromSeconds(seconds);
        }

        var ex = Assert.Throws<OptionsValidationException>(() => WeChatPayCredentials.Load(options, world.Time.GetUtcNow()));
        Assert.Contains(ex.Failures, f => f.StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Load_RelativeBackupAddress_NamesThatField()
    {
        await using var world = WeChatPayWorld.Create();
        var options = world.Options.WithPublicKeyHeader();
        options.BackupBaseAddress = new Uri("api2/", UriKind.Relative);
        var ex = Assert.Throws<OptionsValidationException>(() => WeChatPayCredentials.Load(options, world.Time.GetUtcNow()));
        Assert.StartsWith("BackupBaseAddress", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task Load_NoStaticKeys_ValidOnlyWhenDownloading(bool download, bool valid)
    {
        await using var world = WeChatPayWorld.Create();
        var options = world.Options.WithPublicKeyHeader();
        options.WeChatPayPublicKeyId = null;
        options.WeChatPayPublicKeyPem = null;
        options.PlatformCertificatePems.Clear();
        options.DownloadPlatformCertificates = download;
        var load = Record.Exception(() => WeChatPayCredentials.Load(options, world.Time.GetUtcNow()).Dispose());
        Assert.Equal(valid, load is null);
    }
}
