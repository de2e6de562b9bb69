using Ordering.Sdk.Orders;

namespace Ordering.Sdk.Storage.Sqlite;

// An append with its events and error already serialized, so the single writer only runs SQL.
internal sealed class PreparedAppend
{
    private PreparedAppend(OrderAppend source, EventRow[] events, string? errorJson)
    {
        Source = source;
        Events = events;
        ErrorJson = errorJson;
    }

    public OrderAppend Source { get; }

    public IReadOnlyList<EventRow> Events { get; }

    public string? ErrorJson { get; }

    public static PreparedAppend From(OrderAppend append)
    {
        ArgumentNullException.ThrowIfNull(append.Streams, "append.Streams");
        ArgumentNullException.ThrowIfNull(append.Request, "append.Request");
        ArgumentNullException.ThrowIfNull(append.TableClaims, "append.TableClaims");
        var rows = new List<EventRow>();
        foreach (var stream in append.Streams)
        {
            foreach (var e in stream.Events)
            {
                rows.Add(new EventRow(e.OrderId, e.Version, e.RequestId, e.OccurredAt.UtcTicks, OrderJson.SerializeEvent(e)));
            }
        }

        var error = append.Request.Error is null ? null : OrderJson.SerializeError(append.Request.Error);
        return new PreparedAppend(append, [.. rows], error);
    }

    public sealed record EventRow(string OrderId, long Version, string RequestId, long OccurredAtTicks, string Json);
}
