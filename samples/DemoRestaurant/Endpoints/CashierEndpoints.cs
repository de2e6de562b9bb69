using System.Globalization;
using System.Security.Claims;
using DemoRestaurant.Live;
using DemoRestaurant.Ordering;
using DemoRestaurant.Payments;
using DemoRestaurant.Printing;
using DemoRestaurant.Staff;
using DemoRestaurant.Tables;
using Ordering.Sdk.Orders;
using Ordering.Sdk.Payments;

namespace DemoRestaurant.Endpoints;

/// <summary>The cashier's API: tables, dishes, voids and comps, split bills, mixed tenders, refunds, 反结账 and receipts.</summary>
internal static class CashierEndpoints
{
    public static void Map(WebApplication app)
    {
        var staff = app.MapGroup("/api/staff").RequireAuthorization(StaffRoles.CashierPolicy);

        staff.MapGet("/tables", async (HttpContext http, RestaurantOrders orders, IPaymentEngine payments, TableTokens tokens, DemoOptions options, CancellationToken ct) =>
        {
            var baseUrl = http.Request.Scheme + "://" + http.Request.Host;
            var tables = new List<object>();
            foreach (var table in options.TableIds())
            {
                var orderId = await orders.TableOrderIdAsync(table, ct);
                var order = orderId is null ? null : await orders.GetAsync(orderId, ct);
                var status = order is null ? default : payments.GetOrderStatus(order.OrderId);
                tables.Add(new
                {
                    table,
                    qr = baseUrl + "/diner.html?t=" + Uri.EscapeDataString(tokens.Sign(table)),
                    orderId = order?.OrderId,
                    orderNumber = order?.OrderNumber,
                    status = order?.Status.ToString(),
                    tableState = order?.TableState.ToString() ?? "Free",
                    diners = order?.DinerCount,
                    amountDue = order?.AmountDue.MinorUnits,
                    outstanding = order is null ? null : (long?)Checkout.Outstanding(order, status).MinorUnits,
                    dishes = order?.Lines.Count(l => l.IsActive) ?? 0,
                });
            }

            return Results.Ok(tables);
        });

        staff.MapGet("/orders/{orderId}", async (string orderId, OrderViews views, CancellationToken ct) =>
            await views.ViewAsync(orderId, ct) is { } view ? Results.Ok(view) : Results.NotFound(new { code = "order_not_found" }));

        staff.MapPost("/tables/{table}/open", async (string table, OpenInput input, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
        {
            var (order, error) = await orders.OpenOrJoinAsync(table, input.Diners, ct);
            return order is null ? Results.UnprocessableEntity(ApiViews.Error(error!)) : Results.Ok(await views.ViewAsync(order.OrderId, ct));
        });

        staff.MapPost("/orders/{orderId}/items", async (string orderId, CartInput input, ClaimsPrincipal user, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
        {
            if (input.Items is not { Count: > 0 })
            {
                return Results.BadRequest(new { code = "required", field = "items" });
            }

            var items = input.Items.Select(i => i.ToRequest(input.Diner)).ToArray();
            var result = await orders.ExecuteOnLatestAsync(orderId, v => new AddItems { OrderId = orderId, RequestId = "pos-" + input.RequestId, ExpectedVersion = v, Items = items, Operator = Operator(user) }, ct);
            return await DinerEndpoints.Reply(result, orderId, views, ct);
        });

        staff.MapPost("/orders/{orderId}/submit", async (string orderId, RequestInput input, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
            await DinerEndpoints.Reply(await orders.ExecuteOnLatestAsync(orderId, v => new SubmitCart { OrderId = orderId, RequestId = "pos-submit-" + input.RequestId, ExpectedVersion = v }, ct), orderId, views, ct));

        staff.MapPost("/orders/{orderId}/void", async (string orderId, VoidInput input, ClaimsPrincipal user, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
            await DinerEndpoints.Reply(await orders.ExecuteAsync(new VoidItem { OrderId = orderId, RequestId = "void-" + input.RequestId, ExpectedVersion = input.ExpectedVersion, LineId = input.LineId, Quantity = input.Quantity, Reason = input.Reason, Operator = Operator(user) }, ct), orderId, views, ct));

        staff.MapPost("/orders/{orderId}/comp", async (string orderId, CompInput input, ClaimsPrincipal user, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
            await DinerEndpoints.Reply(await orders.ExecuteAsync(new CompItem { OrderId = orderId, RequestId = "comp-" + input.RequestId, ExpectedVersion = input.ExpectedVersion, LineId = input.LineId, Reason = input.Reason, Operator = Operator(user) }, ct), orderId, views, ct));

        staff.MapPost("/orders/{orderId}/split", async (string orderId, SplitInput input, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
        {
            var mode = input.Mode switch { "items" => SplitMode.ByItems, "amount" => SplitMode.ByAmount, _ => SplitMode.Evenly };
            var command = new SplitBill
            {
                OrderId = orderId,
                RequestId = "split-" + input.RequestId,
                ExpectedVersion = input.ExpectedVersion,
                Mode = mode,
                Parts = input.Parts ?? 0,
                LinesPerPart = input.LinesPerPart ?? [],
                AmountsPerPart = input.AmountsPerPart ?? [],
            };
            return await DinerEndpoints.Reply(await orders.ExecuteAsync(command, ct), orderId, views, ct);
        });

        staff.MapPost("/orders/{orderId}/pay", async (string orderId, TenderInput input, RestaurantOrders orders, Checkout checkout, OrderViews views, CancellationToken ct) =>
        {
            if (await orders.GetAsync(orderId, ct) is not { } order)
            {
                return Results.NotFound(new { code = "order_not_found" });
            }

            TenderSpec spec;
            switch (input.Method)
            {
                case "cash":
                    spec = new TenderSpec(input.RequestId, ChargeKind.Cash, PaymentChannelId.Cash) { AmountFen = input.Amount, CashReceivedFen = input.CashReceived };
                    break;
                case "code":
                    spec = new TenderSpec(input.RequestId, ChargeKind.CodePay, PaymentChannelId.Unknown) { AmountFen = input.Amount, PaymentCode = input.PaymentCode };
                    break;
                case "stored":
                    spec = new TenderSpec(input.RequestId, ChargeKind.StoredValue, PaymentChannelId.StoredValue) { AmountFen = input.Amount, PayerId = input.MemberId ?? order.MemberId };
                    break;
                default:
                    return Results.BadRequest(new { code = "invalid", field = "method", message = "method must be cash, code or stored." });
            }

            try
            {
                var attempt = await checkout.PayAsync(order, spec, ct);
                return Results.Ok(new { attempt = ApiViews.Attempt(attempt), order = await views.ViewAsync(orderId, ct) });
            }
            catch (ArgumentException e)
            {
                return Results.UnprocessableEntity(new { code = "invalid_tender", message = e.Message });
            }
        });

        staff.MapPost("/orders/{orderId}/refund", async (string orderId, RefundInput input, Checkout checkout, OrderViews views, CancellationToken ct) =>
        {
            try
            {
                var refund = await checkout.RefundAsync(orderId, input.Amount, input.Reason, input.RequestId, ct);
                return Results.Ok(new
                {
                    refund = new { number = refund.RefundNumber, amount = refund.Amount.MinorUnits, parts = refund.Parts.Select(p => new { channel = p.Channel.ToString(), amount = p.Amount.MinorUnits, state = p.State.ToString() }) },
                    order = await views.ViewAsync(orderId, ct),
                });
            }
            catch (ArgumentException e)
            {
                return Results.UnprocessableEntity(new { code = "invalid_refund", message = e.Message });
            }
            catch (InvalidOperationException e)
            {
                return Results.UnprocessableEntity(new { code = "refund_refused", message = e.Message });
            }
        });

        staff.MapPost("/orders/{orderId}/reopen", async (string orderId, ReasonInput input, ClaimsPrincipal user, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
            await DinerEndpoints.Reply(await orders.ExecuteOnLatestAsync(orderId, v => new ReopenOrder { OrderId = orderId, RequestId = "reopen-" + input.RequestId, ExpectedVersion = v, Reason = input.Reason, Operator = Operator(user) }, ct), orderId, views, ct));

        staff.MapPost("/orders/{orderId}/settle", async (string orderId, Checkout checkout, OrderViews views, CancellationToken ct) =>
            await checkout.TrySettleAsync(orderId, ct)
                ? Results.Ok(await views.ViewAsync(orderId, ct))
                : Results.UnprocessableEntity(new { code = "not_covered", message = "Confirmed payments do not (yet) cover the amount due exactly." }));

        staff.MapPost("/orders/{orderId}/clear", async (string orderId, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
            await DinerEndpoints.Reply(await orders.ExecuteOnLatestAsync(orderId, v => new ClearTable { OrderId = orderId, RequestId = "clear-" + orderId + "-" + v.ToString(CultureInfo.InvariantCulture), ExpectedVersion = v }, ct), orderId, views, ct));

        staff.MapPost("/orders/{orderId}/member", async (string orderId, MemberInput input, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
        {
            if (input.MemberId is not null && !Members.Exists(input.MemberId))
            {
                return Results.UnprocessableEntity(new { code = "unknown_member", field = "memberId" });
            }

            return await DinerEndpoints.Reply(await orders.AttachMemberAsync(orderId, input.MemberId, ct), orderId, views, ct);
        });

        staff.MapPost("/orders/{orderId}/coupon", async (string orderId, CouponInput input, RestaurantOrders orders, OrderViews views, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(input.Code)
                ? Results.UnprocessableEntity(new { code = "invalid", field = "code" })
                : await DinerEndpoints.Reply(await orders.CouponAsync(orderId, input.Code.Trim(), input.Remove, ct), orderId, views, ct));

        staff.MapPost("/orders/{orderId}/receipt", async (string orderId, RestaurantOrders orders, BillExplainer bills, IPaymentEngine payments, ReceiptPrinter printer, CancellationToken ct) =>
        {
            if (await orders.GetAsync(orderId, ct) is not { } order)
            {
                return Results.NotFound(new { code = "order_not_found" });
            }

            var result = await printer.PrintAsync(order, bills.Explain(order), payments.GetAttempts(orderId), ct);
            return result.Printed ? Results.Ok(result) : Results.Json(result, statusCode: StatusCodes.Status503ServiceUnavailable);
        });

        staff.MapGet("/members", async (Members members, CancellationToken ct) => Results.Ok(await members.ViewAsync(ct)));
        staff.MapGet("/events", (HttpContext http, LiveHub hub, CancellationToken ct) => hub.StreamAsync(http, "staff", ct));
    }

    private static string Operator(ClaimsPrincipal user) => user.Identity?.Name ?? "staff";
}

/// <summary>Opening a table for a number of guests.</summary>
internal sealed record OpenInput(int Diners);

/// <summary>A 退菜 with its reason.</summary>
internal sealed record VoidInput(string RequestId, long ExpectedVersion, string LineId, int Quantity, string Reason);

/// <summary>A 赠菜 with its reason.</summary>
internal sealed record CompInput(string RequestId, long ExpectedVersion, string LineId, string Reason);

/// <summary>A split bill: evenly into parts, by items, or by amounts.</summary>
internal sealed record SplitInput(string RequestId, long ExpectedVersion, string Mode, int? Parts, IReadOnlyList<IReadOnlyList<string>>? LinesPerPart, IReadOnlyList<long>? AmountsPerPart);

/// <summary>One tender at the till: cash (with what was handed over), a scanned payment code, or stored value.</summary>
internal sealed record TenderInput(string RequestId, string Method, long? Amount, long? CashReceived, string? PaymentCode, string? MemberId);

/// <summary>A refund of an amount with a reason.</summary>
internal sealed record RefundInput(string RequestId, long Amount, string Reason);

/// <summary>A request with a reason (反结账).</summary>
internal sealed record ReasonInput(string RequestId, string Reason);
