namespace Ordering.Sdk.Testing;

// Thrown by the crashing journal to kill the simulated engine at a journal step.
internal sealed class SimulatedCrashException(long step, bool persisted) : Exception($"Simulated crash at journal step {step} ({(persisted ? "after" : "before")} the write).");
