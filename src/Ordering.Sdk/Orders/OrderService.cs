namespace Ordering.Sdk.Orders;

internal sealed class OrderService : IOrderService
{
    private readonly IOrderStore _store;
    private readonly IOrderPricer _pricer;
    private readonly OrdersOptions _options;
    private readonly OrderingSdkOptions _sdkOptions;
    private readonly TimeProvider _timeProvider;
    private readonly TimeZoneInfo _storeZone;

    public OrderService(IOrderStore store, IOrderPricer pricer, OrdersOptions options, OrderingSdkOptions sdkOptions, TimeProvider timeProvider)
    {
        options.Validate();
        sdkOptions.Validate();
        _store = store;
        _pricer = pricer;
        _options = options;
        _sdkOptions = sdkOptions;
        _timeProvider = timeProvider;
        _storeZone = TimeZoneInfo.FindSystemTimeZoneById(sdkOptions.StoreTimeZoneId);
    }

    public async ValueTask<OrderCommandResult> ExecuteAsync(OrderCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if ((Validate.Id(command.OrderId, "orderId") ?? Validate.Id(command.RequestId, "requestId")) is { } invalid)
        {
            return new OrderCommandResult { Status = OrderCommandStatus.Rejected, Error = invalid };
        }

        if (await _store.FindRequestAsync(command.RequestId, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return await ReplayAsync(command, earlier, cancellationToken).ConfigureAwait(false);
        }

        var history = await _store.LoadAsync(command.OrderId, cancellationToken).ConfigureAwait(false);
        var state = OrderState.Replay(command.OrderId, history);
        if (command.ExpectedVersion != state.Version)
        {
            return Conflict(state, history, command.ExpectedVersion);
        }

        var before = state.Status == OrderStatus.None ? OrderPricing.Zero(_sdkOptions.Currency) : _pricer.Price(state).Pricing ?? OrderPricing.Zero(_sdkOptions.Currency);
        var context = await BuildContextAsync(command, state, before, cancellationToken).ConfigureAwait(false);
        var decision = command.Decide(state, context);
        if (decision.Error is { } refusal)
        {
            return Rejected(state, before, refusal);
        }

        var now = _timeProvider.GetUtcNow();
        var events = Stamp(decision.Events, command, state.Version, now);
        var tableBefore = state.OccupiesTable ? state.TableId : null;
        foreach (var e in events)
        {
            state.Apply(e);
        }

        var priced = state.Status == OrderStatus.Cancelled ? new OrderPricingResult(before, null) : _pricer.Price(state);
        if (priced.Error is { } pricingError)
        {
            return Rejected(OrderState.Replay(command.OrderId, history), before, pricingError);
        }

        var streams = new List<StreamAppend> { new(command.OrderId, command.ExpectedVersion, events) };
        var claims = new List<TableClaim>();
        AddClaims(claims, command.OrderId, tableBefore, state.OccupiesTable ? state.TableId : null);
        if (context.OtherOrder is { } other && decision.OtherEvents.Count > 0)
        {
            var otherTableBefore = other.OccupiesTable ? other.TableId : null;
            var otherEvents = Stamp(decision.OtherEvents, command, other.Version, now);
            foreach (var e in otherEvents)
            {
                other.Apply(e);
            }

            streams.Add(new StreamAppend(other.OrderId, other.Version - otherEvents.Length, otherEvents));
            AddClaims(claims, other.OrderId, otherTableBefore, other.OccupiesTable ? other.TableId : null);
        }

        var record = new IdempotencyRecord(command.RequestId, command.OrderId, command.GetType().Name, OrderCommandStatus.Accepted, null, events[0].Version, events[^1].Version);
        var written = await _store.AppendAsync(new OrderAppend(streams, record, claims), cancellationToken).ConfigureAwait(false);
        if (written.Succeeded)
        {
            return new OrderCommandResult { Status = OrderCommandStatus.Accepted, Order = state.ToView(priced.Pricing!), Events = events };
        }

        if (written.DuplicateRequest && await _store.FindRequestAsync(command.RequestId, cancellationToken).ConfigureAwait(false) is { } raced)
        {
            return await ReplayAsync(command, raced, cancellationToken).ConfigureAwait(false);
        }

        var fresh = await _store.LoadAsync(command.OrderId, cancellationToken).ConfigureAwait(false);
        var current = OrderState.Replay(command.OrderId, fresh);
        if (written.OccupiedTableId is { } table)
        {
            var occupant = await _store.FindTableOccupantAsync(table, cancellationToken).ConfigureAwait(false);
            return Rejected(current, before, OrderErrors.TableOccupied("tableId", table, occupant ?? "?"));
        }

        return Conflict(current, fresh, command.ExpectedVersion);
    }

    public async ValueTask<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var history = await _store.LoadAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0)
        {
            return null;
        }

