// Lunch-peak load test for the demo restaurant: starts the real host in-process on 127.0.0.1 (Kestrel, real
// sockets), runs N concurrent diners that order and pay through the diner API with faults injected, then measures
// a no-op endpoint of the same host with the same concurrency. Bounded (diners, duration, hard stop) and self-stopping.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DemoRestaurant;
using DemoRestaurant.LoadTest;
using DemoRestaurant.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var options = LoadTestOptions.Parse(args);
using var hardStop = new CancellationTokenSource(options.HardStop);
var dataDirectory = Path.Combine(Path.GetTempPath(), "demo-loadtest-" + Guid.NewGuid().ToString("N")[..8]);
var app = await DemoApp.BuildAsync([], builder =>
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Demo:DataDirectory"] = dataDirectory,
        ["Demo:TableCount"] = options.Diners.ToString(CultureInfo.InvariantCulture),
        ["Demo:DinerPermitsPerWindow"] = "1000000",
        ["Demo:SimulatedCustomerDelayMs"] = "1000",
    });
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
});
await app.StartAsync(hardStop.Token);
var baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
var tokens = app.Services.GetRequiredService<TableTokens>();
var tables = app.Services.GetRequiredService<DemoOptions>().TableIds();
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Diners * 2, UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
Console.WriteLine($"Demo restaurant load test: {options.Diners} concurrent diners for {options.Duration.TotalSeconds:0} s against {baseAddress} (faults {(options.Faults ? "on" : "off")}, {Environment.ProcessorCount} cores)");

var recorder = new Recorder();
long ordersPlaced = 0, ordersPaid = 0, ordersUnpaid = 0, attempts = 0, attemptsFailed = 0, requests = 0;
var manager = await SignInAsync(http, hardStop.Token);
if (options.Faults)
{
    await Staff(HttpMethod.Post, "/api/dashboard/chaos", new { networkLatencyMs = 30, dropRate = 0.03, gatewayErrorRate = 0.05, userPayingDelayMs = 1500, wrongPasswordRate = 0.05 });
    await Staff(HttpMethod.Post, "/api/dashboard/printers/pastry/conditions", new { conditions = "PaperOut" });
}

string[] dishes = ["cucumber", "mapo|mild", "kungpao|medium", "rice", "milk-tea|half-sugar|iced", "xiaolongbao", "beer", "fried-rice", "greens", "hot-sour-soup"];
var stopOrdering = DateTime.UtcNow + options.Duration;
var run = Stopwatch.StartNew();
var pool = new ThreadPoolWatch();
var diners = Task.WhenAll(tables.Select((table, index) => Task.Run(() => DinerAsync(table, index, hardStop.Token))));
await pool.WatchUntilAsync(diners);
await diners;
var totalSeconds = run.Elapsed.TotalSeconds;
var orderingSeconds = options.Duration.TotalSeconds;
var dinerRequests = Interlocked.Read(ref requests);

if (options.Faults)
{
    await Staff(HttpMethod.Post, "/api/dashboard/chaos", new { networkLatencyMs = 0, dropRate = 0.0, gatewayErrorRate = 0.0, userPayingDelayMs = 0, wrongPasswordRate = 0.0 });
    await Staff(HttpMethod.Post, "/api/dashboard/printers/pastry/conditions", new { conditions = "None" });
}

var dashboard = await Staff(HttpMethod.Get, "/api/dashboard/", null);

// The same tool against a no-op endpoint of the same host (same rate limiter, same concurrency).
var noOp = new Recorder();
var noOpClock = Stopwatch.StartNew();
await Task.WhenAll(tables.Select(table => Task.Run(async () =>
{
    for (var i = 0; i < options.NoOpRequestsPerDiner && !hardStop.IsCancellationRequested; i++)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ping");
        request.Headers.Add("X-Table-Token", tokens.Sign(table));
        using var response = await http.SendAsync(request, hardStop.Token);
        noOp.Latency("ping", Stopwatch.GetElapsedTime(started));
        if (!response.IsSuccessStatusCode)
        {
            noOp.Error("ping " + (int)response.StatusCode);
        }
    }
})));
var noOpSeconds = noOpClock.Elapsed.TotalSeconds;
var pings = noOp.Count("ping");

await app.StopAsync(CancellationToken.None);
await app.DisposeAsync();
try
{
    Directory.Delete(dataDirectory, recursive: true);
}
catch (IOException)
{
}

