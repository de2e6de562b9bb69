namespace Ordering.Sdk.Kitchen;

/// <summary>What one <see cref="KitchenRelay.RelayPendingAsync"/> call did.</summary>
/// <param name="Events">Order events taken off the outbox (acknowledged).</param>
/// <param name="Tickets">Tickets delivered to the sinks.</param>
public readonly record struct KitchenRelayProgress(int Events, int Tickets);
