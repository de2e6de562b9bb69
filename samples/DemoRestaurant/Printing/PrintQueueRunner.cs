using DemoRestaurant.Dashboard;
using DemoRestaurant.Live;
using Ordering.Sdk.Devices.Queue;

namespace DemoRestaurant.Printing;

/// <summary>Runs the SDK's print queue for the host's lifetime and forwards its printer alerts to the dashboard.</summary>
internal sealed class PrintQueueRunner : BackgroundService
{
    private readonly IPrintQueue _queue;
    private readonly DashboardState _dashboard;
    private readonly LiveHub _hub;
    private readonly DemoPrinters _printers;

    public PrintQueueRunner(IPrintQueue queue, DashboardState dashboard, LiveHub hub, DemoPrinters printers)
    {
        _queue = queue;
        _dashboard = dashboard;
        _hub = hub;
        _printers = printers;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _queue.Alert += OnAlert;
        try
        {
            await _queue.RecoverAsync(stoppingToken);
            await _queue.RunAsync(stoppingToken);
        }
        finally
        {
            _queue.Alert -= OnAlert;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _printers.DisposeAsync();
    }

    private void OnAlert(object? sender, PrinterAlertEventArgs e)
    {
        _dashboard.RecordPrinterAlert(e);
        _hub.Publish("dashboard", "{\"type\":\"printer\"}");
    }
}
