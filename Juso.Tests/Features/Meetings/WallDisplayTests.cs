using System.Security.Claims;
using Juso.Domain.Agencies;
using Juso.Domain.Auditing;
using Juso.Domain.Common;
using Juso.Domain.Meetings;
using Juso.Infrastructure.Identity;
using Juso.Portal.Common;
using Juso.Portal.Features.Meetings;
using Juso.Portal.Security;
using Juso.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Juso.Tests.Support.CaseSteps;

namespace Juso.Tests.Features.Meetings;

/// <summary>掲示モード through the real services, the circuit's own session check and a fake clock.</summary>
public sealed class WallDisplayTests : IAsyncLifetime
{
    /// <summary>The meeting's day, 30 November 2026, at 13:30 in Japan (it starts at 14:00).</summary>
    private static readonly DateTimeOffset MeetingDay = new(2026, 11, 30, 13, 30, 0, JapanDate.Offset);

    private PortalHarness _harness = default!;
    private Agency _partner = default!;
    private MemberOption _chair = default!;
    private MemberOption _member = default!;

    public async Task InitializeAsync()
    {
        _harness = await PortalHarness.CreateAsync(new Dictionary<string, string?>
        {
            ["Security:IdleTimeout"] = "00:30:00",
            ["Security:AbsoluteTimeout"] = "08:00:00",
        });
        var lead = await _harness.AddAgencyAsync("くらしサポートセンター", AgencyField.Poverty);
        _partner = await _harness.AddAgencyAsync("東部地域包括支援センター", AgencyField.Elderly);
        _chair = await _harness.AddStaffUserAsync("u-chair", "石田 美穂", lead);
        _member = await _harness.AddStaffUserAsync($"u-member-{_partner.Id}", "藤井 由美", _partner);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Start_ByTheChair_IsAudited_OutlivesTheIdleLimit_AndEndsWhenTheMinutesAreApproved()
    {
        var meetingId = await ScheduleAsync();
        _harness.Time.SetUtcNow(MeetingDay);
        var (wall, principal, sessionId) = await SignInAsync(TestUsers.Chair());

        Ok(await _harness.Get<WallDisplayService>(wall).StartAsync(meetingId));

        Assert.True(await AuditedAsync(AuditAction.WallDisplayStarted, $"会議 {meetingId}: 2026/12/01 00:00まで"));
        var circuit = Circuit(wall);
        _harness.Time.Advance(TimeSpan.FromHours(2));
        Assert.True(await circuit.RevalidateAsync(principal, default), "the wall display idled out");

        await using (var laptop = _harness.As(TestUsers.Chair()))
        {
            var board = _harness.Get<MeetingBoardService>(laptop);
            Ok(await board.RecordAttendanceAsync(meetingId, _chair.UserId, true));
            Ok(await board.ApproveMinutesAsync(meetingId));
        }

        Assert.False(await circuit.RevalidateAsync(principal, default));
        Assert.Equal(SessionState.Ended, await _harness.Services.GetRequiredService<SessionStore>().CheckAsync(sessionId, _chair.UserId, new SessionUse(null)));
        Assert.True(await AuditedAsync(AuditAction.WallDisplayEnded, $"会議 {meetingId}: 議事録の承認（1台）"));
    }

    [Fact]
    public async Task WallDisplay_AtTheEndOfTheMeetingDay_Ends()
    {
        var meetingId = await ScheduleAsync();
        // Started in the evening, so that the end of the day comes before the session's absolute limit of 8 hours.
        _harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 17, 0, 0, JapanDate.Offset));
        var (wall, principal, _) = await SignInAsync(TestUsers.Chair());
        Ok(await _harness.Get<WallDisplayService>(wall).StartAsync(meetingId));
        var circuit = Circuit(wall);

