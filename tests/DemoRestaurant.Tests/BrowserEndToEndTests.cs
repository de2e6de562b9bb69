using Xunit.Abstractions;

namespace DemoRestaurant.Tests;

public sealed class BrowserEndToEndTests(ITestOutputHelper output)
{
    /// <summary>Where the screenshots go: E2E_SCREENSHOT_DIR, else TestResults/e2e-screenshots beside this test project.</summary>
    private static string ScreenshotDirectory() =>
        Environment.GetEnvironmentVariable("E2E_SCREENSHOT_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(DemoHost.ContentRoot(), "..", "..", "tests", "DemoRestaurant.Tests", "TestResults", "e2e-screenshots");

    [ChromiumFact]
    public async Task Diner_OrdersAndPaysInBrowser_TicketAppearsOnKds()
    {
        var chromium = HeadlessChromium.Find();
        Assert.True(chromium is not null, "CI=true but chromium is missing: `apt-get install -y chromium` must run before the tests (see .ci/run).");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cancel.Token;
        await using var host = await DemoHost.StartAsync(realPort: true);
        await using var browser = await HeadlessChromium.LaunchAsync(chromium, ct);
        var shots = Path.GetFullPath(ScreenshotDirectory());
        try
        {
            await browser.NavigateAsync(new Uri(host.Address!, "/diner.html?t=" + Uri.EscapeDataString(host.Token("T07"))), ct);
            await browser.WaitForAsync("document.querySelector('button.add[data-item=\"cucumber\"]')", TimeSpan.FromSeconds(15), ct);
            await browser.EvaluateAsync("document.querySelector('button.add[data-item=\"cucumber\"]').click()", ct);
            await browser.WaitForAsync("document.getElementById('cart').innerText.includes('拍黄瓜') && !document.getElementById('submit').disabled", TimeSpan.FromSeconds(15), ct);
            await browser.EvaluateAsync("document.getElementById('submit').click()", ct);
            await browser.WaitForAsync("!document.getElementById('pay-wechat').disabled", TimeSpan.FromSeconds(15), ct);
            await browser.ScreenshotAsync(Path.Combine(shots, "1-diner-ordered.png"), ct);

            await browser.EvaluateAsync("document.getElementById('pay-wechat').click()", ct);
            await browser.WaitForAsync("document.getElementById('paid-banner')", TimeSpan.FromSeconds(20), ct);
            var amount = await browser.EvaluateAsync("document.getElementById('amount-due').innerText", ct);
            Assert.Equal("¥24.90", amount?.GetValue<string>()); // 18.00 + 5% service 0.90 + 2 guests × 3.00 tea
            await browser.ScreenshotAsync(Path.Combine(shots, "2-diner-paid.png"), ct);

            // The kitchen signs in and sees the ticket on the cold station.
            await browser.NavigateAsync(new Uri(host.Address!, "/staff/kds.html"), ct);
            await browser.WaitForAsync("location.pathname === '/login.html'", TimeSpan.FromSeconds(10), ct);
            await browser.EvaluateAsync("document.getElementById('name').value = 'kitchen'; document.getElementById('password').value = 'kitchen-demo'; document.getElementById('signin').click()", ct);
            await browser.WaitForAsync("location.pathname === '/staff/kds.html' && document.readyState === 'complete'", TimeSpan.FromSeconds(10), ct);
            await browser.WaitForAsync("[...document.querySelectorAll('[data-station=\"cold\"] .ticket')].some(t => t.innerText.includes('拍黄瓜') && t.innerText.includes('T07'))", TimeSpan.FromSeconds(15), ct);
            await browser.ScreenshotAsync(Path.Combine(shots, "3-kds-ticket.png"), ct);

            // The manager's dashboard shows the WeChat payment, and the cashier's table list shows T07 paid.
            await browser.EvaluateAsync("fetch('/auth/logout', { method: 'POST' }).then(() => true)", ct);
            await browser.NavigateAsync(new Uri(host.Address!, "/staff/dashboard.html"), ct);
            await browser.WaitForAsync("location.pathname === '/login.html'", TimeSpan.FromSeconds(10), ct);
            await browser.EvaluateAsync("document.getElementById('name').value = 'manager'; document.getElementById('password').value = 'manager-demo'; document.getElementById('signin').click()", ct);
            await browser.WaitForAsync("location.pathname === '/staff/dashboard.html' && document.getElementById('channels').innerText.includes('WeChatPay')", TimeSpan.FromSeconds(15), ct);
            await browser.ScreenshotAsync(Path.Combine(shots, "4-dashboard.png"), ct);
            await browser.NavigateAsync(new Uri(host.Address!, "/staff/cashier.html"), ct);
            await browser.WaitForAsync("document.getElementById('tables').innerText.includes('T07') && document.getElementById('tables').innerText.includes('Paid')", TimeSpan.FromSeconds(15), ct);
            await browser.ScreenshotAsync(Path.Combine(shots, "5-cashier.png"), ct);
            output.WriteLine("screenshots: " + shots);
        }
        catch
        {
            await browser.ScreenshotAsync(Path.Combine(shots, "failure.png"), CancellationToken.None);
            output.WriteLine("failure screenshot: " + Path.Combine(shots, "failure.png"));
            throw;
        }
    }
}
