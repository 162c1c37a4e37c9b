using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Contacts;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Contacts;

public class ContactRecordTests
{
    [Fact]
    public void Record_Visit_KeepsWhoWhenWithWhomWhat()
    {
        var at = Now.AddHours(-3);

        var record = ContactRecord.Record(CaseIn(CaseStage.Support), new ContactDetails(ContactKind.Visit, at, "本人と母", "自宅を訪問。長男と初めて短く話せた。"), ActingUser, Now);

        Assert.Equal(ContactKind.Visit, record.Kind);
        Assert.Equal(at.UtcDateTime, record.OccurredAt);
        Assert.Equal("本人と母", record.WithWhom);
        Assert.Equal(ActingUser.Name, record.RecordedByName);
    }

    [Fact]
    public void Record_MissingKindFutureTimeAndNoContent_AreAllReported()
    {
        var ex = Assert.Throws<DomainException>(() =>
            ContactRecord.Record(CaseIn(CaseStage.Support), new ContactDetails(null, Now.AddHours(1), null, " "), ActingUser, Now));

        HasError(ex, "Kind", "種別（訪問・電話など）を選択してください。");
        HasError(ex, "OccurredAt", "日時に未来の日時は入力できません。");
        HasError(ex, "Content", "内容を入力してください。");
    }

    [Fact]
    public void Record_BeforeIntakeDate_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            ContactRecord.Record(OpenCase(), new ContactDetails(ContactKind.Call, Now.AddDays(-10), null, "電話"), ActingUser, Now));

        HasError(ex, "OccurredAt", "日時は受付日以降にしてください。");
    }

    [Fact]
    public void Record_ClosedCase_IsAFollowUpWithItsNextDate_AndTheCaseStaysClosed()
    {
        var closed = CaseIn(CaseStage.Closed);

        var record = ContactRecord.Record(closed, new ContactDetails(ContactKind.Call, Now.AddHours(-1), "本人", "近況を確認した。", Today.AddDays(30)), ActingUser, Now);

        Assert.True(record.IsFollowUp);
        Assert.Equal(Today.AddDays(30), record.NextFollowUpOn);
        Assert.True(closed.IsClosed);
    }

    [Fact]
    public void Record_OpenCase_IsNotAFollowUp()
    {
        var record = ContactRecord.Record(CaseIn(CaseStage.Support), new ContactDetails(ContactKind.Call, Now, null, "電話"), ActingUser, Now);

        Assert.False(record.IsFollowUp);
        Assert.Null(record.NextFollowUpOn);
    }

    [Fact]
    public void Record_FollowUpDateOnAnOpenCase_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            ContactRecord.Record(CaseIn(CaseStage.Support), new ContactDetails(ContactKind.Call, Now, null, "電話", Today.AddDays(7)), ActingUser, Now));

        HasError(ex, "NextFollowUpOn", "次回フォロー予定日は、終結したケースの終結後フォローにのみ入力できます。");
    }

    [Fact]
    public void Record_FollowUpWithPastDateNoContentOrBeforeClosure_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            ContactRecord.Record(CaseIn(CaseStage.Closed), new ContactDetails(ContactKind.Visit, Now.AddDays(-1), null, " ", Today.AddDays(-1)), ActingUser, Now));

        HasError(ex, "NextFollowUpOn", "次回フォロー予定日に過去の日付は入力できません。");
        HasError(ex, "Content", "内容を入力してください。");
        HasError(ex, "OccurredAt", "終結後フォローの日時は終結日以降にしてください。");
    }
}
