namespace Ordering.Sdk.Testing;

/// <summary>What a simulated customer does with a charge.</summary>
public enum WeChatPaySandboxCustomerAction
{
    /// <summary>Pays (after <see cref="WeChatPaySandboxCustomer.After"/>, entering the password meanwhile: USERPAYING).</summary>
    Pays = 0,

    /// <summary>Enters a wrong password; the payment fails.</summary>
    WrongPassword = 1,

    /// <summary>Has too little balance (NOTENOUGH).</summary>
    InsufficientBalance = 2,

    /// <summary>Cancels on the phone.</summary>
    Cancels = 3,

    /// <summary>Shows an expired payment code (AUTHCODEEXPIRE).</summary>
    ExpiredCode = 4,

    /// <summary>Never finishes; code pay is revoked by WeChat Pay 45 s after creation.</summary>
    NeverPays = 5,
}

/// <summary>A simulated customer: what they do and how long they take.</summary>
/// <param name="Action">What the customer does.</param>
/// <param name="After">How long after the charge they do it; until then a code-pay charge is USERPAYING.</param>
public sealed record WeChatPaySandboxCustomer(WeChatPaySandboxCustomerAction Action, TimeSpan After);
