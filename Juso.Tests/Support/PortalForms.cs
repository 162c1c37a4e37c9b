using System.Net;
using System.Text.RegularExpressions;
using Juso.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Support;

/// <summary>The portal's static forms over plain HTTP, as a browser without JavaScript would post them.</summary>
public static partial class PortalForms
{
    /// <summary>A client keeping cookies like a browser; redirects are left to the test.</summary>
    public static HttpClient Client(string baseUrl) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };

    /// <summary>Loads the page for its antiforgery token and posts the named form; returns the response and its decoded text.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient client, string path, string formName, IDictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(path);
        var values = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        };
        var response = await client.PostAsync(path, new FormUrlEncodedContent(values));
        // Blazor encodes Japanese text as character references; compare what a browser would show.
        return (response, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public static Task<(HttpResponseMessage Response, string Html)> SignInAsync(HttpClient client, string userName, string password) =>
        PostAsync(client, "/account/login", "login", new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    /// <summary>A user of the test's own, so that changing its password or sign-in settings touches no demo user.</summary>
    public static async Task<JusoUser> CreateUserAsync(IServiceProvider services, string userName, string password, string role = JusoRoles.Coordinator)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JusoUser>>();
        var user = new JusoUser { UserName = userName, DisplayName = "テスト " + userName, Email = userName + "@example.lg.jp", CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
