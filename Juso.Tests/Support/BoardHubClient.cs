using System.Net;
using System.Text.RegularExpressions;
using Juso.Portal.Features.Meetings;
using Microsoft.AspNetCore.SignalR.Client;

namespace Juso.Tests.Support;

/// <summary>A board hub client (a wall screen, a remote) signed in through the real sign-in form of a portal instance.</summary>
public static partial class BoardHubClient
{
    public static async Task<HubConnection> ConnectAsync(PortalServer server, string userName)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };
        var form = await http.GetStringAsync("/account/login");
        var signIn = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
            ["Input.UserName"] = userName,
            ["Input.Password"] = BrowserFixture.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var connection = new HubConnectionBuilder()
            .WithUrl(server.BaseUrl + MeetingBoardHub.Path, options => options.Cookies = cookies)
            .Build();
        await connection.StartAsync();
        return connection;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
