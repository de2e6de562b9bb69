using DemoRestaurant.Chaos;
using DemoRestaurant.Dashboard;
using DemoRestaurant.Kitchen;
using DemoRestaurant.Live;
using DemoRestaurant.Payments;
using DemoRestaurant.Printing;
using DemoRestaurant.Staff;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Testing.Printing;

namespace DemoRestaurant.Endpoints;

/// <summary>The live dashboard: payment health per channel, recent failures with cause and action, kitchen backlog, printers, and the chaos panel.</summary>
internal static class DashboardEndpoints
{
    public static void Map(WebApplication app)
    {
        var dashboard = app.MapGroup("/api/dashboard").RequireAuthorization(StaffRoles.ManagerPolicy);
        dashboard.MapGet("/", async (DashboardState state, IPaymentEngine payments, KdsBoard kds, IPrintOutbox outbox, DemoPrinters printers, ChaosSettings chaos, DemoPaymentChannels wallets, CancellationToken ct) =>
        {
            var pending = await outbox.GetByStateAsync(PrintJobState.Pending, ct);
            var attention = await outbox.GetByStateAsync(PrintJobState.NeedsAttention, ct);
            var printed = await outbox.GetByStateAsync(PrintJobState.Printed, ct);
            return Results.Ok(new
            {
                channels = state.Channels(),
                failures = payments.GetFailures().Reverse().Take(25).Select(ApiViews.Failure),
                // Every failure since start, counted by where it happened and why: a burst of one code stands out.
                failureCounts = payments.GetFailures()
                    .GroupBy(f => (f.Channel, f.Operation, f.Cause, f.RawCode))
                    .OrderByDescending(g => g.Count())
                    .Select(g => new { channel = g.Key.Channel.ToString(), operation = g.Key.Operation.ToString(), cause = g.Key.Cause.ToString(), rawCode = g.Key.RawCode, count = g.Count() }),
                kitchen = new
                {
                    openTickets = kds.Backlog(),
                    printPending = pending.Count,
                    printNeedsAttention = attention.Select(j => new { job = j.Key.ToString(), error = j.LastError }),
                    printed = printed.Count,
                    printedOnBackup = printed.Count(j => j.PrintedOn == DemoPrinters.BackupPrinterId),
                },
                printers = printers.Printers.Select(p => new
                {
                    id = p.Key,
                    name = p.Value.Name,
                    port = p.Value.Port,
                    conditions = p.Value.Conditions.ToString(),
                    documents = p.Value.Documents.Count(d => d.IsCut),
                    lastAlert = state.LastAlert(p.Key),
                }),
                printerAlerts = state.PrinterAlerts(),
                chaos = chaos.View(),
                chaosInjected = wallets.Dice.Injected(),
                gateways = wallets.Description,
            });
        });
        dashboard.MapPost("/chaos", (ChaosView input, ChaosSettings chaos, LiveHub hub) =>
        {
            chaos.Apply(input);
            hub.Publish("dashboard", "{\"type\":\"chaos\"}");
            return Results.Ok(chaos.View());
        });
        dashboard.MapPost("/printers/{id}/conditions", async (string id, PrinterConditionInput input, DemoPrinters printers, LiveHub hub, CancellationToken ct) =>
        {
            if (!printers.Printers.TryGetValue(id, out var printer))
            {
                return Results.NotFound(new { code = "unknown_printer", field = "id" });
            }

            if (!Enum.TryParse<VirtualPrinterConditions>(input.Conditions, ignoreCase: true, out var conditions))
            {
                return Results.BadRequest(new { code = "invalid", field = "conditions", message = "One of None, PaperOut, PaperNearEnd, CoverOpen, Offline, Silent." });
            }

            await printer.SetConditionsAsync(conditions, ct);
            hub.Publish("dashboard", "{\"type\":\"printer\"}");
            return Results.Ok(new { id, conditions = printer.Conditions.ToString() });
        });
        dashboard.MapGet("/events", (HttpContext http, LiveHub hub, CancellationToken ct) => hub.StreamAsync(http, "dashboard", ct));
    }
}

/// <summary>Conditions to put a virtual printer in (chaos panel).</summary>
internal sealed record PrinterConditionInput(string Conditions);
