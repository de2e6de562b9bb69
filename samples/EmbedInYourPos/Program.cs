// The README's "Embed it in your POS" example. ReadmeTests checks that the README shows exactly the
// lines between the snippet markers, so the example there always compiles and runs.
// begin-snippet: embed
using Microsoft.Extensions.DependencyInjection;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;

var menu = MenuCatalog.Create(new CatalogDefinition
{
    Categories = [new() { Id = "hot", Name = new("热菜", "Hot dishes") }],
    Items = [new() { Id = "kungpao", Name = new("宫保鸡丁", "Kung Pao Chicken"), CategoryId = "hot", Skus = [new() { Id = "kungpao", Name = new("例", "Regular"), Price = 3850 }] }],
});
var policy = new PricingPolicy { Promotions = [new() { Id = "mj", Name = new("满100减20", "20 off 100"), Kind = PromotionKind.SpendTiers, Tiers = [new() { Threshold = 10000, AmountOff = 2000 }] }] };
using var provider = new ServiceCollection()
    .AddPricingEngine(menu, policy)
    .AddOrderingSdkOrders(tables => tables.Tables.Add("T12"))
    .BuildServiceProvider();
var orders = provider.GetRequiredService<IOrderService>();

// Each tap carries a request id (a double tap applies once) and the version the client saw (no lost updates).
var table = await orders.ExecuteAsync(new OpenOrder { OrderId = "o-1", RequestId = "tap-1", ExpectedVersion = 0, Type = OrderType.DineIn, TableId = "T12", DinerCount = 4 });
var round = await orders.ExecuteAsync(new AddItems { OrderId = "o-1", RequestId = "tap-2", ExpectedVersion = table.Order!.Version, Items = [new OrderItemRequest("kungpao", 3)] });
Console.WriteLine($"{round.Status}: {round.Order!.AmountDue}"); // Accepted: CNY 95.50 (3 × 38.50 − 满减 20.00), priced by the server
// end-snippet
