namespace Ordering.Sdk.Testing.Alipay;

/// <summary>A simulated customer: a behaviour and, where it applies, how long they take.</summary>
/// <param name="Behavior">What the customer does.</param>
/// <param name="Delay">How long until they pay or cancel, from the pay call.</param>
public sealed record AlipaySandboxCustomer(AlipayCustomerBehavior Behavior, TimeSpan Delay)
{
    /// <summary>Gets a customer who pays immediately.</summary>
    public static AlipaySandboxCustomer PaysAtOnce { get; } = new(AlipayCustomerBehavior.PaysAtOnce, TimeSpan.Zero);
}
