using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DemoRestaurant;
using DemoRestaurant.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DemoRestaurant.Tests;

/// <summary>
/// The demo restaurant hosted for a test: the real host (DemoApp) with its own temp data directory, either on the
/// in-memory test server or on a real loopback port (for the browser test).
/// </summary>
internal sealed class DemoHost : IAsyncDisposable
{
    private readonly string _dataDirectory;

    private DemoHost(WebApplication app, string dataDirectory, Uri? address)
    {
        App = app;
        _dataDirectory = dataDirectory;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri? Address { get; }

    public IServiceProvider Services => App.Services;

    public static string ContentRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "samples", "DemoRestaurant", "wwwroot")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new DirectoryNotFoundException("samples/DemoRestaurant/wwwroot was not found above " + AppContext.BaseDirectory)
            : Path.Combine(directory.FullName, "samples", "DemoRestaurant");
    }

    public static async Task<DemoHost> StartAsync(IDictionary<string, string?>? settings = null, bool realPort = false)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "demo-restaurant-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var values = new Dictionary<string, string?>
        {
            ["Demo:DataDirectory"] = dataDirectory,
            ["Demo:DinerPermitsPerWindow"] = "10000",
            ["Demo:SimulatedCustomerDelayMs"] = "300",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = await DemoApp.BuildAsync(["--contentRoot", ContentRoot(), "--environment", "Development"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.Logging.ClearProviders();
            if (realPort)
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            }
            else
            {
                builder.WebHost.UseTestServer();
            }
        });
        await app.StartAsync();
        Uri? address = null;
        if (realPort)
        {
            address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        return new DemoHost(app, dataDirectory, address);
    }

    public HttpClient Client() => realClient() ?? App.GetTestClient();

    public string Token(string table) => Services.GetRequiredService<TableTokens>().Sign(table);

    public HttpClient Diner(string table)
    {
        var client = Client();
        client.DefaultRequestHeaders.Add("X-Table-Token", Token(table));
        return client;
    }

    /// <summary>Signs a staff member in and returns a client that carries the cookie.</summary>
    public async Task<HttpClient> StaffAsync(string name, string password)
    {
        var client = Client();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["password"] = password, ["returnUrl"] = "/" });
        using var response = await client.PostAsync(new Uri("/auth/login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith("demo.staff=", StringComparison.Ordinal)) : null;
        Assert.True(cookie is not null, "sign-in as " + name + " set no cookie (redirected to " + response.Headers.Location + ")");
        client.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background thread; the temp directory is cleaned by the OS later.
        }
    }

    private HttpClient? realClient() => Address is null ? null : new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Address };
}

/// <summary>JSON helpers for the tests.</summary>
internal static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> ReadErrorAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);
        return await ReadAsync(response);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await ReadAsync(response);
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the timeout passes; returns the last value.</summary>
    public static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await read();
        while (!condition(last) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            last = await read();
        }

        return last;
    }
}
