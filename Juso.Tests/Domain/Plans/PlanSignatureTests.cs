using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Plans;
using static Juso.Tests.Domain.TestData;

namespace Juso.Tests.Domain.Plans;

public sealed class PlanSignatureTests
{
    private static readonly byte[] Pdf = "%PDF-1.4 printed plan"u8.ToArray();

    [Fact]
    public void PrintForSignature_ApprovedPlan_KeepsTheExactBytesTheirHashAndTheVersion()
    {
        var plan = ApprovedPlan(CaseIn(CaseStage.Planning));

        var print = PlanSignature.PrintForSignature(plan, Pdf, ActingUser, Now);

        Assert.Equal(Pdf, print.Pdf);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), print.Sha256);
        Assert.Equal(plan.PlanVersion, print.PlanVersion);
        Assert.False(print.IsSigned);
        Pdf[0] = (byte)'X';
        Assert.Equal((byte)'%', print.Pdf[0]);
        Pdf[0] = (byte)'%';
    }

    [Fact]
    public void PrintForSignature_WholeHouseholdPlan_IsRefused()
    {
        var supportCase = OpenCase(Consent(ConsentStatus.NotObtained));
        supportCase.StartAssessment(ActingUser, Now);
        supportCase.StartPlanning(AssessmentOf(supportCase), ActingUser, Now);
        var plan = ApprovedPlan(supportCase);
        Assert.Equal(PlanKind.WholeHousehold, plan.Kind);

        var error = Assert.Throws<DomainException>(() => PlanSignature.PrintForSignature(plan, Pdf, ActingUser, Now));

        Assert.Equal("世帯丸ごと支援プランは内部資料のため、署名用に印刷できません（取扱注意・本人交付不可）。", error.Message);
    }

    [Fact]
    public void PrintForSignature_Draft_IsRefused()
    {
        var plan = SupportPlan.Draft(CaseIn(CaseStage.Planning), Now);

        var error = Assert.Throws<DomainException>(() => PlanSignature.PrintForSignature(plan, Pdf, ActingUser, Now));

        Assert.Contains("承認済みまたは実施中の支援プランだけです", error.Message);
    }

    [Fact]
    public void MarkSigned_RecordsWhenWhoAndHow_OnlyOnce()
    {
        var print = PlanSignature.PrintForSignature(ApprovedPlan(CaseIn(CaseStage.Planning)), Pdf, ActingUser, Now);

        print.MarkSigned(Today, "山田 一郎", SignatureMethod.InPerson, null, ActingUser, Now);

        Assert.True(print.IsSigned);
        Assert.Equal(Today, print.SignedOn);
        Assert.Equal(ActingUser.Name, print.RecordedByName);
        var again = Assert.Throws<DomainException>(() => print.MarkSigned(Today, "別の人", SignatureMethod.Mail, null, ActingUser, Now));
        Assert.Contains("既に署名済み", again.Message);
        Assert.Equal("山田 一郎", print.SignedBy);
    }

    [Fact]
    public void MarkSigned_FutureOrBeforePrintDate_MissingSignerAndMethod_AreAllReported()
    {
        var print = PlanSignature.PrintForSignature(ApprovedPlan(CaseIn(CaseStage.Planning)), Pdf, ActingUser, Now);

        var future = Assert.Throws<DomainException>(() => print.MarkSigned(Today.AddDays(1), " ", null, null, ActingUser, Now));
        HasError(future, nameof(PlanSignature.SignedOn), "署名日に未来の日付は入力できません。");
        HasError(future, nameof(PlanSignature.SignedBy), "署名した人を入力してください。");
        HasError(future, nameof(PlanSignature.Method), "署名の方法を選択してください。");
        var before = Assert.Throws<DomainException>(() => print.MarkSigned(Today.AddDays(-1), "山田 一郎", SignatureMethod.Mail, null, ActingUser, Now));
        HasError(before, nameof(PlanSignature.SignedOn), "署名日は印刷日（2026/11/23）以降の日付を入力してください。");
        Assert.False(print.IsSigned);
    }

    [Fact]
    public void AttachScan_ChecksTheContentNotTheName_AndTheSize()
    {
        var print = PlanSignature.PrintForSignature(ApprovedPlan(CaseIn(CaseStage.Planning)), Pdf, ActingUser, Now);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };

        var unsigned = Assert.Throws<DomainException>(() => print.AttachScan("scan.png", png, Now));
        Assert.Contains("署名済みとして記録してから", unsigned.Message);

        print.MarkSigned(Today, "山田 一郎", SignatureMethod.Mail, "返送分", ActingUser, Now);
        var fake = Assert.Throws<DomainException>(() => print.AttachScan("scan.pdf", "MZ not a pdf"u8.ToArray(), Now));
        HasError(fake, nameof(PlanSignature.Scan), "添付できるのはPDF・JPEG・PNGのファイルだけです。");
        var big = new byte[PlanSignature.MaxScanBytes + 1];
        png.CopyTo(big, 0);
        var tooBig = Assert.Throws<DomainException>(() => print.AttachScan("scan.png", big, Now));
        Assert.Contains("10MBまでです", tooBig.Message);

        print.AttachScan("/tmp/../署名済み.png", png, Now);
        Assert.Equal("image/png", print.ScanContentType);
        Assert.Equal("署名済み.png", print.ScanFileName);
    }

    [Theory]
    [InlineData("evil.html", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "evil.pdf")]
    [InlineData("scan.pdf", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1 }, "scan.png")]
    [InlineData("photo.svg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "photo.jpg")]
    [InlineData("noextension", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "noextension.jpg")]
    [InlineData(".html", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "signed-copy.pdf")]
    [InlineData(null, new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "signed-copy.pdf")]
    public void AttachScan_AnyUploadedName_KeepsTheExtensionOfTheSniffedType(string? uploaded, byte[] content, string expected)
    {
        var print = PlanSignature.PrintForSignature(ApprovedPlan(CaseIn(CaseStage.Planning)), Pdf, ActingUser, Now);
        print.MarkSigned(Today, "山田 一郎", SignatureMethod.Mail, null, ActingUser, Now);

        print.AttachScan(uploaded, content, Now);

        Assert.Equal(expected, print.ScanFileName);
        Assert.Equal(expected, PlanSignature.ScanFileNameFor(print.ScanFileName, print.ScanContentType!));
    }
}
