using System.Net;
using System.Text.RegularExpressions;
using Juso.Portal.Features.Meetings;
using Microsoft.AspNetCore.SignalR.Client;

namespace Juso.Tests.Support;

/// <summary>A board hub client (a wall screen, a remote) signed in through the real sign-in form of a portal instance.</summary>
public static partial class BoardHubClient
{
    public static Task<HubConnection> ConnectAsync(PortalServer server, string userName) => ConnectAsync(server.BaseUrl, userName);

    public static async Task<HubConnection> ConnectAsync(string baseUrl, string userName)
    {
        var cookies = await SignInAsync(baseUrl, userName);
        var connection = new HubConnectionBuilder()
            .WithUrl(baseUrl + MeetingBoardHub.Path, options => options.Cookies = cookies)
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>Signs in through the static sign-in form; the cookies then carry the session.</summary>
    public static async Task<CookieContainer> SignInAsync(string baseUrl, string userName)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        await SignInAsync(http, userName);
        return cookies;
    }

    /// <summary>Posts the static sign-in form with a client that keeps cookies and leaves redirects alone; returns the redirect.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient http, string userName)
    {
        var form = await http.GetStringAsync("/account/login");
        var signIn = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
            ["Input.UserName"] = userName,
            ["Input.Password"] = BrowserFixture.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return signIn;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
