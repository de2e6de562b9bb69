namespace Ordering.Sdk.Payments;

// A caller's refund (one refund number) and the parts it was spread over.
internal sealed class RefundGroup(string number, string orderId, Money amount, string? detail)
{
    public string Number { get; } = number;

    public string OrderId { get; } = orderId;

    public Money Amount { get; } = amount;

    public string? Detail { get; } = detail;

    public List<RefundPart> Parts { get; } = [];

    public RefundSnapshot ToSnapshot() => new(Number, OrderId, Amount, Parts.ConvertAll(static p => p.ToSnapshot()));
}
