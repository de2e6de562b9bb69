using DemoRestaurant.Ordering;
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

        var bill = _bills.Explain(order, _orders.MemberOf(orderId));
        return ApiViews.Order(order, bill, _payments.GetOrderStatus(orderId), _payments.GetAttempts(orderId));
    }
}
