using DemoRestaurant.Printing;
using Microsoft.Extensions.DependencyInjection;

namespace DemoRestaurant.Tests;

/// <summary>The chaos panel's printer knob: a station printer out of paper fails its tickets over to the backup; refilled, it prints again.</summary>
public sealed class PrinterChaosTests
{
    [Fact]
    public async Task PaperOut_StationPrinter_TicketsFailOverToBackupThenRefilledPrintsOnPrimary()
    {
        await using var scenario = await ChaosScenario.StartAsync();
        var printers = scenario.Host.Services.GetRequiredService<DemoPrinters>();
        var cold = printers.Printers["cold"];
        await Json.PostAsync(scenario.Manager, "/api/dashboard/printers/cold/conditions", new { conditions = "PaperOut" });

        await scenario.OrderAsync("T01", "cucumber");
        var dashboard = await Json.EventuallyAsync(scenario.DashboardAsync, d => d.GetProperty("kitchen").GetProperty("printedOnBackup").GetInt32() >= 1, TimeSpan.FromSeconds(20));
        Assert.Equal(1, dashboard.GetProperty("kitchen").GetProperty("printedOnBackup").GetInt32());
        Assert.Contains(printers.Printers[DemoPrinters.BackupPrinterId].Documents, d => d.IsCut && d.Text.Contains("T01", StringComparison.Ordinal));
        Assert.DoesNotContain(cold.Documents, d => d.IsCut && d.Text.Contains("T01", StringComparison.Ordinal));
        Assert.Contains(dashboard.GetProperty("printerAlerts").EnumerateArray(), a => a.GetProperty("printerId").GetString() == "cold");
        Assert.Equal("PaperOut", dashboard.GetProperty("printers").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "cold").GetProperty("conditions").GetString());

        await Json.PostAsync(scenario.Manager, "/api/dashboard/printers/cold/conditions", new { conditions = "None" });
        await scenario.OrderAsync("T02", "cucumber");
        Assert.True(await cold.WaitForDocumentsAsync(1, TimeSpan.FromSeconds(20)));
        Assert.Contains(cold.Documents, d => d.IsCut && d.Text.Contains("T02", StringComparison.Ordinal));
    }
}
