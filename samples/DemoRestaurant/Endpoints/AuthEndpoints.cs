using System.Security.Claims;
using DemoRestaurant.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DemoRestaurant.Endpoints;

/// <summary>Staff sign-in (cookie) against the hashed seeded accounts.</summary>
internal static class AuthEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/auth/login", async (HttpContext http, StaffAccounts accounts) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var name = form["name"].FirstOrDefault();
            var role = accounts.Verify(name, form["password"].FirstOrDefault());
            var returnUrl = form["returnUrl"].FirstOrDefault();
            if (returnUrl is null || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal))
            {
                returnUrl = "/";
            }

            if (role is null)
            {
                return Results.Redirect("/login.html?failed=1&returnUrl=" + Uri.EscapeDataString(returnUrl));
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name!), new Claim(ClaimTypes.Role, role)], CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Redirect(returnUrl);
        }).DisableAntiforgery();
        app.MapPost("/auth/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        });
        app.MapGet("/auth/me", (ClaimsPrincipal user) => Results.Ok(new { name = user.Identity?.Name, role = user.FindFirst(ClaimTypes.Role)?.Value }))
            .RequireAuthorization();
    }
}
