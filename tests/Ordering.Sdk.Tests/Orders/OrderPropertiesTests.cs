using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ordering.Sdk.Orders;

namespace Ordering.Sdk.Tests.Orders;

public sealed class OrderPropertiesTests
{
    [Property(MaxTest = 200)]
    public bool SplitEvenly_PartsSumToTheBillAndDifferByAtMostOneFen(PositiveInt rice, PositiveInt tea, PositiveInt parts)
    {
        var n = 2 + (parts.Get % 20);
        var f = new OrderFixture();
        var order = f.OpenTableAsync("o", "T1").GetAwaiter().GetResult();
        order = f.AddAsync(order, LineDisposition.Fire, ("rice", 1 + (rice.Get % 99)), ("tea", 1 + (tea.Get % 99))).GetAwaiter().GetResult();

        var split = f.RunAsync(new SplitBill { OrderId = "o", RequestId = "s", ExpectedVersion = order.Version, Mode = SplitMode.Evenly, Parts = n }).GetAwaiter().GetResult();

        var amounts = split.Order!.BillParts.Select(p => p.Amount.MinorUnits).ToArray();
        return amounts.Length == n && amounts.Sum() == order.AmountDue.MinorUnits && amounts.Max() - amounts.Min() <= 1;
    }

    [Property(MaxTest = 100)]
    public Property ReplayingTheHistory_GivesTheSameState(PositiveInt seed)
    {
        var f = new OrderFixture();
        var random = new Random(seed.Get);
        var order = f.OpenTableAsync("o", "T1").GetAwaiter().GetResult();
        for (var step = 0; step < 15; step++)
        {
            var line = "L" + random.Next(1, Math.Max(2, order.Lines.Count + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            OrderCommand command = random.Next(5) switch
            {
                0 => new AddItems { OrderId = "o", RequestId = f.NextRequest(), ExpectedVersion = order.Version, Disposition = (LineDisposition)random.Next(3), Items = [new OrderItemRequest(OrderFixture.Menu.Keys.ElementAt(random.Next(4)), random.Next(1, 5))] },
                1 => new RemoveItem { OrderId = "o", RequestId = f.NextRequest(), ExpectedVersion = order.Version, LineId = line },
                2 => new VoidItem { OrderId = "o", RequestId = f.NextRequest(), ExpectedVersion = order.Version, LineId = line, Quantity = 1, Reason = "r", Operator = "w" },
                3 => new SubmitCart { OrderId = "o", RequestId = f.NextRequest(), ExpectedVersion = order.Version },
                _ => new ChangeQuantity { OrderId = "o", RequestId = f.NextRequest(), ExpectedVersion = order.Version, LineId = line, Quantity = random.Next(1, 4) },
            };
            var result = f.RunAsync(command).GetAwaiter().GetResult();

            // Every command is based on the current version, so none may ever conflict.
            Assert.NotEqual(OrderCommandStatus.Conflict, result.Status);
            order = result.Order ?? order;
        }

        var replayed = f.Service.GetAsync("o").AsTask().GetAwaiter().GetResult()!;
        var expectedDue = replayed.Lines.Where(l => l.IsActive).Sum(l => OrderFixture.Menu[l.Item.SkuId] * l.Quantity);
        return (replayed.Version == order.Version
            && replayed.AmountDue == order.AmountDue
            && replayed.AmountDue.MinorUnits == expectedDue
            && replayed.Lines.All(l => l.Quantity >= 0)).Label($"seed {seed.Get}");
    }
}
