namespace Ordering.Sdk.Testing;

/// <summary>What the simulated customer does with a charge.</summary>
public enum FakeCustomerOutcome
{
    /// <summary>Pays (after <see cref="FakeCustomerBehavior.PayingFor"/>).</summary>
    Pays = 0,

    /// <summary>Enters a wrong password; the charge fails after <see cref="FakeCustomerBehavior.PayingFor"/>.</summary>
    WrongPassword = 1,

    /// <summary>Has insufficient balance; declined at once.</summary>
    InsufficientBalance = 2,

    /// <summary>Shows an expired payment code; declined at once.</summary>
    ExpiredCode = 3,

    /// <summary>Never completes (walks away); only a close ends the charge.</summary>
    NeverPays = 4,

    /// <summary>The channel's risk control refuses the payment at once.</summary>
    Risk = 5,
}
