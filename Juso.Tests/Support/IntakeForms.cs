using Juso.Domain.Cases;
using Juso.Domain.Households;
using Juso.Portal.Features.Cases;

namespace Juso.Tests.Support;

/// <summary>Valid intake forms to start from; tests break one field at a time.</summary>
public static class IntakeForms
{
    public static IntakeForm Valid(DateTime? intakeDate = null, int? referringAgencyId = null, string family = "山田", string familyKana = "ヤマダ") => new()
    {
        IntakeDate = intakeDate ?? new DateTime(2026, 11, 20),
        IntakeRoute = referringAgencyId is null ? IntakeRoute.Counter : IntakeRoute.AgencyReferral,
        ReferringAgencyId = referringAgencyId,
        Concerns = ["EightyFifty", "Hikikomori"],
        IntakeSummary = "80代の母と50代の長男の二人暮らし。長男が長くひきこもりの状態にある。",
        Address = "ひばり野市東町1丁目1番地",
        Members =
        [
            new MemberForm { FamilyName = family, GivenName = "一郎", FamilyNameKana = familyKana, GivenNameKana = "イチロウ", BirthDate = new DateTime(1972, 5, 1), Relationship = Relationship.Principal },
            new MemberForm { FamilyName = family, GivenName = "和子", FamilyNameKana = familyKana, GivenNameKana = "かずこ", BirthDate = new DateTime(1942, 3, 3), Relationship = Relationship.Parent },
        ],
        Consent = new ConsentForm { Status = ConsentStatus.Obtained, Date = new DateTime(2026, 11, 20), Method = ConsentMethod.Written },
    };
}
