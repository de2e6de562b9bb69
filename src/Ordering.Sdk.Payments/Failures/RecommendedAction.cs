namespace Ordering.Sdk.Payments;

/// <summary>What staff should do next about a failure.</summary>
public enum RecommendedAction
{
    /// <summary>Try the same method again (after a short back-off).</summary>
    RetrySame = 0,

    /// <summary>Wait: the engine is querying the channel; decide when the outcome is known.</summary>
    QueryThenDecide = 1,

    /// <summary>Ask the customer to refresh the payment code and scan again.</summary>
    AskForNewCode = 2,

    /// <summary>Use another payment method (cash, another channel).</summary>
    SwitchMethod = 3,

    /// <summary>Fix the merchant configuration (keys, certificates, permissions); retries cannot help.</summary>
    FixConfiguration = 4,

    /// <summary>Contact the channel's support with the raw code.</summary>
    ContactChannel = 5,
}
