namespace Ordering.Sdk.Payments;

/// <summary>Why a payment call failed, in the terms staff and dashboards group failures by.</summary>
public enum FailureCause
{
    /// <summary>No usable answer: timeout, connection reset, DNS; the outcome is unknown.</summary>
    Network = 0,

    /// <summary>The channel answered that it is unavailable (5xx, SYSTEMERROR, 20000) or its circuit is open.</summary>
    GatewayUnavailable = 1,

    /// <summary>The channel throttled the merchant (FREQUENCY_LIMITED, 429).</summary>
    RateLimited = 2,

    /// <summary>Keys, certificates, permissions or API version are wrong; no retry can help.</summary>
    Configuration = 3,

    /// <summary>The customer's side: wrong password, insufficient balance, expired or invalid code, cancelled.</summary>
    Customer = 4,

    /// <summary>The channel's risk control refused the payment.</summary>
    Risk = 5,

    /// <summary>The payment duplicates one that exists or is in progress (order already paid, number reused).</summary>
    Duplicate = 6,

    /// <summary>Nothing above fits; the raw code tells the channel's support what happened.</summary>
    Unknown = 7,
}
