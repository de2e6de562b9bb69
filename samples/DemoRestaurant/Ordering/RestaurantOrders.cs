using System.Collections.Concurrent;
using DemoRestaurant.Live;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;

namespace DemoRestaurant.Ordering;

/// <summary>
/// The host's thin layer over the SDK's <see cref="IOrderService"/>: finds a table's open order, opens one on the
/// first dish, attaches members, retries commutative diner commands on a version
/// conflict, and tells the kitchen dispatcher and live pages that something changed. All rules (pricing,
/// idempotency, concurrency, what may change when) stay in the SDK.
/// </summary>
internal sealed class RestaurantOrders
{
    private readonly IOrderService _orders;
    private readonly IOrderStore _store;
    private readonly LiveHub _hub;
    private readonly KitchenSignal _kitchen;
    private readonly ConcurrentDictionary<string, string> _tables = new(StringComparer.Ordinal);

    public RestaurantOrders(IOrderService orders, IOrderStore store, LiveHub hub, KitchenSignal kitchen)
    {
        _orders = orders;
        _store = store;
        _hub = hub;
        _kitchen = kitchen;
    }

    /// <summary>
    /// Attaches the member (null detaches) with the SDK's <see cref="AttachMember"/> command, so member prices apply on
    /// every re-price; attaching the member already on the order is not an error here.
    /// </summary>
    public async Task<OrderCommandResult> AttachMemberAsync(string orderId, string? memberId, CancellationToken cancellationToken)
    {
        var member = string.IsNullOrWhiteSpace(memberId) ? null : memberId;
        var result = await ExecuteOnLatestAsync(
            orderId,
            version => new AttachMember { OrderId = orderId, RequestId = "member-" + orderId + "-" + version.ToString(System.Globalization.CultureInfo.InvariantCulture), ExpectedVersion = version, MemberId = member },
            cancellationToken);
        if (result.Status != OrderCommandStatus.Accepted && await GetAsync(orderId, cancellationToken) is { } view && string.Equals(view.MemberId, member, StringComparison.Ordinal))
        {
            return new OrderCommandResult { Status = OrderCommandStatus.Accepted, Order = view };
        }

        return result;
    }

    /// <summary>
    /// Presents (or, with <paramref name="remove"/>, withdraws) a coupon with the SDK's <see cref="ApplyCoupon"/> and
    /// <see cref="RemoveCoupon"/> commands; the engine decides whether it applies and the order view says why not.
    /// </summary>
    public Task<OrderCommandResult> CouponAsync(string orderId, string code, bool remove, CancellationToken cancellationToken) =>
        ExecuteOnLatestAsync(
            orderId,
            version =>
            {
                var requestId = (remove ? "uncoupon-" : "coupon-") + orderId + "-" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return remove
                    ? new RemoveCoupon { OrderId = orderId, RequestId = requestId, ExpectedVersion = version, Code = code }
                    : new ApplyCoupon { OrderId = orderId, RequestId = requestId, ExpectedVersion = version, Code = code };
            },
            cancellationToken);

    public async Task<string?> TableOrderIdAsync(string tableId, CancellationToken cancellationToken) =>
        await _store.FindTableOccupantAsync(tableId, cancellationToken);

    public async Task<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        var view = await _orders.GetAsync(orderId, cancellationToken);
        if (view?.TableId is { } table)
        {
            _tables[orderId] = table;
        }

        return view;
    }

    public Task<IReadOnlyList<OrderEvent>> HistoryAsync(string orderId, CancellationToken cancellationToken) =>
        _orders.GetHistoryAsync(orderId, cancellationToken).AsTask();

    public string? TableOf(string orderId) => _tables.TryGetValue(orderId, out var table) ? table : null;

    /// <summary>Returns the table's open order, opening one (for <paramref name="diners"/> guests) when the table is free.</summary>
    public async Task<(OrderView? Order, OrderError? Error)> OpenOrJoinAsync(string tableId, int diners, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await TableOrderIdAsync(tableId, cancellationToken) is { } existing && await GetAsync(existing, cancellationToken) is { } view)
            {
                return (view, null);
            }

            var orderId = tableId + "-" + Guid.NewGuid().ToString("N")[..10];
            var result = await ExecuteAsync(
                new OpenOrder { OrderId = orderId, RequestId = "open-" + orderId, ExpectedVersion = 0, Type = OrderType.DineIn, TableId = tableId, DinerCount = Math.Clamp(diners, 1, 99) },
                cancellationToken);
            if (result.Status == OrderCommandStatus.Accepted)
            {
                return (result.Order, null);
            }

            if (result.Error is { Code: not "table_occupied" } error)
            {
                return (null, error);
            }
        }

        return (null, new OrderError("table_busy", "tableId", "The table is being opened by someone else; try again.", "桌台正在开台，请重试"));
    }

    public async Task<OrderCommandResult> ExecuteAsync(OrderCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = await _orders.ExecuteAsync(command, cancellationToken);

        if (result.Order?.TableId is { } table)
        {
            _tables[command.OrderId] = table;
        }

        if (result.Status == OrderCommandStatus.Accepted && !result.IsReplay)
        {
            _kitchen.Nudge();
            Changed(command.OrderId);
        }

        return result;
    }

    /// <summary>
    /// Runs a command built against the order's latest version, retrying on a conflict. Only for commands whose
    /// meaning does not depend on what another diner just did (adding a dish, submitting the shared cart);
    /// the request id keeps a retried command from applying twice.
    /// </summary>
    public async Task<OrderCommandResult> ExecuteOnLatestAsync(string orderId, Func<long, OrderCommand> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        OrderCommandResult? result = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var view = await GetAsync(orderId, cancellationToken);
            result = await ExecuteAsync(build(view?.Version ?? 0), cancellationToken);
            if (result.Status != OrderCommandStatus.Conflict)
            {
                return result;
            }
        }

        return result!;
    }

    public void Changed(string orderId)
    {
        if (TableOf(orderId) is { } table)
        {
            _hub.Publish("table:" + table, "{\"type\":\"order\"}");
        }

        _hub.Publish("staff", "{\"type\":\"order\"}");
    }
}