        _harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 59, 0, JapanDate.Offset));
        Assert.True(await circuit.RevalidateAsync(principal, default));
        _harness.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await circuit.RevalidateAsync(principal, default));
        Assert.True(await AuditedAsync(AuditAction.WallDisplayEnded, "会議日が終わったため掲示モードを終了"));
    }

    [Fact]
    public async Task WallDisplaySession_UsedForAnotherPage_Ends()
    {
        var meetingId = await ScheduleAsync();
        _harness.Time.SetUtcNow(MeetingDay);
        var (wall, principal, _) = await SignInAsync(TestUsers.Chair());
        Ok(await _harness.Get<WallDisplayService>(wall).StartAsync(meetingId));

        Assert.True(await Circuit(wall).RevalidateAsync(principal, default));

        // Another page in the same browser: a circuit that does not show the wall display.
        await using var other = _harness.As(principal);

        Assert.False(await Circuit(other).RevalidateAsync(principal, default));
        Assert.False(await Circuit(wall).RevalidateAsync(principal, default));
    }

    [Fact]
    public async Task End_FromTheWallScreen_EndsItsSessionAndIsAudited()
    {
        var meetingId = await ScheduleAsync();
        _harness.Time.SetUtcNow(MeetingDay);
        var (wall, principal, _) = await SignInAsync(TestUsers.Chair());
        var walls = _harness.Get<WallDisplayService>(wall);
        Ok(await walls.StartAsync(meetingId));

        await walls.EndAsync(meetingId);

        Assert.False(await Circuit(wall).RevalidateAsync(principal, default));
        Assert.True(await AuditedAsync(AuditAction.WallDisplayEnded, $"会議 {meetingId}: 掲示画面で終了"));
    }

    [Fact]
    public async Task Start_ByAnAgencyMember_IsRefusedAndAudited_AndTheSessionKeepsItsIdleLimit()
    {
        var meetingId = await ScheduleAsync();
        _harness.Time.SetUtcNow(MeetingDay);
        var (scope, principal, _) = await SignInAsync(TestUsers.MemberOf(_partner.Id, "藤井 由美"));

        var result = await _harness.Get<WallDisplayService>(scope).StartAsync(meetingId);

        Assert.False(result.Succeeded);
        Assert.Contains("議長だけ", string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.True(await AuditedAsync(AuditAction.AccessDenied, $"会議 {meetingId}: 掲示モードの開始: 掲示モードを開始できるのは議長だけです。"));
        Assert.True(await Circuit(scope).RevalidateAsync(principal, default));
        _harness.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.False(await Circuit(scope).RevalidateAsync(principal, default));
    }

    [Fact]
    public async Task Start_BeforeTheMeetingDay_IsRefused()
    {
        var meetingId = await ScheduleAsync();
        var (scope, _, _) = await SignInAsync(TestUsers.Chair());

        var result = await _harness.Get<WallDisplayService>(scope).StartAsync(meetingId);

        Assert.Contains("会議の当日", string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>A signed-in page: a session row, the principal carrying its id and the user's security stamp, and the page's circuit scope.</summary>
    private async Task<(AsyncServiceScope Scope, ClaimsPrincipal Principal, Guid SessionId)> SignInAsync(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var sessionId = await _harness.Services.GetRequiredService<SessionStore>().StartAsync(userId, null);
        await using var db = _harness.NewContext();
        var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
        ((ClaimsIdentity)user.Identity!).AddClaims([new Claim(JusoClaims.SessionId, sessionId.ToString()), new Claim(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType, stamp!)]);
        return (_harness.As(user), user, sessionId);
    }

    private static SessionRevalidatingAuthenticationStateProvider Circuit(AsyncServiceScope scope) =>
        ActivatorUtilities.CreateInstance<SessionRevalidatingAuthenticationStateProvider>(scope.ServiceProvider);

    private async Task<bool> AuditedAsync(AuditAction action, string detail)
    {
        await using var db = _harness.NewContext();
        return await db.AuditEntries.AnyAsync(a => a.Action == action && a.Detail == detail);
    }

    /// <summary>A 重層的支援会議 on 30 November at 14:00 chaired by u-chair, with the partner agency's member.</summary>
    private async Task<int> ScheduleAsync()
    {
        await using var scope = _harness.As(TestUsers.Chair());
        var meetings = _harness.Get<MeetingService>(scope);
        var id = Ok(await meetings.ScheduleAsync(new MeetingForm
        {
            Kind = MeetingKind.MultiLayered, Cadence = MeetingCadence.AdHoc, Date = new DateTime(2026, 11, 30), Time = new TimeSpan(14, 0, 0), Place = "第1会議室", Chair = _chair,
        })).Id;
        Ok(await meetings.AddMemberAsync(id, _member));
        return id;
    }
}
