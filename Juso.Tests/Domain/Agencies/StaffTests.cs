using Juso.Domain.Agencies;
using Juso.Domain.Common;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Agencies;

public class StaffTests
{
    [Fact]
    public void Create_ActiveAgency_BelongsToTheAgencyWithKanaNormalised()
    {
        var staff = Staff.Create(AgencyWithId(5), " 佐藤 恵 ", "さとう ｹｲ", " 社会福祉士 ", Now);

        Assert.Equal(5, staff.AgencyId);
        Assert.Equal("佐藤 恵", staff.Name);
        Assert.Equal("サトウ\u3000ケイ", staff.Kana);
        Assert.Equal("社会福祉士", staff.Title);
        Assert.True(staff.IsActive);
    }

    [Fact]
    public void Create_InactiveAgency_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Staff.Create(AgencyWithId(5, active: false), "佐藤 恵", "サトウ ケイ", null, Now));

        Assert.Equal(new DomainError("AgencyId", "休止中の機関には職員を登録できません。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Create_MissingNameAndKana_GivesBothMessages()
    {
        var ex = Assert.Throws<DomainException>(() => Staff.Create(AgencyWithId(5), " ", "", null, Now));

        HasError(ex, "Name", "氏名を入力してください。");
        HasError(ex, "Kana", "フリガナを入力してください。");
        Assert.Equal(2, ex.Errors.Count);
    }

    [Fact]
    public void Create_KanaInLatinLetters_IsRefusedOnKana()
    {
        var ex = Assert.Throws<DomainException>(() => Staff.Create(AgencyWithId(5), "佐藤 恵", "Sato Kei", null, Now));

        Assert.Equal(new DomainError("Kana", "フリガナはカタカナまたはひらがなで入力してください。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Create_NameAndTitleOverMaxLength_AreRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Staff.Create(AgencyWithId(5),
            new string('佐', Staff.NameMaxLength + 1), "サトウ", new string('職', Staff.TitleMaxLength + 1), Now));

        HasError(ex, "Name", "氏名は50文字以内で入力してください（現在51文字）。");
        HasError(ex, "Title", "職名は50文字以内で入力してください（現在51文字）。");
    }

    [Fact]
    public void Update_InvalidKana_LeavesStaffUnchanged()
    {
        var staff = Staff.Create(AgencyWithId(5), "佐藤 恵", "サトウ ケイ", "社会福祉士", Now);

        Assert.Throws<DomainException>(() => staff.Update("佐藤 恵子", "佐藤", null, Now.AddDays(1)));

        Assert.Equal("佐藤 恵", staff.Name);
        Assert.Equal("サトウ\u3000ケイ", staff.Kana);
        Assert.Equal("社会福祉士", staff.Title);
    }

    [Fact]
    public void Update_ValidInput_ChangesNameKanaAndTitle()
    {
        var staff = Staff.Create(AgencyWithId(5), "佐藤 恵", "サトウ ケイ", "社会福祉士", Now);

        staff.Update("田中 恵", "たなか けい", null, Now.AddDays(1));

        Assert.Equal("田中 恵", staff.Name);
        Assert.Equal("タナカ\u3000ケイ", staff.Kana);
        Assert.Null(staff.Title);
    }

    [Fact]
    public void DeactivateThenActivate_TogglesIsActive()
    {
        var staff = Staff.Create(AgencyWithId(5), "佐藤 恵", "サトウ ケイ", null, Now);

        staff.Deactivate(Now);
        Assert.False(staff.IsActive);

        staff.Activate(Now);
        Assert.True(staff.IsActive);
    }
}
