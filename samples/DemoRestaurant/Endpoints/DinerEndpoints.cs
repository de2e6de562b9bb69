using DemoRestaurant.Live;
using DemoRestaurant.Ordering;
using DemoRestaurant.Payments;
using DemoRestaurant.Tables;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Endpoints;

/// <summary>
/// What the diner's page (the mini-program) calls. Every route is bound to the table whose signed QR token the
/// caller holds (header X-Table-Token or query t); there is no route that names another table's order.
/// </summary>
internal static class DinerEndpoints
{
    public const string RateLimitPolicy = "diner";
    private const string TableKey = "demo.table";

    public static void Map(WebApplication app)
    {
        var diner = app.MapGroup("/api/diner").RequireRateLimiting(RateLimitPolicy).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var tokens = http.RequestServices.GetRequiredService<TableTokens>();
            var table = tokens.Verify(TokenOf(http));
            if (table is null)
            {
                return Results.Json(new { code = "invalid_table_token", message = "This link is not a valid table QR code; scan the code on your table again." }, statusCode: StatusCodes.Status403Forbidden);
            }

            http.Items[TableKey] = table;
            return await next(context);
        });

        diner.MapGet("/table", async (HttpContext http, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
        {
            var table = Table(http);
            var orderId = await orders.TableOrderIdAsync(table, ct);
            var view = orderId is null ? null : await views.ViewAsync(orderId, ct);
            return Results.Ok(new { table, order = view });
        });

        diner.MapGet("/orders/{orderId}", async (string orderId, HttpContext http, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
        {
            var order = await orders.GetAsync(orderId, ct);
            if (order is null || order.TableId != Table(http))
            {
                // Same answer for "not yours" and "does not exist": a token never reveals other tables' orders.
                return Results.Json(new { code = "not_your_table", message = "This order does not belong to your table." }, statusCode: StatusCodes.Status403Forbidden);
            }

            return Results.Ok(await views.ViewAsync(orderId, ct));
        });

        diner.MapPost("/cart", async (CartInput input, HttpContext http, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(input.RequestId) || input.Items is not { Count: > 0 })
            {
                return Results.BadRequest(new { code = "required", field = input.Items is null ? "items" : "requestId", message = "requestId and at least one item are required." });
            }

            var (order, error) = await orders.OpenOrJoinAsync(Table(http), input.Diners ?? 2, ct);
            if (order is null)
            {
                return Results.UnprocessableEntity(ApiViews.Error(error!));
            }

            var items = input.Items.Select(i => i.ToRequest(input.Diner)).ToArray();
            var result = await orders.ExecuteOnLatestAsync(
                order.OrderId,
                version => new AddItems { OrderId = order.OrderId, RequestId = "cart-" + input.RequestId, ExpectedVersion = version, Items = items, Disposition = LineDisposition.Cart },
                ct);
            return await Reply(result, order.OrderId, views, ct);
        });

        diner.MapDelete("/cart/{lineId}", async (string lineId, string requestId, HttpContext http, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
        {
            if (await orders.TableOrderIdAsync(Table(http), ct) is not { } orderId)
            {
                return Results.NotFound(new { code = "no_order", message = "Your table has no open order." });
            }

            var current = await orders.GetAsync(orderId, ct);
            if (current?.Lines.FirstOrDefault(l => l.LineId == lineId) is { State: not OrderLineState.InCart })
            {
                return Results.UnprocessableEntity(new { code = "line_already_fired", field = "lineId", message = "Only dishes still in the cart can be removed; ask the staff to void a dish already sent to the kitchen." });
            }

            var result = await orders.ExecuteOnLatestAsync(orderId, version => new RemoveItem { OrderId = orderId, RequestId = "rm-" + requestId, ExpectedVersion = version, LineId = lineId }, ct);
            return await Reply(result, orderId, views, ct);
        });

        diner.MapPost("/submit", async (RequestInput input, HttpContext http, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
        {
            if (await orders.TableOrderIdAsync(Table(http), ct) is not { } orderId)
            {
                return Results.NotFound(new { code = "no_order", message = "Your table has no open order." });
            }

            var result = await orders.ExecuteOnLatestAsync(orderId, version => new SubmitCart { OrderId = orderId, RequestId = "submit-" + input.RequestId, ExpectedVersion = version }, ct);
            return await Reply(result, orderId, views, ct);
        });

        diner.MapPost("/member", async (MemberInput input, HttpContext http, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
        {
            if (await orders.TableOrderIdAsync(Table(http), ct) is not { } orderId)
            {
                return Results.NotFound(new { code = "no_order", message = "Order a dish first, then sign in as a member." });
            }

            if (input.MemberId is not null && !Members.Exists(input.MemberId))
            {
                return Results.UnprocessableEntity(new { code = "unknown_member", field = "memberId", message = "No member has that id (try M1001)." });
            }

            return await Reply(await orders.AttachMemberAsync(orderId, input.MemberId, ct), orderId, views, ct);
        });

        diner.MapPost("/coupon", async (CouponInput input, HttpContext http, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
        {
            if (await orders.TableOrderIdAsync(Table(http), ct) is not { } orderId)
            {
                return Results.NotFound(new { code = "no_order", message = "Order a dish first, then present a coupon." });
            }

            if (string.IsNullOrWhiteSpace(input.Code))
            {
                return Results.UnprocessableEntity(new { code = "invalid", field = "code", message = "Give the coupon code (try " + DemoRestaurant.Menu.DemoMenu.DemoCoupon + ")." });
            }

            return await Reply(await orders.CouponAsync(orderId, input.Code.Trim(), input.Remove, ct), orderId, views, ct);
        });

        diner.MapPost("/pay", async (PayInput input, HttpContext http, RestaurantOrders orders, Checkout checkout, OrderViews views, CancellationToken ct) =>
        {
            var table = Table(http);
            if (await orders.TableOrderIdAsync(table, ct) is not { } orderId || await orders.GetAsync(orderId, ct) is not { } order)
            {
                return Results.NotFound(new { code = "no_order", message = "Your table has no open order." });
            }

            var channel = input.Channel?.ToUpperInvariant() switch
            {
                "WECHAT" or "WECHATPAY" => PaymentChannelId.WeChatPay,
                "ALIPAY" => PaymentChannelId.Alipay,
                _ => PaymentChannelId.Unknown,
            };
            if (channel == PaymentChannelId.Unknown || string.IsNullOrWhiteSpace(input.RequestId))
            {
                return Results.BadRequest(new { code = "invalid", field = channel == PaymentChannelId.Unknown ? "channel" : "requestId", message = "channel must be wechat or alipay, and requestId is required." });
            }

            try
            {
                // The mini-program pays in-app (JSAPI); the amount is whatever the server says is open.
                var attempt = await checkout.PayAsync(order, new TenderSpec(input.RequestId, ChargeKind.Jsapi, channel) { PayerId = "openid-" + table }, ct);
                return Results.Ok(new { attempt = ApiViews.Attempt(attempt), order = await views.ViewAsync(orderId, ct) });
            }
            catch (ArgumentException e)
            {
                return Results.UnprocessableEntity(new { code = "invalid_tender", message = e.Message });
            }
        });

        diner.MapGet("/events", (HttpContext http, LiveHub hub, CancellationToken ct) => hub.StreamAsync(http, "table:" + Table(http), ct));
    }

    public static string? TokenOf(HttpContext http) =>
        http.Request.Headers.TryGetValue("X-Table-Token", out var header) && header.Count > 0 ? header[0] : http.Request.Query["t"].FirstOrDefault();

    private static string Table(HttpContext http) => (string)http.Items[TableKey]!;

    internal static async Task<IResult> Reply(OrderCommandResult result, string orderId, OrderViews views, CancellationToken ct) => result.Status switch
    {
        OrderCommandStatus.Accepted => Results.Ok(new { replay = result.IsReplay, order = result.Order is { } order ? views.View(order) : await views.ViewAsync(orderId, ct) }),
        OrderCommandStatus.Conflict => Results.Conflict(new { code = "conflict", message = "The order changed meanwhile; reload and try again.", order = await views.ViewAsync(orderId, ct) }),
        _ => Results.UnprocessableEntity(ApiViews.Error(result.Error!)),
    };
}

/// <summary>Dishes a diner adds to the shared table cart.</summary>
internal sealed record CartInput(string RequestId, string? Diner, int? Diners, IReadOnlyList<ItemInput>? Items);

/// <summary>A request that only needs an idempotency id.</summary>
internal sealed record RequestInput(string RequestId);

/// <summary>A member id to attach (null detaches).</summary>
internal sealed record MemberInput(string? MemberId);

/// <summary>A coupon code to present, or to withdraw when <see cref="Remove"/> is set.</summary>
internal sealed record CouponInput(string? Code, bool Remove = false);

/// <summary>A diner's in-app payment.</summary>
internal sealed record PayInput(string RequestId, string? Channel);
