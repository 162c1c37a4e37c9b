using Juso.Domain.Contacts;
using Juso.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Juso.Portal.Features.Cases;

/// <summary>終結後フォロー: the latest follow-up of a closed case decides its next follow-up date (none when it set none).</summary>
public static class FollowUps
{
    /// <summary>Each case's latest follow-up record, the one whose 次回フォロー予定日 counts.</summary>
    public static IQueryable<ContactRecord> Latest(JusoDbContext db) =>
        db.ContactRecords.AsNoTracking()
            .Where(r => r.IsFollowUp && !db.ContactRecords.Any(o => o.SupportCaseId == r.SupportCaseId && o.IsFollowUp && o.Id > r.Id));

    public static Task<DateOnly?> NextAsync(JusoDbContext db, int caseId) =>
        Latest(db).Where(r => r.SupportCaseId == caseId).Select(r => r.NextFollowUpOn).FirstOrDefaultAsync();
}
