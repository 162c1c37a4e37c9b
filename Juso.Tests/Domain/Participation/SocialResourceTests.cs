using Juso.Domain.Common;
using Juso.Domain.Participation;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Participation;

public sealed class SocialResourceTests
{
    private static ResourceDetails Details(string? name = "ひばりの家") =>
        new(name, ResourceKind.DropIn, "立ち寄れる居場所", "東町", "火・金", "誰でも", "社協 青木", "段差なし", 15);

    [Fact]
    public void Archive_WhileAPersonIsMatchedToIt_IsRefused_ThenAllowedOnceThePlansEnded()
    {
        var resource = SocialResource.Register(Details(), Now);

        var error = Assert.Throws<DomainException>(() => resource.Archive(openPlans: 1, Now));
        Assert.Contains("利用中の参加支援プランが1件あります", error.Message);
        Assert.Equal(ResourceStatus.Available, resource.Status);

        resource.Archive(openPlans: 0, Now);
        Assert.Equal(ResourceStatus.Archived, resource.Status);
        Assert.False(resource.AcceptsParticipants);
        Assert.Throws<DomainException>(() => resource.Update(Details("改名"), Now));
        resource.Restore(Now);
        Assert.True(resource.AcceptsParticipants);
    }

    [Fact]
    public void CheckDeletable_ResourceAPlanRefersTo_IsRefusedWithArchiveAsTheWay()
    {
        var resource = SocialResource.Register(Details(), Now);

        var error = Assert.Throws<DomainException>(() => resource.CheckDeletable(plansReferring: 2));

        Assert.Equal("参加支援プラン2件が参照しているため削除できません。提供をやめた社会資源はアーカイブしてください。", error.Message);
        resource.CheckDeletable(plansReferring: 0);
    }

    [Fact]
    public void RecordLack_NeedsWhereItWasRaised_AndIsNotMatchable()
    {
        var error = Assert.Throws<DomainException>(() => SocialResource.RecordLack(Details("夜の居場所"), null, null, Now));
        HasError(error, nameof(SocialResource.RaisedAt), "不足が挙がった場（会議名など）を入力してください。");
        HasError(error, nameof(SocialResource.RaisedOn), "不足が挙がった日を入力してください。");

        var lack = SocialResource.RecordLack(Details("夜の居場所"), "令和8年度第2回重層的支援会議", Today, Now);

        Assert.Equal(ResourceStatus.Lacking, lack.Status);
        Assert.False(lack.AcceptsParticipants);
        Assert.Equal("令和8年度第2回重層的支援会議", lack.RaisedAt);
    }

    [Fact]
    public void Develop_LackingResource_EntersTheDirectoryMarkedAsDeveloped_KeepingWhereTheLackWasRaised()
    {
        var lack = SocialResource.RecordLack(Details("夜の居場所"), "重層的支援会議", Today.AddDays(-30), Now);

        Assert.Throws<DomainException>(() => lack.Develop(Details("夜カフェ"), " ", Now));
        lack.Develop(Details("夜カフェ"), "商店街のカフェと話し合い、月2回の夜間開放を始めた。", Now);

        Assert.Equal(ResourceStatus.Available, lack.Status);
        Assert.True(lack.IsDeveloped);
        Assert.Equal(Today, lack.DevelopedOn);
        Assert.Equal("重層的支援会議", lack.RaisedAt);
        Assert.Throws<DomainException>(() => lack.Develop(Details(), "もう一度", Now));
    }

    [Fact]
    public void Register_InvalidCapacityAndNoName_ReportsBothFields()
    {
        var error = Assert.Throws<DomainException>(() => SocialResource.Register(Details(" ") with { Capacity = 0 }, Now));

        HasError(error, nameof(SocialResource.Name), "名称を入力してください。");
        HasError(error, nameof(SocialResource.Capacity), "定員は1から10000の間で入力してください（定めがなければ空欄）。");
    }
}
