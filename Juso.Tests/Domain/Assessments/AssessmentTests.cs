using Juso.Domain.Assessments;
using Juso.Domain.Cases;
using Juso.Domain.Common;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Assessments;

public class AssessmentTests
{
    [Fact]
    public void Record_WholeHousehold_KeepsMemberIssuesAndSources()
    {
        var supportCase = CaseIn(CaseStage.Assessment);
        var details = Details() with
        {
            MemberIssues = [new MemberIssueDetails(101, "通院が途切れている"), new MemberIssueDetails(102, "就労経験がない")],
            Sources = [new SourceDetails(ReferringAgencyId, null, IntakeDate, "包括の訪問で母の物忘れが進んでいると把握"), new SourceDetails(null, "民生委員", null, "夜間に長男の大声がする")],
        };

        var assessment = Assessment.Record(supportCase, 2, details, [101, 102], [ReferringAgencyId], ActingUser, Now);

        Assert.Equal(2, assessment.AssessmentVersion);
        Assert.Equal(2, assessment.MemberIssues.Count);
        Assert.Equal("民生委員", assessment.Sources[1].SourceName);
        Assert.Equal(ActingUser.Name, assessment.RecordedByName);
    }

    [Fact]
    public void Record_MissingSituation_UnknownMember_SourceWithoutOrigin_AreAllReported()
    {
        var supportCase = CaseIn(CaseStage.Assessment);
        var details = Details() with
        {
            Situation = "",
            MemberIssues = [new MemberIssueDetails(999, "課題")],
            Sources = [new SourceDetails(null, null, Today.AddDays(1), "内容")],
        };

        var ex = Assert.Throws<DomainException>(() => Assessment.Record(supportCase, 1, details, [101], [], ActingUser, Now));

        HasError(ex, "Situation", "世帯の状況を入力してください。");
        HasError(ex, "MemberIssues[0].MemberId", "この世帯の世帯員を選択してください。");
        HasError(ex, "Sources[0].SourceName", "情報の出所（機関または人）を入力してください。");
        HasError(ex, "Sources[0].ReceivedOn", "情報を得た日に未来の日付は入力できません。");
    }

    [Theory]
    [InlineData(CaseStage.Intake)]
    [InlineData(CaseStage.Closed)]
    public void Record_BeforeAssessmentStageOrAfterClosure_IsRefused(CaseStage stage)
    {
        var supportCase = stage == CaseStage.Intake ? OpenCase() : CaseIn(stage);

        Assert.Throws<DomainException>(() => Assessment.Record(supportCase, 1, Details(), [], [], ActingUser, Now));
    }

    private static AssessmentDetails Details() =>
        new("母と長男の二人暮らし", "母は要介護1", "年金のみ", "持ち家", "長男と母の会話は少ない", "近所づきあいはない", "母は料理が得意", "家で暮らし続けたい", [], []);
}
