using Juso.Domain.Meetings;
using Juso.Domain.Plans;
using Juso.Portal.Features.Documents;

namespace Juso.Tests.Support;

/// <summary>Fictional documents for rendering tests and the documents benchmark (bench/Juso.Bench.Documents links this file).</summary>
public static class DocumentSamples
{
    public static readonly DateTimeOffset PrintedAt = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(9));

    private static readonly string[] Agencies =
    [
        "東部地域包括支援センター", "こども家庭センター", "くらしサポートセンター（生活困窮者自立相談支援機関）", "障害者基幹相談支援センター",
        "ひばり野市社会福祉協議会", "ひばり野市保健センター", "ひばり野市立東小学校", "ハローワークひばり野",
    ];

    /// <summary>A 支援プラン whose role-assignment table runs onto a second page.</summary>
    public static PlanDocumentModel TwoPagePlan(PlanKind kind = PlanKind.WithConsent, int assignments = 6) => new()
    {
        Municipality = "ひばり野市",
        PrintedAt = PrintedAt,
        CaseNumber = "2026-0012",
        PlanVersion = 2,
        Kind = kind,
        Status = PlanStatus.Active,
        ApprovedOn = new DateOnly(2026, 11, 20),
        ApprovalNote = "令和8年度第5回重層的支援会議",
        StartOn = new DateOnly(2026, 11, 23),
        HouseholdAddress = "ひばり野市東町1丁目1番地 ひばり野ハイツ203号室",
        PersonName = "山田\u3000一郎",
        PersonKana = "ヤマダ\u3000イチロウ",
        Members =
        [
            new("山田\u3000一郎", "ヤマダ\u3000イチロウ", "本人"),
            new("山田\u3000和子", "ヤマダ\u3000カズコ", "親"),
            new("山田\u3000花", "ヤマダ\u3000ハナ", "子"),
        ],
        Goals =
        [
            new("長期目標", "母と長男が、地域のつながりの中で、安心して暮らし続けられるようにする。"),
            new("短期目標", "家計の状況を整理し、滞納している家賃と公共料金の支払い計画を立てる。"),
            new("短期目標", "長男が、週に1回、地域の居場所（参加支援）に通えるようにする。"),
            new("短期目標", "母の介護保険の認定を受け、通所サービスの利用を始める。"),
        ],
        Assignments = Enumerable.Range(1, assignments).Select(i => new PlanAssignmentLine(
            Agencies[(i - 1) % Agencies.Length],
            $"担当者{i:D2}",
            $"支援内容{i:D2}：本人と世帯の状況を確認し、必要な支援につなぐ。「居場所」への同行、関係機関との連絡調整、家計の見直し、就労に向けた準備を行い、月ごとに進み具合を共有する。",
            i % 2 == 0 ? "月1回" : "週1回",
            new DateOnly(2026, 11, 23),
            new DateOnly(2027, 3, 31),
            string.Empty)).ToList(),
        LeadAgency = "くらしサポートセンター（生活困窮者自立相談支援機関）",
        MonitoringIntervalDays = 60,
        NextMonitoringDue = new DateOnly(2027, 1, 22),
        UsesParticipationSupport = true,
        UsesOutreach = true,
        CoordinatorName = "中川\u3000浩二",
    };

    /// <summary>A regular session's agenda with 12 cases (the recommended maximum).</summary>
    public static AgendaDocumentModel TwelveCaseAgenda(MeetingKind kind = MeetingKind.MultiLayered, bool masked = false) => new()
    {
        Municipality = "ひばり野市",
        PrintedAt = PrintedAt,
        Kind = kind,
        Reference = Juso.Domain.Meetings.Meeting.ReferenceOf(kind, new Juso.Domain.Common.FiscalYear(2026), 3),
        Cadence = MeetingCadence.Regular,
        ScheduledAt = new DateTimeOffset(2026, 12, 4, 13, 30, 0, TimeSpan.FromHours(9)),
        Place = "ひばり野市役所 本庁舎 3階 第2会議室",
        ChairName = "石田\u3000美穂",
        Members = Agencies.Select((a, i) => new AgendaMemberLine($"構成員{i + 1:D2}", a)).Prepend(new AgendaMemberLine("石田\u3000美穂", "ひばり野市 福祉総合相談課")).ToList(),
        Items = Enumerable.Range(1, 12).Select(i => new AgendaItemLine(
            i,
            new DateTimeOffset(2026, 12, 4, 13, 30, 0, TimeSpan.FromHours(9)).AddMinutes((i - 1) * 10),
            10,
            $"2026-{i:D4}",
            masked ? $"Y.{(char)('A' + i)}." : $"山田\u3000{i}郎",
            i % 3 == 0 ? "モニタリング" : "プラン案の協議",
            Agencies[i % Agencies.Length],
            i == 1
                ? [new Juso.Portal.Features.Meetings.PreviousActionItem(1, "令和8年度第2回重層的支援会議", "家計の状況を確認する", Agencies[0], "藤井", new DateOnly(2026, 11, 30), null, null)]
                : [])).ToList(),
        NamesMasked = masked,
    };

    /// <summary>Approved minutes of a 12-case regular session, each case with decisions, three agreed assignments and an action item.</summary>
    public static MinutesDocumentModel TwelveCaseMinutes(MeetingKind kind = MeetingKind.MultiLayered) => new()
    {
        Municipality = "ひばり野市",
        PrintedAt = PrintedAt,
        Kind = kind,
        Reference = Juso.Domain.Meetings.Meeting.ReferenceOf(kind, new Juso.Domain.Common.FiscalYear(2026), 3),
        Cadence = MeetingCadence.Regular,
        ScheduledAt = new DateTimeOffset(2026, 12, 4, 13, 30, 0, TimeSpan.FromHours(9)),
        Place = "ひばり野市役所 本庁舎 3階 第2会議室",
        ChairName = "石田\u3000美穂",
        ApprovedAt = new DateTimeOffset(2026, 12, 4, 16, 0, 0, TimeSpan.FromHours(9)),
        Attendance = Agencies.Select((a, i) => new MinutesAttendanceLine($"構成員{i + 1:D2}", a, false, i % 4 != 3))
            .Prepend(new MinutesAttendanceLine("石田\u3000美穂", "ひばり野市 福祉総合相談課", true, true)).ToList(),
        Items = Enumerable.Range(1, 12).Select(i => new MinutesItemLine(
            i,
            $"2026-{i:D4}",
            $"山田\u3000{i}郎",
            i % 3 == 0 ? "モニタリング" : "プラン案の協議",
            i % 3 == 0 ? "現在の支援を継続" : "プランを承認",
            i % 3 == 0 ? ["所見: 訪問が定着し、家計の見通しが立ってきた。", "目標「滞納を解消する」: 進展あり（滞納が減っている）"] : [],
            [$"主担当は{Agencies[i % Agencies.Length]}とし、月1回の訪問で世帯の状況を確認する。", "次回の会議でモニタリングの結果を報告する。"],
            Enumerable.Range(0, 3).Select(k => new Juso.Portal.Features.Meetings.AgreedAssignmentView(Agencies[(i + k) % Agencies.Length], $"担当{k + 1}", $"役割分担{i}-{k + 1}：家計と生活の相談", "月1回", "実施中")).ToList(),
            [new MinutesActionLine($"対応事項{i}：関係機関に状況を確認する", Agencies[i % Agencies.Length], new DateOnly(2026, 12, 18))])).ToList(),
    };
}