        var state = OrderState.Replay(orderId, history);
        return state.ToView(PriceOrZero(state));
    }

    public ValueTask<IReadOnlyList<OrderEvent>> GetHistoryAsync(string orderId, CancellationToken cancellationToken = default) =>
        _store.LoadAsync(orderId, cancellationToken);

    private static void AddClaims(List<TableClaim> claims, string orderId, string? tableBefore, string? tableAfter)
    {
        if (string.Equals(tableBefore, tableAfter, StringComparison.Ordinal))
        {
            return;
        }

        if (tableBefore is not null)
        {
            claims.Add(new TableClaim(tableBefore, null, orderId));
        }

        if (tableAfter is not null)
        {
            claims.Add(new TableClaim(tableAfter, orderId));
        }
    }

    private static OrderEvent[] Stamp(IReadOnlyList<OrderEvent> events, OrderCommand command, long version, DateTimeOffset now)
    {
        var stamped = new OrderEvent[events.Count];
        for (var i = 0; i < stamped.Length; i++)
        {
            var orderId = string.IsNullOrEmpty(events[i].OrderId) ? command.OrderId : events[i].OrderId;
            stamped[i] = events[i] with { OrderId = orderId, RequestId = command.RequestId, Version = version + i + 1, OccurredAt = now, Operator = command.Operator };
        }

        return stamped;
    }

    private static OrderCommandResult Rejected(OrderState state, OrderPricing pricing, OrderError error) => new()
    {
        Status = OrderCommandStatus.Rejected,
        Error = error,
        Order = state.Status == OrderStatus.None ? null : state.ToView(pricing),
    };

    private OrderCommandResult Conflict(OrderState state, IReadOnlyList<OrderEvent> history, long expected)
    {
        var changes = history.Where(e => e.Version > expected).ToArray();
        var summary = changes.Length == 0 ? "nothing (the expected version is ahead of the order)" : string.Join(", ", changes.Select(e => e.GetType().Name).Distinct(StringComparer.Ordinal));
        return new OrderCommandResult
        {
            Status = OrderCommandStatus.Conflict,
            Order = state.Status == OrderStatus.None ? null : state.ToView(PriceOrZero(state)),
            ChangesSinceExpected = changes,
            Error = new OrderError(
                "version_conflict",
                "expectedVersion",
                $"The order is at version {state.Version}, not {expected}; changed since: {summary}. Re-read it and try again.",
                $"订单已更新到第 {state.Version} 版（你看到的是第 {expected} 版），变更：{summary}。请刷新后重试。"),
        };
    }

    private OrderPricing PriceOrZero(OrderState state) =>
        _pricer.Price(state).Pricing ?? OrderPricing.Zero(_sdkOptions.Currency);

    private async ValueTask<OrderCommandResult> ReplayAsync(OrderCommand command, IdempotencyRecord earlier, CancellationToken cancellationToken)
    {
        var history = await _store.LoadAsync(earlier.OrderId, cancellationToken).ConfigureAwait(false);
        var state = OrderState.Replay(earlier.OrderId, history);
        if (!string.Equals(earlier.OrderId, command.OrderId, StringComparison.Ordinal) || !string.Equals(earlier.CommandType, command.GetType().Name, StringComparison.Ordinal))
        {
            return new OrderCommandResult { Status = OrderCommandStatus.Rejected, Error = OrderErrors.RequestIdReused(command.RequestId) };
        }

        return new OrderCommandResult
        {
            Status = earlier.Status,
            Error = earlier.Error,
            IsReplay = true,
            Events = history.Where(e => e.Version >= earlier.FromVersion && e.Version <= earlier.ToVersion).ToArray(),
            Order = state.Status == OrderStatus.None ? null : state.ToView(PriceOrZero(state)),
        };
    }

    private async ValueTask<CommandContext> BuildContextAsync(OrderCommand command, OrderState state, OrderPricing pricing, CancellationToken cancellationToken)
    {
        var orderNumber = 0;
        string? occupant = null;
        OrderState? other = null;
        switch (command)
        {
            case OpenOrder open:
                if (state.Status == OrderStatus.None)
                {
                    orderNumber = await _store.NextOrderNumberAsync(BusinessDay(), cancellationToken).ConfigureAwait(false);
                }

                if (open.TableId is { Length: > 0 } table)
                {
                    occupant = await _store.FindTableOccupantAsync(table, cancellationToken).ConfigureAwait(false);
                }

                break;
            case TransferTable transfer when !string.IsNullOrEmpty(transfer.ToTableId):
                occupant = await _store.FindTableOccupantAsync(transfer.ToTableId, cancellationToken).ConfigureAwait(false);
                break;
            case MergeOrders merge when !string.IsNullOrEmpty(merge.SourceOrderId):
                other = OrderState.Replay(merge.SourceOrderId, await _store.LoadAsync(merge.SourceOrderId, cancellationToken).ConfigureAwait(false));
                break;
        }

        return new CommandContext
        {
            CurrentPricing = pricing,
            Options = _options,
            AllocatedOrderNumber = orderNumber,
            OtherTableOccupant = string.Equals(occupant, command.OrderId, StringComparison.Ordinal) ? null : occupant,
            OtherOrder = other,
        };
    }

    private DateOnly BusinessDay()
    {
        var local = TimeZoneInfo.ConvertTime(_timeProvider.GetUtcNow(), _storeZone);
        return DateOnly.FromDateTime(local.AddHours(-_sdkOptions.BusinessDayStartHour).DateTime);
    }
}
