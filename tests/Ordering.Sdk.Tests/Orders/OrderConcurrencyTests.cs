using Ordering.Sdk.Orders;

namespace Ordering.Sdk.Tests.Orders;

// Four diners and a waiter add dishes to one table at once, each retrying the same request id at random
// (lost acknowledgements) and re-basing on conflicts. Every accepted request must be applied exactly once.
public sealed class OrderConcurrencyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task ConcurrentDiners_EveryAcceptedRequestAppliedExactlyOnce(int seed)
    {
        var f = new OrderFixture();
        await f.OpenTableAsync("o", "T12", diners: 4);
        const int Diners = 5;
        const int RequestsPerDiner = 20;

        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var tasks = Enumerable.Range(0, Diners).Select(d => Task.Run(async () =>
        {
            var random = new Random(seed * 100 + d);
            for (var r = 0; r < RequestsPerDiner; r++)
            {
                var requestId = $"d{d}-r{r}";
                var quantity = random.Next(1, 4);
                while (true)
                {
                    var current = (await f.Service.GetAsync("o"))!;
                    var command = new AddItems { OrderId = "o", RequestId = requestId, ExpectedVersion = current.Version, Items = [new OrderItemRequest("rice", quantity) { Diner = "d" + d }] };
                    var result = await f.Service.ExecuteAsync(command);
                    if (random.Next(3) == 0)
                    {
                        result = await f.Service.ExecuteAsync(command); // the client never saw the answer and sends it again
                    }

                    if (result.Status == OrderCommandStatus.Accepted)
                    {
                        accepted[requestId] = quantity;
                        break;
                    }

                    Assert.Equal(OrderCommandStatus.Conflict, result.Status);
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        var history = await f.Service.GetHistoryAsync("o");
        var added = history.OfType<ItemsAdded>().ToList();
        Assert.Equal(Diners * RequestsPerDiner, accepted.Count);
        Assert.Equal(accepted.Count, added.Count);
        Assert.Equal(accepted.Count, added.Select(e => e.RequestId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(1, history.Count).Select(v => (long)v), history.Select(e => e.Version));
        var order = (await f.Service.GetAsync("o"))!;
        Assert.Equal(accepted.Values.Sum() * 300L, order.AmountDue.MinorUnits);
    }
}
