namespace DemoRestaurant.Payments;

/// <summary>Which gateways the demo's WeChat Pay and Alipay channels talk to (<c>Demo:PaymentGateways</c>).</summary>
internal enum DemoPaymentGateways
{
    /// <summary>The SDK's in-process <c>FakePaymentChannel</c>s.</summary>
    Fake = 0,

    /// <summary>The real adapters against the loopback WeChat Pay and Alipay sandboxes, with verified signed callbacks.</summary>
    Sandbox = 1,
}
