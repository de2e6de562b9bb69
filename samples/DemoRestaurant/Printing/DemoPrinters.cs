using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Testing.Printing;

namespace DemoRestaurant.Printing;

/// <summary>
/// The restaurant's printers: one virtual ESC/POS printer per kitchen station, a shared backup, and the cashier's
/// receipt printer. They listen on loopback TCP like real network printers, and the SDK's print queue reaches them
/// through its TCP transport.
/// </summary>
internal sealed class DemoPrinters : IAsyncDisposable
{
    public const string ReceiptPrinterId = "receipt";
    public const string BackupPrinterId = "backup";

    /// <summary>Station id → (display name, categories routed there).</summary>
    public static readonly IReadOnlyList<(string Id, string Name, string[] Categories)> Stations =
    [
        ("hot", "热菜档口", ["hot", "seafood", "soup", "combo"]),
        ("cold", "凉菜间", ["cold"]),
        ("pastry", "面点档口", ["dimsum", "staple"]),
        ("bar", "吧台", ["drinks"]),
    ];

    private DemoPrinters(IReadOnlyDictionary<string, VirtualPrinter> printers) => Printers = printers;

    public IReadOnlyDictionary<string, VirtualPrinter> Printers { get; }

    public VirtualPrinter Receipt => Printers[ReceiptPrinterId];

    public static DemoPrinters Start()
    {
        var printers = new Dictionary<string, VirtualPrinter>(StringComparer.Ordinal);
        foreach (var (id, name, _) in Stations)
        {
            printers[id] = VirtualPrinter.Start(name);
        }

        printers[BackupPrinterId] = VirtualPrinter.Start("备用打印机");
        printers[ReceiptPrinterId] = VirtualPrinter.Start("收银小票机");
        return new DemoPrinters(printers);
    }

    public void Configure(PrintQueueOptions options)
    {
        foreach (var (id, printer) in Printers)
        {
            if (id == ReceiptPrinterId)
            {
                continue;
            }

            options.Printers.Add(new PrinterDefinition { Id = id, DisplayName = printer.Name, Host = "127.0.0.1", Port = printer.Port, Profile = PrinterProfile.ChineseClone80 });
        }

        foreach (var (id, name, _) in Stations)
        {
            options.Stations.Add(new KitchenStation { Id = id, DisplayName = name, PrimaryPrinterId = id, BackupPrinterId = BackupPrinterId });
        }

        // Short waits: a demo visitor should watch a failover within seconds, not minutes.
        options.AttemptsPerPrinter = 2;
        options.RetryDelay = TimeSpan.FromMilliseconds(300);
        options.RequeueDelay = TimeSpan.FromSeconds(5);
        options.ConnectTimeout = TimeSpan.FromSeconds(2);
        options.StatusTimeout = TimeSpan.FromSeconds(1);
        options.CompletionTimeout = TimeSpan.FromSeconds(4);
        options.PollInterval = TimeSpan.FromMilliseconds(200);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var printer in Printers.Values)
        {
            await printer.DisposeAsync();
        }
    }
}
