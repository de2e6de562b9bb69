// The victim of the crash-safety test: places and changes orders against a SQLite file as fast as it can, from
// several concurrent workers (so the store group-commits their commands), and prints
// "ACK <request> <order> <from> <to>" after each command the store acknowledged. The test kills it with SIGKILL
// at a random moment and then checks the file. Usage: CrashChild <database> <run> <seed>
using System.Globalization;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Pricing;
using Ordering.Sdk.Storage.Sqlite;
using Ordering.Sdk.Testing;

const int Workers = 4;
var database = args[0];
var run = args[1];
var seed = int.Parse(args[2], CultureInfo.InvariantCulture);
await using var store = await SqliteOrderStore.OpenAsync(database);
var options = new OrdersOptions();
for (var w = 0; w < Workers; w++)
{
    for (var t = 1; t <= 8; t++)
    {
        options.Tables.Add($"R{run}W{w}T{t}");
    }
}

var orders = OrderServiceFactory.Create(store, PricingEngine.Create(SampleMenu.Catalog(), new PricingPolicy()), options);
var output = Console.Out;
output.WriteLine("READY");
output.Flush();
string[] dishes = [SampleMenu.Rice, SampleMenu.Beer, SampleMenu.Cucumber, SampleMenu.FishSmall];
await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(w))));

// One worker: its own tables, orders and request ids, its own seeded choices.
async Task WorkAsync(int worker)
{
    var random = new Random(seed + worker);
    var open = new List<(string Id, long Version, string Table)>();
    var freeTables = new Queue<string>(Enumerable.Range(1, 8).Select(t => $"R{run}W{worker}T{t}"));
    for (var step = 0; ; step++)
    {
        var requestId = $"{run}-w{worker}-{step}";
        OrderCommand command;
        if (open.Count == 0 || (freeTables.Count > 0 && random.Next(4) == 0))
        {
            var table = freeTables.Dequeue();
            command = new OpenOrder { OrderId = $"{run}-w{worker}-o{step}", RequestId = requestId, ExpectedVersion = 0, Type = OrderType.DineIn, TableId = table, DinerCount = random.Next(1, 6) };
            open.Add((command.OrderId, 0, table));
        }
        else
        {
            var index = random.Next(open.Count);
            var (id, version, table) = open[index];
            var current = (await orders.GetAsync(id))!;
            command = random.Next(6) switch
            {
                0 when current.Lines.Count > 0 => new VoidItem { OrderId = id, RequestId = requestId, ExpectedVersion = version, LineId = current.Lines[random.Next(current.Lines.Count)].LineId, Quantity = 1, Reason = "crash test", Operator = "w" },
                1 when current.Lines.Count > 0 => new SettleOrder { OrderId = id, RequestId = requestId, ExpectedVersion = version, AmountPaid = current.AmountDue.MinorUnits, PaymentReference = "pay-" + requestId },
                _ => new AddItems { OrderId = id, RequestId = requestId, ExpectedVersion = version, Items = [new OrderItemRequest(dishes[random.Next(dishes.Length)], random.Next(1, 4)), new OrderItemRequest(SampleMenu.Rice, 1)] },
            };
        }

        var result = await orders.ExecuteAsync(command);
        var at = open.FindIndex(o => o.Id == command.OrderId);
        if (result.Status == OrderCommandStatus.Accepted)
        {
            // Console.Out is synchronized: one worker's line is never torn by another's.
            output.WriteLine($"ACK {command.RequestId} {command.OrderId} {result.Events[0].Version} {result.Events[^1].Version}");
            output.Flush();
        }

        if (result.Status == OrderCommandStatus.Accepted && command is SettleOrder)
        {
            freeTables.Enqueue(open[at].Table);
            open.RemoveAt(at);
        }
        else if (at >= 0 && result.Order is { } order)
        {
            open[at] = open[at] with { Version = order.Version };
        }
        else if (at >= 0 && command is OpenOrder)
        {
            freeTables.Enqueue(open[at].Table);
            open.RemoveAt(at);
        }
    }
}
