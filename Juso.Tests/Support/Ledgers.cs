using System.Text;
using Juso.Domain.Common;

namespace Juso.Tests.Support;

/// <summary>Ledgers (台帳) built in the test, never committed as spreadsheets of people: every name is made up.</summary>
public static class Ledgers
{
    public const string TemplateHeadings = "台帳番号,受付日,氏名,ふりがな,相談分類,相談経路,紹介元機関,本人同意,プラン承認日,終結日,終結区分";

    public static byte[] Utf8(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static byte[] Utf8WithBom(params string[] lines) => [.. Encoding.UTF8.Preamble, .. Utf8(lines)];

    public static byte[] Cp932(params string[] lines)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932).GetBytes(string.Join("\r\n", lines) + "\r\n");
    }

    /// <summary>A row of <see cref="TemplateHeadings"/>.</summary>
    public static string Row(string number, string intake, string name = "山田 花子", string kana = "やまだ はなこ", string categories = "ひきこもり",
        string route = "", string referring = "", string consent = "あり", string plans = "", string closed = "", string closure = "") =>
        string.Join(",", number, intake, name, kana, categories, route, referring, consent, plans, closed, closure);

    /// <summary>
    /// 立川市's published R2–R6 table (seed 000, 第2節 3(1)), used as test data: 年度内新規受付件数, 終結件数 (oldest open case
    /// closed first), 新規プラン作成件数 (R4–R6), the 相談者内訳 per category (multi-count, blank where the year's list lacked it)
    /// and its 相談経路 row 「困窮相談振分会議より」.
    /// </summary>
    public static class Tachikawa
    {
        public static readonly int[] New = [72, 56, 66, 43, 52];
        public static readonly int[] Handled = [72, 107, 149, 161, 193];
        public static readonly int[] Closed = [21, 24, 31, 20, 77];
        public static readonly int[] FirstPlans = [0, 0, 11, 11, 6];

        /// <summary>相談経路 「困窮相談振分会議より」 (the table's first row of 相談者内訳; not yet counted in R2–R3, so 0 there).</summary>
        public static readonly int[] FromTriageMeeting = [0, 0, 3, 0, 1];

        /// <summary>Heading of the ledger's column → the figure per year. Four headings are not the master's names (…分野).</summary>
        public static readonly (string Heading, string Code, int[] Counts)[] Categories =
        [
            ("ヤングケアラー", "YoungCarer", [0, 0, 1, 1, 2]),
            ("ひきこもり", "Hikikomori", [20, 11, 26, 21, 20]),
            ("8050", "EightyFifty", [21, 8, 4, 7, 6]),
            ("病気・障害等", "IllnessOrDisability", [40, 39, 43, 24, 28]),
            ("不就労", "Unemployment", [26, 21, 24, 19, 15]),
            ("不登校", "SchoolRefusal", [5, 4, 8, 1, 1]),
            ("高齢・介護分野", "ElderlyCare", [0, 0, 11, 20, 9]),
            ("子ども分野", "Children", [0, 0, 12, 6, 10]),
            ("障害分野", "Disability", [0, 0, 21, 15, 18]),
            ("困窮分野", "Poverty", [0, 0, 17, 14, 18]),
            ("その他", "Other", [3, 8, 18, 5, 9]),
        ];

        public static byte[] Ledger()
        {
            var lines = new List<string> { "台帳番号,受付日,氏名,ふりがな,プラン承認日,終結日,相談経路," + string.Join(",", Categories.Select(c => c.Heading)) };
            var open = new List<int>();
            var rows = new List<(DateOnly Intake, string? Plan, DateOnly? Closed, string Route, bool[] Marks)>();
            for (var y = 0; y < New.Length; y++)
            {
                var year = new FiscalYear(2020 + y);
                var first = rows.Count;
                for (var i = 0; i < New[y]; i++)
                {
                    var intake = year.FirstDay.AddDays(i % 180);
                    rows.Add((intake, i < FirstPlans[y] ? Date(intake.AddDays(30), i) : null, null,
                        i < FromTriageMeeting[y] ? "困窮相談振分会議より" : string.Empty, new bool[Categories.Length]));
                    open.Add(first + i);
                }
                // Each category marks its count of the year's new cases, cyclically, so that every case has at least one.
                var next = 0;
                for (var c = 0; c < Categories.Length; c++)
                {
                    for (var k = 0; k < Categories[c].Counts[y]; k++)
                    {
                        rows[first + next % New[y]].Marks[c] = true;
                        next++;
                    }
                }
                foreach (var closing in open.Take(Closed[y]).ToList())
                {
                    rows[closing] = rows[closing] with { Closed = year.LastDay.AddDays(-40) };
                    open.Remove(closing);
                }
            }
            for (var r = 0; r < rows.Count; r++)
            {
                var (intake, plan, closed, route, marks) = rows[r];
                lines.Add(string.Join(",", $"T-{r + 1:D4}", Date(intake, r), $"立川 試験{r + 1}", "たちかわ しけん", plan ?? string.Empty,
                    closed is { } c ? Date(c, r) : string.Empty, route, string.Join(",", marks.Select(m => m ? "○" : string.Empty))));
            }
            return Utf8(lines.ToArray());
        }

        /// <summary>和暦 on odd rows, 西暦 on even ones: a ledger kept by several hands.</summary>
        private static string Date(DateOnly date, int row) => row % 2 == 1 ? JapaneseFormat.WarekiDate(date) : date.ToString("yyyy/M/d");
    }
}
