using Juso.Domain.Common;
using Juso.Domain.Community;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Community;

public sealed class CommunityPlaceTests
{
    private static CommunityPlace Place() =>
        CommunityPlace.Create(new PlaceDetails("ひばりの家 オープンデー", PlaceKind.DropIn, "社会福祉協議会", "東町", "毎週火・金", null), Now);

    [Fact]
    public void RecordSession_AddsUpTheParticipants_OneRecordPerDay()
    {
        var place = Place();

        place.RecordSession(Today.AddDays(-7), 8, null, Now);
        place.RecordSession(Today, 11, "新しい人が1人", Now);

        Assert.Equal(19, place.TotalParticipants);
        var error = Assert.Throws<DomainException>(() => place.RecordSession(Today, 3, null, Now));
        Assert.Contains("この日の開催はすでに記録されています", error.Message);
        Assert.Throws<DomainException>(() => place.RecordSession(Today.AddDays(1), 3, null, Now));
    }

    [Fact]
    public void RecordReferral_NeedsACaseOrAReference()
    {
        var place = Place();

        var error = Assert.Throws<DomainException>(() => place.RecordReferral(Today, null, null, " ", null, Now));
        Assert.Contains("つながったケースかアウトリーチ対象者を選ぶか", error.Message);

        place.RecordReferral(Today, 12, null, null, null, Now);
        place.RecordReferral(Today, null, 7, null, null, Now);
        place.RecordReferral(Today, null, null, "東町の男性（60代）", "アウトリーチにつないだ", Now);
        Assert.Equal(3, place.Referrals.Count);
    }

    [Fact]
    public void Archive_KeepsTheSessions_AndRefusesNewOnes()
    {
        var place = Place();
        place.RecordSession(Today, 5, null, Now);

        place.Archive(Now);

        Assert.Equal(5, place.TotalParticipants);
        Assert.Throws<DomainException>(() => place.RecordSession(Today.AddDays(-1), 5, null, Now));
    }
}
