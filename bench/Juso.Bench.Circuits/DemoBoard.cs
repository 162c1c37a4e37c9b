using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

/// <summary>The demo data the bench runs on: the chair's sign-in and the meeting whose current item has role assignments.</summary>
internal static class DemoBoard
{
    public static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync("hibarino-demo-2026");
        await page.Locator("#password").PressAsync("Enter");
        await page.GetByTestId("user-name").WaitForAsync(new() { Timeout = 60_000 });
    }

    /// <summary>The context's sign-in as cookies for a .NET client.</summary>
    public static async Task<CookieContainer> CookiesAsync(IBrowserContext context)
    {
        var cookies = new CookieContainer();
        foreach (var cookie in await context.CookiesAsync())
        {
            cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }
        return cookies;
    }

    // The demo meeting the chair runs whose agenda has a case with role assignments (read from the portal's own database:
    // the hub's public contract carries no plans); that item is started over the hub, so that every board shows them.
    public static async Task<int> StartItemWithAssignmentsAsync(string baseUrl, CookieContainer cookies, string data)
    {
        int meetingId, itemId;
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "juso.db")};Mode=ReadOnly;Pooling=False"))
        {
            db.Open();
            using var query = db.CreateCommand();
            query.CommandText = """
                SELECT a.MeetingId, a.Id FROM AgendaItem a JOIN Meetings m ON m.Id = a.MeetingId JOIN Cases c ON c.Id = a.SupportCaseId
                WHERE m.ChairUserId = (SELECT Id FROM AspNetUsers WHERE UserName = 'chair') AND m.MinutesApprovedAt IS NULL
                  AND m.Kind = 'MultiLayered' AND c.CurrentConsent = 'Obtained'
                  AND EXISTS (SELECT 1 FROM Plans p JOIN RoleAssignments r ON r.SupportPlanId = p.Id WHERE p.SupportCaseId = a.SupportCaseId)
                ORDER BY m.ScheduledAt, a."Order" LIMIT 1
                """;
            using var reader = query.ExecuteReader();
            if (!reader.Read())
            {
                throw new InvalidOperationException("no demo meeting with role assignments that the chair runs");
            }
            (meetingId, itemId) = (reader.GetInt32(0), reader.GetInt32(1));
        }
        await using var connection = new HubConnectionBuilder().WithUrl(baseUrl + "/hubs/meeting-board", o => o.Cookies = cookies).Build();
        await connection.StartAsync();
        await connection.InvokeAsync<int>("JoinBoard", meetingId);
        await connection.InvokeAsync("StartItem", meetingId, itemId);
        return meetingId;
    }
}
