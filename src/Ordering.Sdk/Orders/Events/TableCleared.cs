namespace Ordering.Sdk.Orders;

/// <summary>The paid table was cleared and is free again (清台).</summary>
public sealed record TableCleared : OrderEvent;
