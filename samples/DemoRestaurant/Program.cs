// The demo restaurant: `dotnet run --project samples/DemoRestaurant`, then open the URLs it prints.
var app = await DemoRestaurant.DemoApp.BuildAsync(args);
await app.RunAsync();

/// <summary>The entry point; public so the integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
