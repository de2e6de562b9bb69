using DemoRestaurant.Ordering;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Endpoints;

/// <summary>Assembles an order's full view: the SDK's order, the bill explained from the price snapshot, and its payments.</summary>
internal sealed class OrderViews
{
    private readonly RestaurantOrders _orders;
    private readonly BillExplainer _bills;
    private readonly IPaymentEngine _payments;

    public OrderViews(RestaurantOrders orders, BillExplainer bills, IPaymentEngine payments)
    {
        _orders = orders;
        _bills = bills;
        _payments = payments;
    }

    public async Task<object?> ViewAsync(string orderId, CancellationToken cancellationToken)
    {
        var order = await _orders.GetAsync(orderId, cancellationToken);
        if (order is null)
        {
            return null;
        }

        return View(order);
    }

    /// <summary>Views an order the caller already holds (for example the one a command returned), without reloading it.</summary>
    public object View(OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var bill = _bills.Explain(order);
        return ApiViews.Order(order, bill, _payments.GetOrderStatus(order.OrderId), _payments.GetAttempts(order.OrderId));
    }
}
