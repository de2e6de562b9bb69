using DemoRestaurant.Kitchen;
using DemoRestaurant.Live;
using DemoRestaurant.Printing;
using DemoRestaurant.Staff;

namespace DemoRestaurant.Endpoints;

/// <summary>The KDS API: tickets per station, bump/recall, all-day counts, and a live stream.</summary>
internal static class KitchenEndpoints
{
    public static void Map(WebApplication app)
    {
        var kds = app.MapGroup("/api/kds").RequireAuthorization(StaffRoles.KitchenPolicy);
        kds.MapGet("/", (KdsBoard board) => Results.Ok(new
        {
            stations = DemoPrinters.Stations.Select(s => new
            {
                id = s.Id,
                name = s.Name,
                tickets = board.Tickets(s.Id),
                allDay = board.AllDay(s.Id),
            }),
        }));
        kds.MapPost("/bump", (BumpInput input, KdsBoard board, LiveHub hub) =>
        {
            if (!board.Bump(input.Id, input.Bumped))
            {
                return Results.NotFound(new { code = "unknown_ticket", field = "id" });
            }

            hub.Publish("kds", "{\"type\":\"bump\"}");
            return Results.Ok();
        });
        kds.MapGet("/events", (HttpContext http, LiveHub hub, CancellationToken ct) => hub.StreamAsync(http, "kds", ct));
    }
}

/// <summary>Bump (done) or recall (bumped = false) a ticket.</summary>
internal sealed record BumpInput(string Id, bool Bumped);
