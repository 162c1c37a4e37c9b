using Juso.Domain.Agencies;
using Juso.Domain.Common;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Agencies;

public class AgencyTests
{
    [Fact]
    public void Create_ValidInput_IsActiveWithTrimmedValues()
    {
        var agency = Agency.Create("  中央地域包括支援センター ", AgencyField.Elderly, AgencyOperation.Contracted, " 03-1111-2222 ", Now);

        Assert.Equal("中央地域包括支援センター", agency.Name);
        Assert.Equal(AgencyField.Elderly, agency.Field);
        Assert.Equal(AgencyOperation.Contracted, agency.Operation);
        Assert.Equal("03-1111-2222", agency.Contact);
        Assert.True(agency.IsActive);
        Assert.Equal(Now.UtcDateTime, agency.CreatedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_NoName_IsRefusedOnName(string? name)
    {
        var ex = Assert.Throws<DomainException>(() => Agency.Create(name!, AgencyField.Elderly, AgencyOperation.Direct, null, Now));

        Assert.Equal(new DomainError("Name", "機関名を入力してください。"), Assert.Single(ex.Errors));
    }

    [Fact]
    public void Create_NameAndContactOverMaxLength_AreBothRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Agency.Create(
            new string('あ', Agency.NameMaxLength + 1), AgencyField.Elderly, AgencyOperation.Direct,
            new string('1', Agency.ContactMaxLength + 1), Now));

        HasError(ex, "Name", "機関名は100文字以内で入力してください（現在101文字）。");
        HasError(ex, "Contact", "連絡先は200文字以内で入力してください（現在201文字）。");
    }

    [Fact]
    public void Create_UndefinedFieldAndOperation_AreRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Agency.Create("障害者相談支援センター", (AgencyField)99, (AgencyOperation)99, null, Now));

        HasError(ex, "Field", "分野を選択してください。");
        HasError(ex, "Operation", "運営形態（直営・委託）を選択してください。");
        Assert.Equal(2, ex.Errors.Count);
    }

    [Fact]
    public void Update_InvalidInput_LeavesAgencyUnchanged()
    {
        var agency = AgencyWithId(5, "中央地域包括支援センター");

        Assert.Throws<DomainException>(() => agency.Update("", AgencyField.Children, AgencyOperation.Contracted, "連絡先", Now.AddDays(1)));

        Assert.Equal("中央地域包括支援センター", agency.Name);
        Assert.Equal(AgencyField.Elderly, agency.Field);
        Assert.Equal(AgencyOperation.Direct, agency.Operation);
        Assert.Null(agency.Contact);
        Assert.Equal(Now.UtcDateTime, agency.UpdatedAt);
    }

    [Fact]
    public void Update_ValidInput_ChangesDetailsAndUpdatedAt()
    {
        var agency = AgencyWithId(5);
        var later = Now.AddDays(1);

        agency.Update("子ども家庭支援センター", AgencyField.Children, AgencyOperation.Contracted, "03-0000-0000", later);

        Assert.Equal("子ども家庭支援センター", agency.Name);
        Assert.Equal(AgencyField.Children, agency.Field);
        Assert.Equal(AgencyOperation.Contracted, agency.Operation);
        Assert.Equal("03-0000-0000", agency.Contact);
        Assert.Equal(later.UtcDateTime, agency.UpdatedAt);
        Assert.Equal(Now.UtcDateTime, agency.CreatedAt);
    }

    [Fact]
    public void DeactivateThenActivate_TogglesIsActive()
    {
        var agency = AgencyWithId(5);

        agency.Deactivate(Now);
        Assert.False(agency.IsActive);

        agency.Activate(Now);
        Assert.True(agency.IsActive);
    }
}
