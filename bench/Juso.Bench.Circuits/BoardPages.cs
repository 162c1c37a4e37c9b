using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

// The pages' side of the benchmark: signing in, the item every board shows, and the script that times the new text.
internal static partial class Program
{
    // Resolves at once if the text is already shown; otherwise a MutationObserver resolves with Date.now() when it appears.
    private const string WatchScript = """
        text => {
            window.__seen = new Promise(resolve => {
                const shows = () => [...document.querySelectorAll('[data-testid=assignment-task]')].some(e => e.textContent.includes(text));
                if (shows()) { resolve(Date.now()); return; }
                const observer = new MutationObserver(() => {
                    if (shows()) { observer.disconnect(); resolve(Date.now()); }
                });
                observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            });
        }
        """;

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync("hibarino-demo-2026");
        await page.Locator("#password").PressAsync("Enter");
        await page.GetByTestId("user-name").WaitForAsync(new() { Timeout = 60_000 });
    }

    // The demo meeting the chair runs whose agenda has a case with role assignments (read from the portal's own database:
    // the hub's public contract carries no plans); that item is started over the hub, so that every board shows them.
    private static async Task<int> StartItemWithAssignmentsAsync(string baseUrl, CookieContainer cookies, string data)
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
