using Ordering.Sdk.Testing;

namespace DemoRestaurant.Chaos;

/// <summary>
/// The simulated customer for the WeChat Pay charge being sent on this async flow. The WeChat Pay sandbox hands queued
/// customers to new trades in arrival order, so the customer is queued by <see cref="WeChatSandboxChaosHandler"/> at
/// the last moment — right before the charge's HTTP request leaves, and only if that request will reach the gateway.
/// </summary>
internal sealed class PendingWeChatCustomer
{
    private static readonly AsyncLocal<PendingWeChatCustomer?> Current = new();
    private int _taken;

    private PendingWeChatCustomer(string outTradeNo, WeChatPaySandboxCustomer customer)
    {
        OutTradeNo = outTradeNo;
        Customer = customer;
    }

    public string OutTradeNo { get; }

    public WeChatPaySandboxCustomer Customer { get; }

    /// <summary>Attaches <paramref name="customer"/> to the charge about to be sent from the calling async method.</summary>
    public static void Attach(string outTradeNo, WeChatPaySandboxCustomer customer) => Current.Value = new PendingWeChatCustomer(outTradeNo, customer);

    /// <summary>Takes the pending customer once (a retried request must not queue a second one).</summary>
    public static PendingWeChatCustomer? Take() => Current.Value is { } pending && Interlocked.Exchange(ref pending._taken, 1) == 0 ? pending : null;
}
