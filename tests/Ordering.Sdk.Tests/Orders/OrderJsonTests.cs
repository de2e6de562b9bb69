using System.Text.Json;
using Ordering.Sdk.Orders;

namespace Ordering.Sdk.Tests.Orders;

public sealed class OrderJsonTests
{
    [Fact]
    public async Task EveryEventOfARealHistory_RoundTripsExactly()
    {
        var f = new OrderFixture();
        var order = await f.OpenTableAsync("o1", "T1", 3);
        order = await f.AddAsync(order, LineDisposition.Fire, ("fish", 1), ("rice", 2));
        order = await f.AddAsync(order, LineDisposition.Hold, ("tea", 1));
        order = await f.AddAsync(order, LineDisposition.Cart, ("rice", 1));
        var other = await f.OpenTableAsync("o2", "T2");
        await f.AddAsync(other, LineDisposition.Fire, ("tea", 2));
        OrderCommand[] commands =
        [
            new SubmitCart { OrderId = "o1", RequestId = "a", ExpectedVersion = 0 },
            new FireHeldItems { OrderId = "o1", RequestId = "b", ExpectedVersion = 0, LineIds = ["L3"] },
            new UrgeItems { OrderId = "o1", RequestId = "c", ExpectedVersion = 0, LineIds = ["L1"] },
            new VoidItem { OrderId = "o1", RequestId = "d", ExpectedVersion = 0, LineId = "L2", Quantity = 1, Reason = "上错菜", Operator = "w" },
            new CompItem { OrderId = "o1", RequestId = "e", ExpectedVersion = 0, LineId = "L4", Reason = "赠", Operator = "w" },
            new MarkServed { OrderId = "o1", RequestId = "f", ExpectedVersion = 0, LineIds = ["L1"] },
            new MergeOrders { OrderId = "o1", RequestId = "g", ExpectedVersion = 0, SourceOrderId = "o2" },
            new TransferTable { OrderId = "o1", RequestId = "h", ExpectedVersion = 0, ToTableId = "T5" },
            new SplitBill { OrderId = "o1", RequestId = "i", ExpectedVersion = 0, Mode = SplitMode.Evenly, Parts = 2 },
            new SettleOrder { OrderId = "o1", RequestId = "j", ExpectedVersion = 0, AmountPaid = 12800 + 300 + 1000 + 2000, PaymentReference = "p" },
            new ReopenOrder { OrderId = "o1", RequestId = "k", ExpectedVersion = 0, Reason = "改单", Operator = "m" },
            new CancelOrder { OrderId = "o1", RequestId = "l", ExpectedVersion = 0, Reason = "测试", Operator = "m" },
        ];
        foreach (var command in commands)
        {
            var current = (await f.Service.GetAsync("o1"))!.Version;
            var result = await f.RunAsync(command with { ExpectedVersion = current });
            Assert.True(result.Status == OrderCommandStatus.Accepted, command.GetType().Name + ": " + result.Error?.MessageEn);
        }

        var history = (await f.Store.LoadAsync("o1")).Concat(await f.Store.LoadAsync("o2")).ToList();
        foreach (var e in history)
        {
            var json = OrderJson.SerializeEvent(e);
            var back = OrderJson.DeserializeEvent(json);
            Assert.Equal(e.GetType(), back.GetType());
            Assert.Equal(json, OrderJson.SerializeEvent(back));
        }

        Assert.Contains("\"event\":\"settled\"", string.Join('\n', history.Select(OrderJson.SerializeEvent)), StringComparison.Ordinal);
        var replayed = OrderState.Replay("o1", (await f.Store.LoadAsync("o1")).Select(e => OrderJson.DeserializeEvent(OrderJson.SerializeEvent(e))));
        Assert.Equal(OrderStatus.Cancelled, replayed.Status);
        Assert.Equal(1, replayed.ReopenCount);
        Assert.Equal("T5", replayed.TableId);
    }

    [Theory]
    [InlineData("{\"event\":\"settled\",\"orderId\":\"o\",\"amount\":{\"minorUnits\":1},\"paymentReference\":\"p\"}")]
    [InlineData("{\"event\":\"nope\"}")]
    [InlineData("[]")]
    public void Deserialize_Garbage_ThrowsJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => OrderJson.DeserializeEvent(json));
}
