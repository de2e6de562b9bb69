using Ordering.Sdk.Kitchen;

namespace DemoRestaurant.Kitchen;

/// <summary>
/// The kitchen display: the tickets the SDK's relay delivered, per station, with bump/recall and all-day counts. It is a
/// kitchen ticket sink, idempotent by order, station and revision, so a ticket the relay delivers again shows once.
/// </summary>
internal sealed class KdsBoard : IKitchenTicketSink
{
    private readonly Lock _gate = new();
    private readonly List<KdsTicket> _tickets = [];
    private readonly TimeProvider _time;

    public KdsBoard(TimeProvider time) => _time = time;

    public void Add(KitchenTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var id = ticket.OrderId + "/" + ticket.StationId + "/r" + ticket.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (_tickets.Exists(t => t.Id == id))
            {
                return;
            }

            _tickets.Add(new KdsTicket(
                id,
                ticket.StationId,
                ticket.OrderId,
                ticket.OrderNumber,
                ticket.Table,
                ticket.Kind.ToString(),
                ticket.Round,
                ticket.Items.Select(i => new KdsItem(i.Name, i.Quantity, [.. i.Modifiers], i.Note, i.Seat)).ToArray(),
                ticket.CreatedAt));
        }
    }

    public ValueTask DeliverAsync(KitchenTicket ticket, CancellationToken cancellationToken)
    {
        Add(ticket);
        return ValueTask.CompletedTask;
    }

    public bool Bump(string id, bool bumped)
    {
        lock (_gate)
        {
            var index = _tickets.FindIndex(t => t.Id == id);
            if (index < 0)
            {
                return false;
            }

            _tickets[index] = _tickets[index] with { BumpedAt = bumped ? _time.GetUtcNow() : null };
            return true;
        }
    }

    public IReadOnlyList<KdsTicket> Tickets(string? station = null)
    {
        lock (_gate)
        {
            return _tickets.Where(t => station is null || t.Station == station).ToArray();
        }
    }

    public int Backlog()
    {
        lock (_gate)
        {
            return _tickets.Count(t => t.BumpedAt is null);
        }
    }

    /// <summary>How many of each dish are still to cook at a station (voids subtract).</summary>
    public IReadOnlyDictionary<string, int> AllDay(string station)
    {
        lock (_gate)
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var ticket in _tickets.Where(t => t.Station == station && t.BumpedAt is null && t.Kind != "Urge"))
            {
                var sign = ticket.Kind == "Void" ? -1 : 1;
                foreach (var item in ticket.Items)
                {
                    counts[item.Name] = counts.GetValueOrDefault(item.Name) + (sign * item.Quantity);
                }
            }

            return counts.Where(c => c.Value > 0).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        }
    }
}

/// <summary>A ticket on the kitchen display.</summary>
internal sealed record KdsTicket(string Id, string Station, string OrderId, string OrderNumber, string? Table, string Kind, int Round, IReadOnlyList<KdsItem> Items, DateTimeOffset CreatedAt)
{
    public DateTimeOffset? BumpedAt { get; init; }
}

/// <summary>A dish on a kitchen display ticket.</summary>
internal sealed record KdsItem(string Name, int Quantity, IReadOnlyList<string> Modifiers, string? Note, string? Seat);
