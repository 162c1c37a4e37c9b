using Juso.Domain.Cases;
using Juso.Domain.Common;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Cases;

public class SupportCaseConsentTests
{
    private const string WithdrawWithoutConsent = "同意を得ていないため、撤回は記録できません。";

    [Fact]
    public void Open_WithInitialConsent_RecordsItInHistory()
    {
        var supportCase = OpenCase(new ConsentDetails(ConsentStatus.Obtained, IntakeDate, ConsentMethod.Written, " 同意書受領 "));

        Assert.Equal(ConsentStatus.Obtained, supportCase.CurrentConsent);
        var record = Assert.Single(supportCase.Consents);
        Assert.Equal(ConsentStatus.Obtained, record.Status);
        Assert.Equal(IntakeDate, record.Date);
        Assert.Equal(ConsentMethod.Written, record.Method);
        Assert.Equal("同意書受領", record.Note);
        Assert.Equal(ActingUser.UserId, record.RecordedByUserId);
        Assert.Equal(ActingUser.Name, record.RecordedByName);
        Assert.Equal([CaseEventKind.Opened, CaseEventKind.ConsentRecorded], supportCase.Events.Select(e => e.Kind));
    }

    [Fact]
    public void Open_InitialConsentNotObtained_NeedsNoMethod()
    {
        var supportCase = OpenCase(Consent(ConsentStatus.NotObtained, method: null));

        Assert.Equal(ConsentStatus.NotObtained, supportCase.CurrentConsent);
        Assert.Null(Assert.Single(supportCase.Consents).Method);
    }