var paymentRate = attempts == 0 ? 0 : 100.0 * (attempts - attemptsFailed) / attempts;
var paidRate = ordersPlaced == 0 ? 0 : 100.0 * ordersPaid / ordersPlaced;
var ordersPerSecond = (ordersPlaced / orderingSeconds).ToString("0.0", CultureInfo.InvariantCulture);
var errors = recorder.Errors.Count == 0 ? "none" : string.Join(", ", recorder.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + " ×" + e.Value));
var noOpPerSecond = (pings / noOpSeconds).ToString("0", CultureInfo.InvariantCulture);
Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("|---|---|");
Console.WriteLine(Row("concurrent diners", options.Diners.ToString(CultureInfo.InvariantCulture)));
Console.WriteLine(Row("orders placed (sent to kitchen)", ordersPlaced.ToString(CultureInfo.InvariantCulture)));
Console.WriteLine(Row("orders/s (placed during the ordering window)", ordersPerSecond));
Console.WriteLine(Row("run time incl. draining in-flight payments", totalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s"));
Console.WriteLine(Row("diner API requests/s (cart, submit, pay, status polls, clears; whole run incl. drain)", (dinerRequests / totalSeconds).ToString("0", CultureInfo.InvariantCulture)));
Console.WriteLine(Row("add to cart p50 / p99", recorder.Percentiles("cart")));
Console.WriteLine(Row("send to kitchen p50 / p99", recorder.Percentiles("submit")));
Console.WriteLine(Row("view bill (GET /api/diner/table before paying) p50 / p99", recorder.Percentiles("bill")));
Console.WriteLine(Row("pay request p50 / p99", recorder.Percentiles("pay")));
Console.WriteLine(Row("order status poll (same endpoint, while paying) p50 / p99", recorder.Percentiles("status")));
Console.WriteLine(Row("tap pay → order settled p50 / p99", recorder.Percentiles("paid")));
Console.WriteLine(Row("payment attempts / declined (wrong password etc.)", $"{attempts} / {attemptsFailed}"));
Console.WriteLine(Row("payment attempt success rate", paymentRate.ToString("0.0", CultureInfo.InvariantCulture) + " %"));
Console.WriteLine(Row("orders paid (after at most one retry) / unpaid at timeout", $"{ordersPaid} ({paidRate.ToString("0.0", CultureInfo.InvariantCulture)} %) / {ordersUnpaid}"));
Console.WriteLine(Row("errors", errors));
Console.WriteLine(Row("no-op GET /api/ping requests/s", noOpPerSecond));
Console.WriteLine(Row("no-op GET /api/ping p50 / p99", noOp.Percentiles("ping") + (noOp.Errors.Count == 0 ? string.Empty : " (errors " + string.Join(", ", noOp.Errors.Select(e => e.Key + " ×" + e.Value)) + ")")));
Console.WriteLine(Row("thread pool during the diner phase: peak threads / peak queued work items", $"{pool.PeakThreads} / {pool.PeakQueued} (minimum worker threads {pool.MinWorkers})"));
Console.WriteLine();
Console.WriteLine("Per channel (dashboard): " + dashboard.GetProperty("channels").GetRawText());
Console.WriteLine("Kitchen (dashboard): " + dashboard.GetProperty("kitchen").GetRawText());
Console.WriteLine("Faults injected (dashboard): " + dashboard.GetProperty("chaosInjected").GetRawText());
Console.WriteLine("Payment failures by code (dashboard): " + dashboard.GetProperty("failureCounts").GetRawText());
foreach (var (kind, sample) in recorder.Samples.OrderBy(s => s.Key, StringComparer.Ordinal))
{
    Console.WriteLine("First answer for " + kind + ": " + sample);
}

// One row for benchmarks/results/demo.md, ready to paste under ResultRow.Header.
Console.WriteLine();
Console.WriteLine(ResultRow.Header);
Console.WriteLine(ResultRow.Separator);
Console.WriteLine(ResultRow.Format(
    DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    $"{options.Diners} diners, {orderingSeconds:0} s, faults {(options.Faults ? "on" : "off")}",
    ordersPerSecond,
    recorder.Percentiles("cart"),
    recorder.Percentiles("bill"),
    recorder.Percentiles("pay"),
    paymentRate.ToString("0.0", CultureInfo.InvariantCulture) + " % (" + ordersPaid + "/" + ordersPlaced + " orders paid)",
    errors,
    noOpPerSecond + " req/s, " + noOp.Percentiles("ping")));
return recorder.Errors.Keys.Any(k => k.StartsWith("http 5", StringComparison.Ordinal) || k.StartsWith("exception", StringComparison.Ordinal)) ? 1 : 0;

static string Row(string name, string value) => "| " + name + " | " + value + " |";

async Task DinerAsync(string table, int index, CancellationToken cancellationToken)
{
    var token = tokens.Sign(table);
    var random = new Random(index);
    var round = 0;
    while (DateTime.UtcNow < stopOrdering && !cancellationToken.IsCancellationRequested)
    {
        round++;
        try
        {
            var items = Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Dish(dishes[random.Next(dishes.Length)])).ToArray();
            var cart = await Diner(HttpMethod.Post, "/api/diner/cart", new { requestId = $"{table}-c{round}", diner = "load", diners = 2, items }, "cart");
            if (cart is null)
            {
                continue;
            }

            var orderId = cart.Value.GetProperty("order").GetProperty("orderId").GetString();
            if (await Diner(HttpMethod.Post, "/api/diner/submit", new { requestId = $"{table}-s{round}" }, "submit") is null)
            {
                continue;
            }

            Interlocked.Increment(ref ordersPlaced);

            // The diner checks the server-priced bill (every discount explained) before tapping pay.
            await Diner(HttpMethod.Get, "/api/diner/table", null, "bill");
            var paidAt = Stopwatch.GetTimestamp();
            var paid = false;
            for (var attempt = 0; attempt < 2 && !paid; attempt++)
            {
                var pay = await Diner(HttpMethod.Post, "/api/diner/pay", new { requestId = $"{table}-p{round}-{attempt}", channel = (index + attempt) % 2 == 0 ? "wechat" : "alipay" }, "pay");
                if (pay is null)
                {
                    break;
                }

                Interlocked.Increment(ref attempts);
                var attemptId = pay.Value.GetProperty("attempt").GetProperty("attemptId").GetString();
                var deadline = Stopwatch.GetTimestamp() + (long)(options.PaymentTimeout.TotalSeconds * Stopwatch.Frequency);
                while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(1000, cancellationToken); // a page refreshes on a pushed change; polling once a second is the same load
                    var status = await Diner(HttpMethod.Get, "/api/diner/table", null, "status");
                    if (status?.GetProperty("order") is not { ValueKind: JsonValueKind.Object } order)
                    {
                        continue;
                    }

                    if (order.GetProperty("status").GetString() == "Settled")
                    {
                        paid = true;
                        recorder.Latency("paid", Stopwatch.GetElapsedTime(paidAt));
                        break;
                    }

                    var state = order.GetProperty("payments").EnumerateArray().Where(p => p.GetProperty("attemptId").GetString() == attemptId).Select(p => p.GetProperty("state").GetString()).FirstOrDefault();
                    if (state is "Failed" or "Cancelled")
                    {
                        Interlocked.Increment(ref attemptsFailed);
                        break;
                    }
                }
            }

            if (paid)
            {
                Interlocked.Increment(ref ordersPaid);
                await Staff(HttpMethod.Post, $"/api/staff/orders/{orderId}/clear", new { });
            }
            else
            {
                Interlocked.Increment(ref ordersUnpaid);
                return; // The table stays occupied by the unpaid order; this diner is done.
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (HttpRequestException e)
        {
            recorder.Error("exception " + e.HttpRequestError);
        }
    }

    async Task<JsonElement?> Diner(HttpMethod method, string url, object? body, string operation)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Table-Token", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        recorder.Latency(operation, Stopwatch.GetElapsedTime(started));
        Interlocked.Increment(ref requests);
        if (!response.IsSuccessStatusCode)
        {
            recorder.Error($"http {(int)response.StatusCode} {operation}", text);
            return null;
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

object Dish(string spec)
{
    var parts = spec.Split('|');
    return new { skuId = parts[0], quantity = 1, modifiers = parts.Skip(1).Select(m => new { choiceId = m, quantity = 1 }).ToArray() };
}

async Task<JsonElement> Staff(HttpMethod method, string url, object? body)
{
    using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
    request.Headers.Add("Cookie", manager);
    using var response = await http.SendAsync(request, hardStop.Token);
    var text = await response.Content.ReadAsStringAsync(hardStop.Token);
    Interlocked.Increment(ref requests);
    if (!response.IsSuccessStatusCode)
    {
        recorder.Error($"http {(int)response.StatusCode} staff {url.Split('/')[3]}");
        return default;
    }

    return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
}

static async Task<string> SignInAsync(HttpClient http, CancellationToken cancellationToken)
{
    using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "manager", ["password"] = "manager-demo", ["returnUrl"] = "/" });
    using var response = await http.PostAsync(new Uri("/auth/login", UriKind.Relative), form, cancellationToken);
    return response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("demo.staff=", StringComparison.Ordinal)).Split(';')[0];
}
