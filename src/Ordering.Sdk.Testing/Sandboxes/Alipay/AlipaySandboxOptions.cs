namespace Ordering.Sdk.Testing.Alipay;

/// <summary>Settings of an <see cref="AlipaySandbox"/>.</summary>
public sealed class AlipaySandboxOptions
{
    /// <summary>Gets or sets the application id the sandbox accepts (16 digits).</summary>
    public string AppId { get; set; } = "2021000000000001";

    /// <summary>Gets or sets the seller (partner) id the sandbox reports (2088 + 12 digits).</summary>
    public string SellerId { get; set; } = "2088000000000001";

    /// <summary>Gets or sets the application's public key (PEM) the sandbox verifies request signatures with.</summary>
    public string AppPublicKeyPem { get; set; } = string.Empty;

    /// <summary>Gets or sets the clock of the ledger, customers and the notification retry schedule; a fake clock compresses them.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the seed the sandbox's own RSA key pair derives from: the same seed gives the same key in every run.</summary>
    /// <value>The default value is 1.</value>
    public int KeySeed { get; set; } = 1;

    /// <summary>Gets or sets what a customer does when an unknown payment code is scanned.</summary>
    public AlipaySandboxCustomer DefaultCustomer { get; set; } = AlipaySandboxCustomer.PaysAtOnce;

    /// <summary>
    /// Gets or sets whether notifications wait for <see cref="AlipaySandbox.DeliverDueNotificationsAsync"/> instead of
    /// going out at once in the background: a test then decides when they arrive, one at a time, and replays exactly.
    /// </summary>
    public bool DeliverNotificationsOnDemand { get; set; }
}
