using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;

namespace Ordering.Sdk.Tests.Orders;

public sealed class OrderServiceTests
{
    private readonly OrderFixture _f = new();

    [Fact]
    public async Task OpenOrder_DineIn_OpensTableWithNumberAndDiners()
    {
        var order = await _f.OpenTableAsync("o1", "T1", diners: 4);

        Assert.Equal(OrderStatus.Open, order.Status);
        Assert.Equal(TableSessionState.Open, order.TableState);
        Assert.Equal(1, order.Version);
        Assert.Equal(1, order.OrderNumber);
        Assert.Equal(4, order.DinerCount);
        Assert.Equal("o1", await _f.Store.FindTableOccupantAsync("T1"));
    }

    [Fact]
    public async Task OpenOrder_NumbersCountUpWithinTheBusinessDayAndRestartAfterIt()
    {
        await _f.OpenTableAsync("o1", "T1");
        var second = await _f.OpenTableAsync("o2", "T2");
        _f.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await _f.OpenTableAsync("o3", "T3");

        Assert.Equal(2, second.OrderNumber);
        Assert.Equal(1, nextDay.OrderNumber);
    }

    [Theory]
    [InlineData("T99", 2, "unknown_table", "tableId")]
    [InlineData("T1", 0, "out_of_range", "dinerCount")]
    [InlineData("", 2, "required", "tableId")]
    public async Task OpenOrder_BadInput_RejectedWithField(string table, int diners, string code, string field)
    {
        var result = await _f.RunAsync(new OpenOrder { OrderId = "o1", RequestId = "r1", ExpectedVersion = 0, Type = OrderType.DineIn, TableId = table, DinerCount = diners });

        Assert.Equal(OrderCommandStatus.Rejected, result.Status);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(field, result.Error.Field);
        Assert.Empty(await _f.Store.LoadAsync("o1"));
    }

    [Fact]
    public async Task OpenOrder_OccupiedTable_RejectedNamingTheOccupant()
    {
        await _f.OpenTableAsync("o1", "T1");

        var result = await _f.RunAsync(new OpenOrder { OrderId = "o2", RequestId = "r2", ExpectedVersion = 0, Type = OrderType.DineIn, TableId = "T1" });

        Assert.Equal("table_occupied", result.Error!.Code);
        Assert.Contains("o1", result.Error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Takeaway_HasNoTable()
    {
        var result = await _f.RunAsync(new OpenOrder { OrderId = "t1", RequestId = "r1", ExpectedVersion = 0, Type = OrderType.Takeaway, TableId = "T1" });

        Assert.Equal(OrderCommandStatus.Accepted, result.Status);
        Assert.Null(result.Order!.TableId);
        Assert.Equal(TableSessionState.None, result.Order.TableState);
        Assert.Null(await _f.Store.FindTableOccupantAsync("T1"));
    }

    [Fact]
    public async Task RepeatedRequestId_ReturnsFirstResultAndAppliesOnce()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        var add = new AddItems { OrderId = "o1", RequestId = "tap-1", ExpectedVersion = order.Version, Items = [new OrderItemRequest("rice", 2)] };

        var first = await _f.RunAsync(add);
        var again = await _f.RunAsync(add);

        Assert.False(first.IsReplay);
        Assert.True(again.IsReplay);
        Assert.Equal(OrderCommandStatus.Accepted, again.Status);
        Assert.Equal(first.Events.Select(e => e.Version), again.Events.Select(e => e.Version));
        Assert.Equal(2, (await _f.Store.LoadAsync("o1")).Count);
        Assert.Equal(Money.Fen(600), again.Order!.AmountDue);
    }

    [Fact]
    public async Task RequestIdReusedForAnotherCommand_IsRejected()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        await _f.RunAsync(new AddItems { OrderId = "o1", RequestId = "x", ExpectedVersion = order.Version, Items = [new OrderItemRequest("rice", 1)] });

        var misuse = await _f.RunAsync(new SubmitCart { OrderId = "o1", RequestId = "x", ExpectedVersion = 2 });

        Assert.Equal("request_id_reused", misuse.Error!.Code);
    }

