using System.Globalization;
using System.Text;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Kitchen;
using Ordering.Sdk.Testing.Printing;

namespace Ordering.Sdk.Devices.Tests.Queue;

// A seeded run of the kitchen print queue on a fake clock against simulated printers (no sockets, no threads):
// tickets arrive, printers run out of paper, open their covers, go offline, drop the connection mid-job, die for
// good, and the shared backup fails for a while; staff sometimes ask for a reprint. Everything that happens is
// a function of the seed, so a failing seed replays exactly.
internal sealed class PrintQueueSimulation : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 11, 30, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    private readonly int _seed;
    private readonly Random _random;
    private readonly ObservedClock _clock = new(Start);
    private readonly Dictionary<string, SimulatedPrinter> _printers;
    private readonly Dictionary<string, int> _healAt = new(StringComparer.Ordinal);
    private readonly InMemoryPrintOutbox _outbox = new();
    private readonly PrintQueue _queue;
    private readonly List<KitchenTicket> _tickets = [];
    private readonly Dictionary<string, int> _reprintsAsked = new(StringComparer.Ordinal);
    private readonly StringBuilder _trace = new();
    private string? _deadForGood;

    public PrintQueueSimulation(int seed)
    {
        _seed = seed;
        _random = new Random(seed);
        _printers = new(StringComparer.Ordinal)
        {
            ["hot1"] = new SimulatedPrinter("hot1", _clock),
            ["cold1"] = new SimulatedPrinter("cold1", _clock),
            ["spare"] = new SimulatedPrinter("spare", _clock, chineseModeAtPowerOn: false),
        };
        var options = new PrintQueueOptions
        {
            AttemptsPerPrinter = 2,
            RetryDelay = TimeSpan.FromMilliseconds(200),
            RequeueDelay = TimeSpan.FromSeconds(5),
            StatusTimeout = TimeSpan.FromMilliseconds(300),
            CompletionTimeout = TimeSpan.FromSeconds(2),
        };
        options.Printers.Add(new PrinterDefinition { Id = "hot1", DisplayName = "热菜1号", Host = "sim", Profile = PrinterProfile.ChineseClone80 });
        options.Printers.Add(new PrinterDefinition { Id = "cold1", DisplayName = "凉菜1号", Host = "sim", Profile = PrinterProfile.ChineseClone80 });
        options.Printers.Add(new PrinterDefinition { Id = "spare", DisplayName = "备用", Host = "sim", Profile = PrinterProfile.EpsonCompatible80 });
        options.Stations.Add(new KitchenStation { Id = "hot", DisplayName = "热菜", PrimaryPrinterId = "hot1", BackupPrinterId = "spare" });
        options.Stations.Add(new KitchenStation { Id = "cold", DisplayName = "凉菜", PrimaryPrinterId = "cold1", BackupPrinterId = "spare" });
        _queue = new PrintQueue(options, _outbox, _clock, p => _printers[p.Id]);
        _queue.Alert += (_, e) => _trace.Append(CultureInfo.InvariantCulture, $"{_clock.GetUtcNow():HH:mm:ss.fff} {e.Kind} {e.PrinterId} {e.Job}\n");
    }

    public string Trace => _trace.ToString();

    public ValueTask DisposeAsync() => _queue.DisposeAsync();

    public int Jobs => _tickets.Count;

    public int FaultsInjected { get; private set; }

    public async Task RunAsync(int arrivalTicks = 150, int maxTicks = 900)
    {
        for (var tick = 0; tick < maxTicks; tick++)
        {
            Heal(tick, everything: tick >= arrivalTicks);
            if (tick < arrivalTicks)
            {
                await ArriveAsync(tick);
                InjectFault(tick);
                await MaybeAskForReprintAsync();
            }

            await ProcessDueOnTheFakeClockAsync();
            if (tick >= arrivalTicks && (await _outbox.GetByStateAsync(PrintJobState.Pending)).Count == 0)
            {
                return;
            }

            _clock.Advance(Tick);
        }
    }

    // Every job printed exactly once somewhere, none lost, reprints marked 重打 exactly when asked.
    public async Task<string?> CheckAsync()
    {
        var problems = new List<string>();
        foreach (var state in new[] { PrintJobState.Pending, PrintJobState.Printing, PrintJobState.NeedsAttention })
        {
            foreach (var job in await _outbox.GetByStateAsync(state))
            {
                problems.Add($"job {job.Key} ended {state}: {job.LastError}");
            }
        }

        var documents = _printers.Values.SelectMany(p => p.Documents.Where(d => d.IsCut)).ToList();
        foreach (var ticket in _tickets)
        {
            var forOrder = documents.Where(d => d.Lines.Any(l => l.Text.EndsWith("/ " + ticket.OrderId, StringComparison.Ordinal))).ToList();
            var originals = forOrder.Count(d => !d.Text.Contains("重打", StringComparison.Ordinal));
            var reprints = forOrder.Count - originals;
            var asked = _reprintsAsked.GetValueOrDefault(ticket.OrderId);
            if (originals != 1)
            {
                problems.Add($"{ticket.OrderId} printed {originals} times");
            }

            if (reprints != asked)
            {
                problems.Add($"{ticket.OrderId} has {reprints} copies marked 重打 but {asked} reprints were asked for:\n" + string.Join("\n----\n", forOrder.Select(d => d.Text)));
            }
        }

        if (_deadForGood is { } dead && _printers[dead].Documents.Any(d => d.IsCut && d.Text.Contains("BACKUP", StringComparison.Ordinal)))
        {
            problems.Add($"{dead} printed a backup ticket");
        }

        foreach (var printer in _printers.Values.Where(p => p.UnknownCommandBytes != 0))
        {
            problems.Add($"{printer.Name} received {printer.UnknownCommandBytes} unknown command bytes");
        }

        return problems.Count == 0 ? null : $"seed {_seed}: " + string.Join("; ", problems.Take(10)) + "\n" + Trace;
    }

    private async Task ArriveAsync(int tick)
    {
        if (_random.Next(100) >= 45)
        {
            return;
        }

        var station = _random.Next(2) == 0 ? "hot" : "cold";
        var orderId = string.Create(CultureInfo.InvariantCulture, $"s{_seed}-o{_tickets.Count}");
        var ticket = new KitchenTicket(
            orderId,
            (_tickets.Count + 1).ToString("D4", CultureInfo.InvariantCulture),
            station,
            1,
            _random.Next(4) == 0 ? KitchenTicketKind.AddOn : KitchenTicketKind.NewOrder,
            [
                new KitchenTicketItem(station == "hot" ? "宫保鸡丁" : "拍黄瓜", 1 + _random.Next(3), ["微辣"]),
                new KitchenTicketItem(station == "hot" ? "水煮牛肉" : "凉拌木耳", 1) { Note = "不要香菜" },
            ],
            _clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)))
        { Table = "A" + (1 + _random.Next(30)).ToString(CultureInfo.InvariantCulture), GuestCount = 1 + _random.Next(6) };
        _tickets.Add(ticket);
        if (!await _queue.EnqueueAsync(ticket))
        {
            throw new InvalidOperationException($"seed {_seed}: tick {tick}: a new ticket was taken for a duplicate");
        }
    }

    private void InjectFault(int tick)
    {
        if (_random.Next(100) >= 12)
        {
            return;
        }

        var ids = new[] { "hot1", "cold1", "spare" };
        var id = ids[_random.Next(ids.Length)];
        var printer = _printers[id];
        if (_healAt.ContainsKey(id) || id == _deadForGood)
        {
            return; // one fault at a time per printer
        }

        FaultsInjected++;
        var until = tick + 3 + _random.Next(40);
        switch (_random.Next(id == "spare" ? 5 : 6))
        {
            case 0:
                printer.SetConditions(VirtualPrinterConditions.PaperOut);
                break;
            case 1:
                printer.SetConditions(VirtualPrinterConditions.CoverOpen);
                break;
            case 2:
                printer.SetConditions(VirtualPrinterConditions.Offline);
                break;
            case 3:
                printer.DropConnectionAfter(12 + _random.Next(120)); // somewhere in the first part of the next job
                break;
            case 4:
                printer.RunOutOfPaperAfter(12 + _random.Next(150)); // in the middle of the next job: the rest is held
                break;
            default:
                if (_deadForGood is null)
                {
                    _deadForGood = id; // a primary that never comes back
                    printer.IsReachable = false;
                    return;
                }

                printer.IsReachable = false; // unplugged for a while
                break;
        }

        _healAt[id] = until;
    }

    private void Heal(int tick, bool everything)
    {
        foreach (var (id, at) in _healAt.ToList())
        {
            if (at <= tick || everything)
            {
                var printer = _printers[id];
                printer.CancelScheduledFaults();
                printer.IsReachable = true;
                printer.SetConditions(VirtualPrinterConditions.None); // staff fix it; anything it still held prints now
                _healAt.Remove(id);
            }
        }
    }

    private async Task MaybeAskForReprintAsync()
    {
        if (_random.Next(100) >= 4 || _tickets.Count == 0)
        {
            return;
        }

        var ticket = _tickets[_random.Next(_tickets.Count)];
        await _queue.ReprintAsync(ticket.OrderId, ticket.StationId, ticket.Revision);
        _reprintsAsked[ticket.OrderId] = _reprintsAsked.GetValueOrDefault(ticket.OrderId) + 1;
    }

    // Runs one ProcessDueAsync to completion, advancing the fake clock in small steps while it waits on it.
    private async Task ProcessDueOnTheFakeClockAsync()
    {
        var processing = _queue.ProcessDueAsync().AsTask();
        for (var steps = 0; !processing.IsCompleted; steps++)
        {
            if (steps > 100_000)
            {
                throw new InvalidOperationException($"seed {_seed}: ProcessDueAsync did not finish in {steps} clock steps");
            }

            await _clock.StepAsync(Step, processing);
        }

        await processing;
    }
}
