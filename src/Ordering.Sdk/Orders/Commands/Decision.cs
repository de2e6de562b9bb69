namespace Ordering.Sdk.Orders;

// What a command decided: events to append (unstamped), or a refusal. Events for another order (a merge
// source) travel in OtherEvents so the store appends both histories in one transaction.
internal readonly struct Decision
{
    private Decision(IReadOnlyList<OrderEvent>? events, OrderError? error, IReadOnlyList<OrderEvent>? otherEvents)
    {
        Events = events ?? [];
        Error = error;
        OtherEvents = otherEvents ?? [];
    }

    public IReadOnlyList<OrderEvent> Events { get; }

    public IReadOnlyList<OrderEvent> OtherEvents { get; }

    public OrderError? Error { get; }

    public static implicit operator Decision(OrderError error) => new(null, error, null);

    public static Decision Accept(params OrderEvent[] events) => new(events, null, null);

    public static Decision AcceptWithOther(IReadOnlyList<OrderEvent> events, IReadOnlyList<OrderEvent> otherEvents) => new(events, null, otherEvents);
}
