using System.Net;

namespace DemoRestaurant.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task DinerEndpoints_OverTheLimit_429WithRetryAfter()
    {
        await using var host = await DemoHost.StartAsync(new Dictionary<string, string?> { ["Demo:DinerPermitsPerWindow"] = "3", ["Demo:DinerWindowSeconds"] = "30" });
        using var diner = host.Diner("T01");
        for (var i = 0; i < 3; i++)
        {
            using var ok = await diner.GetAsync(new Uri("/api/diner/table", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await diner.GetAsync(new Uri("/api/diner/table", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 30);

        // Another table has its own budget.
        using var other = host.Diner("T02");
        using var fine = await other.GetAsync(new Uri("/api/diner/table", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }
}
