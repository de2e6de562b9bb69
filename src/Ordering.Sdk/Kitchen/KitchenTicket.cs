namespace Ordering.Sdk.Kitchen;

/// <summary>
/// A ticket for one kitchen station, produced by kitchen routing as data and consumed by printers and
/// kitchen display screens.
/// </summary>
/// <remarks>
/// A ticket is identified by (<see cref="OrderId"/>, <see cref="StationId"/>, <see cref="Revision"/>): the
/// print queue prints each such ticket at most once and never loses it. A reprint is the same ticket with
/// <see cref="IsReprint"/> set (created with <see cref="AsReprint"/>) and is marked 重打 on paper.
/// </remarks>
/// <threadsafety>Immutable; safe to share across threads.</threadsafety>
public sealed class KitchenTicket
{
    private readonly int _round = 1;
    private readonly int? _guestCount;

    /// <summary>Initializes a kitchen ticket.</summary>
    /// <param name="orderId">The order's stable identifier.</param>
    /// <param name="orderNumber">The short number staff and diners call out (取餐号/单号).</param>
    /// <param name="stationId">The station the ticket is routed to, for example <c>hot</c>.</param>
    /// <param name="revision">The routing revision of this station's ticket for the order; 1 for the first.</param>
    /// <param name="kind">Why the ticket exists (new order, 加菜, 退菜, 催菜).</param>
    /// <param name="items">The dishes; at least one.</param>
    /// <param name="createdAt">When routing produced the ticket.</param>
    /// <exception cref="ArgumentException">An identifier is empty, or <paramref name="items"/> is empty or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revision"/> is less than 1 or <paramref name="kind"/> is undefined.</exception>
    public KitchenTicket(
        string orderId,
        string orderNumber,
        string stationId,
        int revision,
        KitchenTicketKind kind,
        IReadOnlyList<KitchenTicketItem> items,
        DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(stationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(revision, 1);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kitchen ticket kind.");
        }

        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("A kitchen ticket needs at least one item.", nameof(items));
        }

        foreach (var item in items)
        {
            if (item is null)
            {
                throw new ArgumentException("A kitchen ticket item is null.", nameof(items));
            }
        }

        OrderId = orderId;
        OrderNumber = orderNumber;
        StationId = stationId;
        Revision = revision;
        Kind = kind;
        Items = [.. items];
        CreatedAt = createdAt;
    }

    /// <summary>Gets the order's stable identifier.</summary>
    public string OrderId { get; }

    /// <summary>Gets the short order number staff call out.</summary>
    public string OrderNumber { get; }

    /// <summary>Gets the station the ticket is routed to.</summary>
    public string StationId { get; }

    /// <summary>Gets the routing revision of this station's ticket for the order (1, 2, …).</summary>
    public int Revision { get; }

    /// <summary>Gets why the ticket exists.</summary>
    public KitchenTicketKind Kind { get; }

    /// <summary>Gets the dishes, in the order they should be listed.</summary>
    public IReadOnlyList<KitchenTicketItem> Items { get; }

    /// <summary>Gets when routing produced the ticket.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets the table name (for example <c>A12</c>); <see langword="null"/> for takeaway.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Table { get; init; }

    /// <summary>Gets the number of diners at the table, when known.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? GuestCount
    {
        get => _guestCount;
        init
        {
            if (value is { } count)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(GuestCount));
            }

            _guestCount = value;
        }
    }

    /// <summary>Gets the ordering round (加菜 batch) the ticket belongs to; 1 for the first batch.</summary>
    /// <value>The default value is 1.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Round
    {
        get => _round;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(Round));
            _round = value;
        }
    }

    /// <summary>Gets a note for the whole ticket, for example <c>一起上</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Note { get; init; }

    /// <summary>Gets a value indicating whether this is a reprint of a ticket already sent (重打).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IsReprint { get; init; }

    /// <summary>Returns a copy of this ticket marked as a reprint (重打).</summary>
    /// <returns>The same ticket with <see cref="IsReprint"/> set.</returns>
    public KitchenTicket AsReprint() => new(OrderId, OrderNumber, StationId, Revision, Kind, Items, CreatedAt)
    {
        Table = Table,
        GuestCount = GuestCount,
        Round = Round,
        Note = Note,
        IsReprint = true,
    };
}
