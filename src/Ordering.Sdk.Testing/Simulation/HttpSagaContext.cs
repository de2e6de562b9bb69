using Ordering.Sdk.Payments;

namespace Ordering.Sdk.Testing;

// What a saga step may use and report: the live engine, the seeded randomness, the simulated customers.
internal sealed record HttpSagaContext(
    IPaymentEngine Engine,
    Random Random,
    Action<HttpSagaMethod, TenderRequest> PrepareCustomer,
    Action<HttpSagaMethod, PaymentAttemptSnapshot> AttemptCreated,
    Action<string> Violation,
    Action<string>? Trace);