    [Fact]
    public async Task StaleVersion_ConflictSaysWhatChanged()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        await _f.AddAsync(order, LineDisposition.Fire, ("rice", 1));

        var stale = await _f.RunAsync(new AddItems { OrderId = "o1", RequestId = "late", ExpectedVersion = order.Version, Items = [new OrderItemRequest("tea", 1)] });

        Assert.Equal(OrderCommandStatus.Conflict, stale.Status);
        Assert.Single(stale.ChangesSinceExpected);
        Assert.IsType<ItemsAdded>(stale.ChangesSinceExpected[0]);
        Assert.Contains("ItemsAdded", stale.Error!.MessageEn, StringComparison.Ordinal);
        Assert.Equal(2, stale.Order!.Version);

        var retried = await _f.RunAsync(new AddItems { OrderId = "o1", RequestId = "late", ExpectedVersion = 2, Items = [new OrderItemRequest("tea", 1)] });
        Assert.Equal(OrderCommandStatus.Accepted, retried.Status);
    }

    [Fact]
    public async Task UnknownSku_RefusedByPricingAndNothingApplied()
    {
        var order = await _f.OpenTableAsync("o1", "T1");

        var result = await _f.RunAsync(new AddItems { OrderId = "o1", RequestId = "r", ExpectedVersion = 1, Items = [new OrderItemRequest("unicorn", 1)] });

        Assert.Equal("unknown_sku", result.Error!.Code);
        Assert.Equal(order.Version, (await _f.Service.GetAsync("o1"))!.Version);
    }

    [Theory]
    [InlineData(0, "items[0].quantity")]
    [InlineData(100, "items[0].quantity")]
    public async Task AddItems_QuantityOutOfLimits_RejectedWithPath(int quantity, string field)
    {
        await _f.OpenTableAsync("o1", "T1");

        var result = await _f.RunAsync(new AddItems { OrderId = "o1", RequestId = "r", ExpectedVersion = 1, Items = [new OrderItemRequest("rice", quantity)] });

        Assert.Equal(field, result.Error!.Field);
    }

    [Fact]
    public async Task Batches_AreKitchenRounds_AndTheCartWaitsForSubmit()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Fire, ("mapo-tofu", 1), ("rice", 2));
        order = await _f.AddAsync(order, LineDisposition.Cart, ("tea", 1));

        Assert.Equal(1, order.Rounds);
        Assert.Equal(OrderLineState.InCart, order.Lines[2].State);
        Assert.Equal(TableSessionState.Ordering, order.TableState);

        var submitted = await _f.RunAsync(new SubmitCart { OrderId = "o1", RequestId = "s", ExpectedVersion = order.Version });

        Assert.Equal(2, submitted.Order!.Rounds);
        Assert.All(submitted.Order.Lines, l => Assert.Equal(OrderLineState.Fired, l.State));
        Assert.Equal(Money.Fen(3800 + 600 + 1000), submitted.Order.AmountDue);
        var empty = await _f.RunAsync(new SubmitCart { OrderId = "o1", RequestId = "s2", ExpectedVersion = submitted.Order.Version });
        Assert.Equal("cart_empty", empty.Error!.Code);
    }

    [Fact]
    public async Task ChangeAndRemove_AllowedBeforeFiring_RefusedAfter()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Cart, ("rice", 1));
        order = await _f.AddAsync(order, LineDisposition.Fire, ("fish", 1));

        var changed = await _f.RunAsync(new ChangeQuantity { OrderId = "o1", RequestId = "c", ExpectedVersion = order.Version, LineId = "L1", Quantity = 3 });
        Assert.Equal(Money.Fen(900 + 12800), changed.Order!.AmountDue);

        var tooLate = await _f.RunAsync(new RemoveItem { OrderId = "o1", RequestId = "r", ExpectedVersion = changed.Order.Version, LineId = "L2" });
        Assert.Equal("line_already_fired", tooLate.Error!.Code);

        var removed = await _f.RunAsync(new RemoveItem { OrderId = "o1", RequestId = "r2", ExpectedVersion = changed.Order.Version, LineId = "L1" });
        Assert.Equal(Money.Fen(12800), removed.Order!.AmountDue);
    }

    [Fact]
    public async Task Void_NeedsFiringReasonAndOperator_AndReducesTheBill()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Cart, ("tea", 1));
        order = await _f.AddAsync(order, LineDisposition.Fire, ("rice", 3));

        var unfired = await _f.RunAsync(new VoidItem { OrderId = "o1", RequestId = "v0", ExpectedVersion = order.Version, LineId = "L1", Quantity = 1, Reason = "不要了", Operator = "w1" });
        var noReason = await _f.RunAsync(new VoidItem { OrderId = "o1", RequestId = "v1", ExpectedVersion = order.Version, LineId = "L2", Quantity = 1, Reason = " ", Operator = "w1" });
        var tooMany = await _f.RunAsync(new VoidItem { OrderId = "o1", RequestId = "v2", ExpectedVersion = order.Version, LineId = "L2", Quantity = 4, Reason = "上错菜", Operator = "w1" });
        var ok = await _f.RunAsync(new VoidItem { OrderId = "o1", RequestId = "v3", ExpectedVersion = order.Version, LineId = "L2", Quantity = 2, Reason = "上错菜", Operator = "w1" });

        Assert.Equal("line_not_fired", unfired.Error!.Code);
        Assert.Equal("reason", noReason.Error!.Field);
        Assert.Equal("void_exceeds_quantity", tooMany.Error!.Code);
        Assert.Equal(OrderCommandStatus.Accepted, ok.Status);
        Assert.Equal(1, ok.Order!.Lines[1].Quantity);
        Assert.Equal(2, ok.Order.Lines[1].VoidedQuantity);
        Assert.Equal(Money.Fen(1000 + 300), ok.Order.AmountDue);
        Assert.Equal("w1", ok.Events[0].Operator);
    }

    [Fact]
    public async Task Comp_PricesLineAtZero_Once()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Fire, ("fish", 1), ("rice", 1));

        var comped = await _f.RunAsync(new CompItem { OrderId = "o1", RequestId = "c", ExpectedVersion = order.Version, LineId = "L1", Reason = "老客户", Operator = "mgr" });
        var twice = await _f.RunAsync(new CompItem { OrderId = "o1", RequestId = "c2", ExpectedVersion = comped.Order!.Version, LineId = "L1", Reason = "老客户", Operator = "mgr" });

        Assert.Equal(Money.Fen(300), comped.Order.AmountDue);
        Assert.Equal("already_comped", twice.Error!.Code);
    }

    [Fact]
    public async Task HoldThenFire_AndUrge()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Hold, ("fish", 1));

        var notHeld = await _f.RunAsync(new FireHeldItems { OrderId = "o1", RequestId = "f0", ExpectedVersion = order.Version, LineIds = ["L9"] });
        var fired = await _f.RunAsync(new FireHeldItems { OrderId = "o1", RequestId = "f1", ExpectedVersion = order.Version, LineIds = ["L1"] });
        var urged = await _f.RunAsync(new UrgeItems { OrderId = "o1", RequestId = "u", ExpectedVersion = fired.Order!.Version, LineIds = ["L1"] });
        var served = await _f.RunAsync(new MarkServed { OrderId = "o1", RequestId = "s", ExpectedVersion = urged.Order!.Version, LineIds = ["L1"] });

        Assert.Equal("unknown_line", notHeld.Error!.Code);
        Assert.Equal(OrderLineState.Fired, fired.Order.Lines[0].State);
        Assert.Equal(1, urged.Order.Lines[0].UrgeCount);
        Assert.Equal(TableSessionState.Served, served.Order!.TableState);
    }

    [Fact]
    public async Task TransferTable_MovesOccupancy()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        await _f.OpenTableAsync("o2", "T2");

        var occupied = await _f.RunAsync(new TransferTable { OrderId = "o1", RequestId = "t0", ExpectedVersion = order.Version, ToTableId = "T2" });
        var moved = await _f.RunAsync(new TransferTable { OrderId = "o1", RequestId = "t1", ExpectedVersion = order.Version, ToTableId = "T3" });

        Assert.Equal("table_occupied", occupied.Error!.Code);
        Assert.Equal("T3", moved.Order!.TableId);
        Assert.Null(await _f.Store.FindTableOccupantAsync("T1"));
        Assert.Equal("o1", await _f.Store.FindTableOccupantAsync("T3"));
    }

    [Fact]
    public async Task MergeOrders_MovesLinesAndDinersAndFreesSourceTable()
    {
        var target = await _f.OpenTableAsync("o1", "T1", diners: 2);
        target = await _f.AddAsync(target, LineDisposition.Fire, ("fish", 1));
        var source = await _f.OpenTableAsync("o2", "T2", diners: 3);
        await _f.AddAsync(source, LineDisposition.Fire, ("rice", 3));

        var merged = await _f.RunAsync(new MergeOrders { OrderId = "o1", RequestId = "m", ExpectedVersion = target.Version, SourceOrderId = "o2" });
        var self = await _f.RunAsync(new MergeOrders { OrderId = "o1", RequestId = "m2", ExpectedVersion = merged.Order!.Version, SourceOrderId = "o1" });

        Assert.Equal(OrderCommandStatus.Accepted, merged.Status);
        Assert.Equal(5, merged.Order.DinerCount);
        Assert.Equal(["L1", "L2"], merged.Order.Lines.Select(l => l.LineId));
        Assert.Equal(Money.Fen(12800 + 900), merged.Order.AmountDue);
        var closed = await _f.Service.GetAsync("o2");
        Assert.Equal(OrderStatus.Cancelled, closed!.Status);
        Assert.Equal("o1", closed.MergedIntoOrderId);
        Assert.Null(await _f.Store.FindTableOccupantAsync("T2"));
        Assert.Equal("merge_into_self", self.Error!.Code);
    }

    [Fact]
    public async Task SplitEvenly_PartsSumExactly()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Fire, ("mapo-tofu", 1), ("rice", 1), ("tea", 1));

        var split = await _f.RunAsync(new SplitBill { OrderId = "o1", RequestId = "s", ExpectedVersion = order.Version, Mode = SplitMode.Evenly, Parts = 3 });

        Assert.Equal([1700L, 1700L, 1700L], split.Order!.BillParts.Select(p => p.Amount.MinorUnits));
    }

    [Fact]
    public async Task SplitByItemsAndByAmount_MustCoverTheBill()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Fire, ("mapo-tofu", 1), ("rice", 1));

        var missing = await _f.RunAsync(new SplitBill { OrderId = "o1", RequestId = "s1", ExpectedVersion = order.Version, Mode = SplitMode.ByItems, LinesPerPart = [["L1"], []] });
        var byItems = await _f.RunAsync(new SplitBill { OrderId = "o1", RequestId = "s2", ExpectedVersion = order.Version, Mode = SplitMode.ByItems, LinesPerPart = [["L1"], ["L2"]] });
        var short_ = await _f.RunAsync(new SplitBill { OrderId = "o1", RequestId = "s3", ExpectedVersion = byItems.Order!.Version, Mode = SplitMode.ByAmount, AmountsPerPart = [2000, 2000] });

        Assert.Equal("split_line_unassigned", missing.Error!.Code);
        Assert.Equal([3800L, 300L], byItems.Order.BillParts.Select(p => p.Amount.MinorUnits));
        Assert.Equal("split_does_not_cover", short_.Error!.Code);
    }

    [Fact]
    public async Task Settle_OnlyForExactAmount_ThenClearFreesTable()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Fire, ("fish", 1));

        var wrong = await _f.RunAsync(new SettleOrder { OrderId = "o1", RequestId = "p0", ExpectedVersion = order.Version, AmountPaid = 12700, PaymentReference = "pay-1" });
        var settled = await _f.RunAsync(new SettleOrder { OrderId = "o1", RequestId = "p1", ExpectedVersion = order.Version, AmountPaid = 12800, PaymentReference = "pay-1" });
        var addAfter = await _f.RunAsync(new AddItems { OrderId = "o1", RequestId = "a", ExpectedVersion = settled.Order!.Version, Items = [new OrderItemRequest("rice", 1)] });
        var cleared = await _f.RunAsync(new ClearTable { OrderId = "o1", RequestId = "c", ExpectedVersion = settled.Order.Version });

        Assert.Equal("settlement_mismatch", wrong.Error!.Code);
        Assert.Equal(TableSessionState.Paid, settled.Order.TableState);
        Assert.Equal(Money.Fen(12800), settled.Order.SettledAmount);
        Assert.Equal("order_not_open", addAfter.Error!.Code);
        Assert.Equal(TableSessionState.Cleared, cleared.Order!.TableState);
        Assert.Null(await _f.Store.FindTableOccupantAsync("T1"));
    }

    [Fact]
    public async Task Reopen_OnlySettled_WithAuditTrail()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        order = await _f.AddAsync(order, LineDisposition.Fire, ("rice", 1));

        var notSettled = await _f.RunAsync(new ReopenOrder { OrderId = "o1", RequestId = "x", ExpectedVersion = order.Version, Reason = "多收", Operator = "mgr" });
        var settled = await _f.RunAsync(new SettleOrder { OrderId = "o1", RequestId = "p", ExpectedVersion = order.Version, AmountPaid = 300, PaymentReference = "pay" });
        var reopened = await _f.RunAsync(new ReopenOrder { OrderId = "o1", RequestId = "r", ExpectedVersion = settled.Order!.Version, Reason = "结错账", Operator = "mgr" });

        Assert.Equal("order_not_settled", notSettled.Error!.Code);
        Assert.Equal(OrderStatus.Open, reopened.Order!.Status);
        Assert.Equal(1, reopened.Order.ReopenCount);
        var audit = Assert.IsType<OrderReopened>((await _f.Service.GetHistoryAsync("o1"))[^1]);
        Assert.Equal(("结错账", "mgr", 300L), (audit.Reason, audit.Operator, audit.PreviouslySettled.MinorUnits));
    }

    [Fact]
    public async Task Cancel_NeedsReasonAndEndsTheOrder()
    {
        var order = await _f.OpenTableAsync("o1", "T1");

        var noOperator = await _f.RunAsync(new CancelOrder { OrderId = "o1", RequestId = "c0", ExpectedVersion = order.Version, Reason = "客人走了" });
        var cancelled = await _f.RunAsync(new CancelOrder { OrderId = "o1", RequestId = "c1", ExpectedVersion = order.Version, Reason = "客人走了", Operator = "w1" });

        Assert.Equal("operator", noOperator.Error!.Field);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Order!.Status);
        Assert.Null(await _f.Store.FindTableOccupantAsync("T1"));
    }

    [Fact]
    public async Task UnknownOrder_IsAClearRefusal()
    {
        var result = await _f.RunAsync(new AddItems { OrderId = "nope", RequestId = "r", ExpectedVersion = 0, Items = [new OrderItemRequest("rice", 1)] });

        Assert.Equal("order_not_found", result.Error!.Code);
    }

    [Fact]
    public async Task Outbox_DeliversEveryEventInOrderUntilAcknowledged()
    {
        var order = await _f.OpenTableAsync("o1", "T1");
        await _f.AddAsync(order, LineDisposition.Fire, ("rice", 1));

        var pending = await _f.Store.ReadOutboxAsync(10);
        Assert.Equal([1L, 2L], pending.Select(e => e.Event.Version));
        await _f.Store.AcknowledgeOutboxAsync([pending[0].Sequence]);

        Assert.Single(await _f.Store.ReadOutboxAsync(10));
    }

    [Fact]
    public async Task MergeOrders_AcrossStores_IsRefused()
    {
        var otherStoreOptions = new OrdersOptions { StoreId = "store-2" };
        otherStoreOptions.Tables.Add("T1");
        var otherStore = new OrderService(_f.Store, new FixedPriceOrderPricer(OrderFixture.Menu), otherStoreOptions, new OrderingSdkOptions(), _f.Clock);
        await otherStore.ExecuteAsync(new OpenOrder { OrderId = "b1", RequestId = "b", ExpectedVersion = 0, Type = OrderType.Takeaway });
        var target = await _f.OpenTableAsync("o1", "T1");

        var merged = await _f.RunAsync(new MergeOrders { OrderId = "o1", RequestId = "m", ExpectedVersion = target.Version, SourceOrderId = "b1" });

        Assert.Equal("merge_across_stores", merged.Error!.Code);
    }
}
