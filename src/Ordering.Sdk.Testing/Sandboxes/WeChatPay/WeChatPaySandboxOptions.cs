namespace Ordering.Sdk.Testing;

/// <summary>How a <see cref="WeChatPaySandbox"/> behaves: its clock, its seed and which keys it signs with.</summary>
public sealed class WeChatPaySandboxOptions
{
    /// <summary>Gets or sets the clock of trades, signatures and the callback retry schedule (a FakeTimeProvider compresses it).</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the seed of every key (the RSA key pairs included), id and nonce: the same seed gives the same keys in every run.</summary>
    /// <value>The default value is 1.</value>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets the merchant id the sandbox serves.</summary>
    /// <value>The default value is <c>1900000109</c>.</value>
    public string MerchantId { get; set; } = "1900000109";

    /// <summary>Gets or sets the app id the sandbox serves.</summary>
    /// <value>The default value is <c>wxd678efh567hg6787</c>.</value>
    public string AppId { get; set; } = "wxd678efh567hg6787";

    /// <summary>Gets or sets whether the sandbox also has a platform certificate (a merchant in the public-key migration).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IssuePlatformCertificate { get; set; } = true;

    /// <summary>Gets or sets whether callbacks are signed with the platform certificate instead of the public key (the migration's early days).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool SignCallbacksWithPlatformCertificate { get; set; }

    /// <summary>
    /// Gets or sets whether sandboxes with the same seed, platform-certificate setting and start day reuse
    /// one set of RSA keys in this process (key generation dominates a short test's run time).
    /// </summary>
    /// <value>The default value is <see langword="false"/>: each instance generates its own keys.</value>
    public bool ShareKeysInProcess { get; set; }

    /// <summary>
    /// Gets or sets whether the sandbox delivers due callbacks (and their retries) on its own timer, created
    /// from <see cref="TimeProvider"/>; when off, only <see cref="WeChatPaySandbox.DeliverDueCallbacksAsync"/> delivers.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DeliverCallbacksAutomatically { get; set; } = true;

    /// <summary>Gets or sets how long a refund stays PROCESSING before it succeeds; zero answers SUCCESS at once.</summary>
    /// <value>The default value is zero.</value>
    public TimeSpan RefundDelay { get; set; } = TimeSpan.Zero;
}
