namespace DemoRestaurant.Tests;

/// <summary>One demo restaurant shared by the integration tests of a class; each test uses its own tables.</summary>
public sealed class RestaurantFixture : IAsyncLifetime
{
    internal DemoHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await DemoHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
