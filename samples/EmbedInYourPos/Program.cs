// The README's "Embed it in your POS" example. ReadmeTests checks that the README shows exactly the
// lines between the snippet markers, so the example there always compiles and runs.
// begin-snippet: embed
using Microsoft.Extensions.DependencyInjection;
using Ordering.Sdk;

var services = new ServiceCollection()
    .AddOrderingSdk(options =>
    {
        options.StoreTimeZoneId = "Asia/Shanghai";
        options.BusinessDayStartHour = 4; // sales before 04:00 belong to yesterday
    });
using var provider = services.BuildServiceProvider();
var store = provider.GetRequiredService<OrderingSdkOptions>();

// Money is whole fen with checked arithmetic: no floating point near a bill.
var mapoTofu = Money.Fen(3800);
var rice = Money.Fen(300);
var bill = mapoTofu + (rice * 2);
Console.WriteLine($"{store.StoreTimeZoneId}: {bill}"); // Asia/Shanghai: CNY 44.00
// end-snippet
