namespace Ordering.Sdk.Testing;

/// <summary>How the simulated customer behaves for one charge.</summary>
/// <param name="Outcome">What the customer does.</param>
/// <param name="PayingFor">How long the customer takes (USERPAYING meanwhile); zero pays at once.</param>
public sealed record FakeCustomerBehavior(FakeCustomerOutcome Outcome, TimeSpan PayingFor);