    [Fact]
    public void Open_InitialConsentWithdrawn_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => OpenCase(Consent(ConsentStatus.Withdrawn)));

        Assert.Equal(new DomainError("Consent.Status", WithdrawWithoutConsent), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Open_InitialConsentBeforeIntakeDate_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => OpenCase(Consent(ConsentStatus.Obtained, IntakeDate.AddDays(-1))));

        Assert.Equal(new DomainError("Consent.Date", "同意の記録日は受付日以降の日付を入力してください。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void RecordConsent_ObtainedAfterNotObtained_AppendsHistoryAndUpdatesCurrent()
    {
        var supportCase = OpenCase(Consent(ConsentStatus.NotObtained, method: null));
        var later = Now.AddHours(1);

        supportCase.RecordConsent(Consent(ConsentStatus.Obtained, Today, ConsentMethod.Verbal), ActingUser, later);

        Assert.Equal(ConsentStatus.Obtained, supportCase.CurrentConsent);
        Assert.Equal([ConsentStatus.NotObtained, ConsentStatus.Obtained], supportCase.Consents.Select(c => c.Status));
        var recorded = supportCase.Events[^1];
        Assert.Equal(CaseEventKind.ConsentRecorded, recorded.Kind);
        Assert.Equal("本人同意を「同意あり」と記録しました（口頭）。", recorded.Description);
        Assert.Equal(later.UtcDateTime, supportCase.UpdatedAt);
    }

    [Fact]
    public void RecordConsent_WithdrawnAfterObtained_KeepsBothRecords()
    {
        var supportCase = OpenCase(Consent(ConsentStatus.Obtained));

        supportCase.RecordConsent(Consent(ConsentStatus.Withdrawn, Today), ActingUser, Now);

        Assert.Equal(ConsentStatus.Withdrawn, supportCase.CurrentConsent);
        Assert.Equal([ConsentStatus.Obtained, ConsentStatus.Withdrawn], supportCase.Consents.Select(c => c.Status));
        Assert.Equal("本人同意を「同意撤回」と記録しました（書面）。", supportCase.Events[^1].Description);
    }

    [Fact]
    public void RecordConsent_ObtainedAgainAfterWithdrawal_IsAccepted()
    {
        var supportCase = OpenCase(Consent(ConsentStatus.Obtained));
        supportCase.RecordConsent(Consent(ConsentStatus.Withdrawn, Today), ActingUser, Now);

        supportCase.RecordConsent(Consent(ConsentStatus.Obtained, Today), ActingUser, Now);

        Assert.Equal(ConsentStatus.Obtained, supportCase.CurrentConsent);
        Assert.Equal(3, supportCase.Consents.Count);
    }

    [Fact]
    public void RecordConsent_WithdrawnWithoutAnyConsent_IsRefusedAndNothingRecorded()
    {
        var supportCase = OpenCase();

        var ex = Assert.Throws<DomainException>(() => supportCase.RecordConsent(Consent(ConsentStatus.Withdrawn), ActingUser, Now));

        Assert.Equal(new DomainError("Consent.Status", WithdrawWithoutConsent), Assert.Single(ex.Errors));
        Assert.Empty(supportCase.Consents);
        Assert.Null(supportCase.CurrentConsent);
        Assert.Single(supportCase.Events);
    }

    [Fact]
    public void RecordConsent_WithdrawnWhenNotObtained_IsRefused()
    {
        var supportCase = OpenCase(Consent(ConsentStatus.NotObtained, method: null));

        var ex = Assert.Throws<DomainException>(() => supportCase.RecordConsent(Consent(ConsentStatus.Withdrawn), ActingUser, Now));

        HasError(ex, "Consent.Status", WithdrawWithoutConsent);
        Assert.Equal(ConsentStatus.NotObtained, supportCase.CurrentConsent);
    }

    [Fact]
    public void RecordConsent_ObtainedTwice_IsRefused()
    {
        var supportCase = OpenCase(Consent(ConsentStatus.Obtained));

        var ex = Assert.Throws<DomainException>(() => supportCase.RecordConsent(Consent(ConsentStatus.Obtained, Today), ActingUser, Now));

        Assert.Equal(new DomainError("Consent.Status", "既に同意を得ています。"), Assert.Single(ex.Errors));
        Assert.Single(supportCase.Consents);
    }

    [Fact]
    public void RecordConsent_NotObtainedWhileObtained_MustBeRecordedAsWithdrawal()
    {
        var supportCase = OpenCase(Consent(ConsentStatus.Obtained));

        var ex = Assert.Throws<DomainException>(() => supportCase.RecordConsent(Consent(ConsentStatus.NotObtained, Today, null), ActingUser, Now));

        Assert.Equal(new DomainError("Consent.Status", "同意を得ている場合は「同意撤回」として記録してください。"), Assert.Single(ex.Errors));
        Assert.Equal(ConsentStatus.Obtained, supportCase.CurrentConsent);
    }

    [Theory]
    [InlineData(ConsentStatus.Obtained, null)]
    [InlineData(ConsentStatus.Withdrawn, ConsentStatus.Obtained)]
    public void RecordConsent_ObtainedOrWithdrawnWithoutMethod_IsRefused(ConsentStatus status, ConsentStatus? before)
    {
        var supportCase = OpenCase(before is { } initial ? Consent(initial) : null);

        var ex = Assert.Throws<DomainException>(() => supportCase.RecordConsent(Consent(status, Today, method: null), ActingUser, Now));

        Assert.Equal(new DomainError("Consent.Method", "同意の方法（書面・口頭など）を選択してください。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void RecordConsent_DateBeforeIntake_IsRefused()
    {
        var supportCase = OpenCase();

        var ex = Assert.Throws<DomainException>(() => supportCase.RecordConsent(Consent(ConsentStatus.Obtained, IntakeDate.AddDays(-1)), ActingUser, Now));

        Assert.Equal(new DomainError("Consent.Date", "同意の記録日は受付日以降の日付を入力してください。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void RecordConsent_DateBeforePreviousRecord_IsRefused()
    {
        var supportCase = OpenCase(Consent(ConsentStatus.Obtained, Today));

        var ex = Assert.Throws<DomainException>(() => supportCase.RecordConsent(Consent(ConsentStatus.Withdrawn, Today.AddDays(-1)), ActingUser, Now));

        Assert.Equal(new DomainError("Consent.Date", "同意の記録日は前回の記録日以降の日付を入力してください。"), Assert.Single(ex.Errors));
        Assert.Equal(ConsentStatus.Obtained, supportCase.CurrentConsent);
    }

    [Fact]
    public void RecordConsent_FutureDate_IsRefused()
    {
        var supportCase = OpenCase();

        var ex = Assert.Throws<DomainException>(() => supportCase.RecordConsent(Consent(ConsentStatus.Obtained, Today.AddDays(1)), ActingUser, Now));

        Assert.Equal(new DomainError("Consent.Date", "同意の記録日に未来の日付は入力できません。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void RecordConsent_NoteOverMaxLength_IsRefused()
    {
        var supportCase = OpenCase();

        var ex = Assert.Throws<DomainException>(() => supportCase.RecordConsent(
            new ConsentDetails(ConsentStatus.Obtained, Today, ConsentMethod.Written, new string('備', ConsentRecord.NoteMaxLength + 1)), ActingUser, Now));

        Assert.Equal(new DomainError("Consent.Note", "同意の備考は500文字以内で入力してください（現在501文字）。"), Assert.Single(ex.Errors));
    }
}
