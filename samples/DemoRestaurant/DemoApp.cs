using System.Globalization;
using System.Threading.RateLimiting;
using DemoRestaurant.Chaos;
using DemoRestaurant.Dashboard;
using DemoRestaurant.Endpoints;
using DemoRestaurant.Kitchen;
using DemoRestaurant.Live;
using DemoRestaurant.Menu;
using DemoRestaurant.Ordering;
using DemoRestaurant.Payments;
using DemoRestaurant.Printing;
using DemoRestaurant.Staff;
using DemoRestaurant.Tables;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.RateLimiting;
using Ordering.Sdk.Catalog;
using Ordering.Sdk.Devices.Queue;
using Ordering.Sdk.Kitchen;
using Ordering.Sdk.Payments;
using Ordering.Sdk.Storage.Sqlite;

namespace DemoRestaurant;

/// <summary>Builds the demo restaurant host: the SDK's packages wired into one ASP.NET Core app.</summary>
internal static class DemoApp
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var options = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        options.Validate();
        var dataDirectory = string.IsNullOrWhiteSpace(options.DataDirectory)
            ? Path.Combine(Path.GetTempPath(), "demo-restaurant-" + Guid.NewGuid().ToString("N")[..8])
            : Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataDirectory);
        var databasePath = Path.Combine(dataDirectory, "restaurant.db");

        var time = TimeProvider.System;
        var catalog = MenuCatalog.Create(DemoMenu.Definition());
        var policy = DemoMenu.Policy();
        var chaos = new ChaosSettings();
        var dashboard = new DashboardState(time);
        var printers = DemoPrinters.Start();
        var store = await SqliteOrderStore.OpenAsync(databasePath);
        // Its own file: SQLite allows one writer per file, and the order store and the journal write concurrently.
        var journal = await SqlitePaymentJournal.OpenAsync(Path.Combine(dataDirectory, "payments.db"));
        var ledger = await SqliteStoredValueLedger.OpenAsync(Path.Combine(dataDirectory, "members.db"));
        var members = await Members.SeedAsync(ledger);
        var wallets = DemoPaymentChannels.Create(options, chaos, dashboard, time);
        var engineBuilder = new PaymentEngineBuilder()
            .UseJournal(journal)
            .UseTimeProvider(time)
            .AddChannel(new CashChannel())
            .AddChannel(new StoredValueChannel(members.Ledger));
        foreach (var (channel, channelPolicy) in wallets.Wallets)
        {
            engineBuilder.AddChannel(channel, channelPolicy);
        }

        var engine = await engineBuilder.BuildAsync();

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(chaos);
        services.AddSingleton(dashboard);
        services.AddSingleton(members);
        services.AddSingleton(printers);
        services.AddSingleton(wallets);
        services.AddSingleton(engine);
        services.AddSingleton<global::Ordering.Sdk.Orders.IOrderStore>(store);
        services.AddSingleton(new TableTokens(TableTokens.LoadOrCreateKey(options.TableTokenSecret, dataDirectory), options.TableIds()));
        services.AddSingleton(new StaffAccounts(options.StaffPasswords));
        services.AddPricingEngine(catalog, policy);
        services.AddOrderingSdkOrders(tables =>
        {
            foreach (var table in options.TableIds())
            {
                tables.Tables.Add(table);
            }
        });
        services.AddOrderingSdkKitchen(catalog, routing =>
        {
            routing.DefaultStationId = "hot";
            foreach (var (station, _, categories) in DemoPrinters.Stations)
            {
                foreach (var category in categories)
                {
                    routing.StationByCategory[category] = station;
                }
            }
        });
        // The relay hands every ticket to each sink and acknowledges the outbox only after all accepted it.
        services.AddSingleton<IKitchenTicketSink>(sp => sp.GetRequiredService<IPrintQueue>().AsKitchenSink());
        services.AddSingleton<IKitchenTicketSink>(sp => sp.GetRequiredService<KdsBoard>());
        services.AddOrderingPrintQueue(printers.Configure);
        services.AddSingleton<LiveHub>();
        services.AddSingleton<KitchenSignal>();
        services.AddSingleton<KdsBoard>();
        services.AddSingleton<RestaurantOrders>();
        services.AddSingleton<BillExplainer>();
        services.AddSingleton<OrderViews>();
        services.AddSingleton<Checkout>();
        services.AddSingleton<ReceiptPrinter>();
        services.AddSingleton<KitchenDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<KitchenDispatcher>());
        services.AddHostedService<PrintQueueRunner>();
        services.AddHostedService<PaymentWorker>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        // Cookie keys live beside the database so staff stay signed in across restarts.
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = "/login.html";
            cookie.Cookie.Name = "demo.staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.CashierPolicy, p => p.RequireRole(StaffRoles.Cashier, StaffRoles.Manager))
            .AddPolicy(StaffRoles.KitchenPolicy, p => p.RequireRole(StaffRoles.Kitchen, StaffRoles.Cashier, StaffRoles.Manager))
            .AddPolicy(StaffRoles.ManagerPolicy, p => p.RequireRole(StaffRoles.Manager));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(DinerEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                DinerEndpoints.TokenOf(http) ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.DinerPermitsPerWindow, Window = TimeSpan.FromSeconds(options.DinerWindowSeconds), QueueLimit = 0 }));
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.DinerWindowSeconds);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "application/json";
                return new ValueTask(context.HttpContext.Response.WriteAsync("{\"code\":\"rate_limited\",\"message\":\"Too many requests from this table; wait a moment.\"}", context.HttpContext.RequestAborted));
            };
        });

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            store.Dispose();
            journal.Dispose();
            ledger.Dispose();
            wallets.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });

        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            // Staff pages are static files; only a signed-in staff member gets them.
            if (context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase) && context.User.Identity?.IsAuthenticated != true)
            {
                context.Response.Redirect("/login.html?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
                return;
            }

            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRateLimiter();

        app.MapGet("/api/menu", () => Results.Ok(ApiViews.Menu(catalog, policy))).RequireRateLimiting(DinerEndpoints.RateLimitPolicy);
        app.MapGet("/api/ping", () => Results.Text("pong")).RequireRateLimiting(DinerEndpoints.RateLimitPolicy);
        AuthEndpoints.Map(app);
        DinerEndpoints.Map(app);
        CashierEndpoints.Map(app);
        KitchenEndpoints.Map(app);
        DashboardEndpoints.Map(app);

        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, options, databasePath));
        return app;
    }

    private static Task Deny(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments("/auth", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    // Printed to the console (not the log) once the server listens: where to click. The token key is never printed.
    private static void PrintBanner(WebApplication app, DemoOptions options, string databasePath)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var baseUrl = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "http://localhost:5000";
        baseUrl = baseUrl.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
        var tokens = app.Services.GetRequiredService<TableTokens>();
        var accounts = app.Services.GetRequiredService<StaffAccounts>();
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine("  川粤小馆 demo restaurant is open: " + baseUrl);
        output.WriteLine("  database: " + databasePath);
        output.WriteLine("  staff pages (sign in first):");
        output.WriteLine("    cashier    " + baseUrl + "/staff/cashier.html");
        output.WriteLine("    kitchen    " + baseUrl + "/staff/kds.html");
        output.WriteLine("    dashboard  " + baseUrl + "/staff/dashboard.html");
        if (accounts.UsesDefaults)
        {
            output.WriteLine("  demo accounts (stored as PBKDF2 hashes; override with Demo:StaffPasswords:<name>):");
            foreach (var (name, role, password) in StaffAccounts.Seeded)
            {
                output.WriteLine("    " + name.PadRight(8) + " / " + password.PadRight(14) + " (" + role + ")");
            }
        }

        output.WriteLine("  table QR links (what each table's QR code encodes):");
        foreach (var table in options.TableIds().Take(12))
        {
            output.WriteLine("    " + table + "  " + baseUrl + "/diner.html?t=" + Uri.EscapeDataString(tokens.Sign(table)));
        }

        output.WriteLine();
    }
}
