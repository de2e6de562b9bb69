using DemoRestaurant.Ordering;
using Ordering.Sdk;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Payments;

/// <summary>
/// Takes tenders for an order through the SDK's <see cref="IPaymentEngine"/> against the server-priced amount due,
/// refunds, and settles the order once confirmed money covers it exactly. Amounts never come from the client
/// except a cashier's explicit split amount, which the engine still bounds by what is open.
/// </summary>
internal sealed class Checkout
{
    private readonly IPaymentEngine _engine;
    private readonly RestaurantOrders _orders;

    public Checkout(IPaymentEngine engine, RestaurantOrders orders)
    {
        _engine = engine;
        _orders = orders;
    }

    public static Money Outstanding(OrderView order, OrderPaymentStatus status)
    {
        ArgumentNullException.ThrowIfNull(order);
        var zero = Money.Zero(order.AmountDue.Currency);
        var confirmed = status.AmountDue.Currency == order.AmountDue.Currency ? status.Confirmed - status.Refunded : zero;
        var inProgress = status.AmountDue.Currency == order.AmountDue.Currency ? status.InProgress : zero;
        var open = order.AmountDue - confirmed - inProgress;
        return open.IsNegative ? zero : open;
    }

    /// <summary>Pays <paramref name="amount"/> (or everything open) of the order with one tender.</summary>
    /// <exception cref="ArgumentException">The tender is invalid (the message names the field).</exception>
    public async Task<PaymentAttemptSnapshot> PayAsync(OrderView order, TenderSpec tender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(tender);
        if (order.Status != OrderStatus.Open)
        {
            throw new ArgumentException("orderId: the order is " + order.Status + "; only an open order takes payments.", nameof(order));
        }

        if (order.Lines.Any(l => l.IsActive && l.State == OrderLineState.InCart))
        {
            throw new ArgumentException("orderId: dishes are still in the shared cart; send them to the kitchen before paying.", nameof(order));
        }

        var status = _engine.GetOrderStatus(order.OrderId);
        var open = Outstanding(order, status);
        var amount = tender.AmountFen is { } fen ? new Money(fen, order.AmountDue.Currency) : open;
        if (amount.MinorUnits <= 0 && status.InProgress.MinorUnits > 0)
        {
            // Say what holds the money: a diner who sees "nothing is open" on an unpaid bill thinks the shop lost it.
            var inFlight = _engine.GetAttempts(order.OrderId).Where(a => a.State is PaymentState.Created or PaymentState.Pending or PaymentState.AwaitingCustomer or PaymentState.Cancelling).Select(a => a.AttemptId + " (" + a.Channel + ", " + a.State + ")");
            throw new ArgumentException("amount: " + status.InProgress + " of this order is held by a payment still being confirmed: " + string.Join(", ", inFlight) + ". Wait for it to finish, or ask staff to cancel it before paying another way.", nameof(tender));
        }

        if (amount.MinorUnits <= 0)
        {
            throw new ArgumentException("amount: nothing is open on this order.", nameof(tender));
        }

        // The amount due is the server's price of the order; the engine refuses a tender larger than what is open.
        var request = new TenderRequest(order.OrderId, order.AmountDue, amount, tender.Kind, order.OrderId + ":" + tender.RequestId)
        {
            Channel = tender.Channel,
            PaymentCode = tender.PaymentCode,
            PayerId = tender.PayerId,
            CashReceived = tender.Kind != ChargeKind.Cash ? null : new Money(tender.CashReceivedFen ?? amount.MinorUnits, order.AmountDue.Currency),
        };
        return await _engine.PayAsync(request, cancellationToken);
    }

    public async Task<RefundSnapshot> RefundAsync(string orderId, long amountFen, string reason, string requestId, CancellationToken cancellationToken)
    {
        var request = new RefundRequest(orderId, "RF-" + orderId + "-" + requestId) { Amount = Money.Fen(amountFen), Reason = reason };
        return await _engine.RefundAsync(request, cancellationToken);
    }

    /// <summary>Settles the order when confirmed, unrefunded money equals its amount due. Returns whether it is settled now.</summary>
    public async Task<bool> TrySettleAsync(string orderId, CancellationToken cancellationToken)
    {
        var order = await _orders.GetAsync(orderId, cancellationToken);
        if (order is null || order.Status != OrderStatus.Open || order.AmountDue.IsZero)
        {
            return order?.Status == OrderStatus.Settled;
        }

        var status = _engine.GetOrderStatus(orderId);
        var attempts = _engine.GetAttempts(orderId);
        if (status.InProgress.MinorUnits != 0 || attempts.Count == 0 || status.Confirmed - status.Refunded != order.AmountDue)
        {
            return false;
        }

        var reference = attempts.Where(a => a.State == PaymentState.Succeeded || a.Captured.MinorUnits > 0).Select(a => a.AttemptId).LastOrDefault() ?? attempts[^1].AttemptId;
        var result = await _orders.ExecuteAsync(
            new SettleOrder
            {
                OrderId = orderId,
                RequestId = "settle-" + orderId + "-v" + order.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ExpectedVersion = order.Version,
                AmountPaid = order.AmountDue.MinorUnits,
                PaymentReference = reference,
            },
            cancellationToken);
        return result.Status == OrderCommandStatus.Accepted;
    }
}

/// <summary>One tender as the API asks for it; the amount is optional (default: everything open).</summary>
internal sealed record TenderSpec(string RequestId, ChargeKind Kind, PaymentChannelId Channel)
{
    public long? AmountFen { get; init; }

    public string? PaymentCode { get; init; }

    public string? PayerId { get; init; }

    public long? CashReceivedFen { get; init; }
}
