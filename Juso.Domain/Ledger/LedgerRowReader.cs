using Juso.Domain.Cases;
using Juso.Domain.Common;
using Juso.Domain.Households;

namespace Juso.Domain.Ledger;

/// <summary>The master data a ledger's names are matched against: 相談分類 and agencies (by name, spaces and width ignored).</summary>
public sealed record LedgerMasters(LedgerCategories Categories, IReadOnlyDictionary<string, int> AgencyIdsByKey);

/// <summary>
/// Reads one row of a ledger under a column mapping. Never throws on what a cell holds: every problem comes back with
/// the row, the column's heading and a Japanese message saying what to fix; a row with any problem gives no record.
/// </summary>
public sealed class LedgerRowReader(IReadOnlyList<string> headings, IReadOnlyList<ColumnTarget> targets, LedgerMasters masters, DateOnly today)
{
    public const int NumberMaxLength = 50;

    public (LedgerRecord? Record, IReadOnlyList<LedgerProblem> Problems) Read(int row, IReadOnlyList<string?> cells)
    {
        var problems = new List<LedgerProblem>();
        var values = new Dictionary<LedgerField, (string Text, string Column)>();
        var categories = new List<string>();
        for (var i = 0; i < targets.Count; i++)
        {
            var text = i < cells.Count ? (cells[i] ?? string.Empty).Trim() : string.Empty;
            var column = i < headings.Count ? headings[i] : $"{i + 1}列目";
            if (targets[i].IsIgnored)
            {
                continue;
            }
            if (LedgerValues.ExcelError(text) is { } excelError)
            {
                problems.Add(new LedgerProblem(row, column, excelError));
                if (targets[i].Field is { } refused)
                {
                    values[refused] = (string.Empty, column);
                }
                continue;
            }
            if (targets[i].Field is { } field)
            {
                values[field] = (text, column);
            }
            else if (LedgerValues.Mark(text) is not { } marked)
            {
                problems.Add(new LedgerProblem(row, column, $"「{text}」は印として読めません。該当する分類は○（または1・✓）、該当しなければ空欄にしてください。"));
            }
            else if (marked)
            {
                AddCategory(targets[i].CategoryCode!, column, row, categories, problems);
            }
        }

        var context = new RowContext(row, values, problems, today);
        var number = context.Text(LedgerField.LedgerNumber, NumberMaxLength, required: true);
        var intake = context.Date(LedgerField.IntakeDate, required: true);
        if (intake is { } intakeDate && intakeDate < SupportCase.EarliestIntakeDate)
        {
            context.Problem(LedgerField.IntakeDate, "受付日は2000年以降の日付にしてください。");
        }
        var (familyName, givenName) = context.Name(LedgerField.Name, required: true);
        var (familyKana, givenKana) = context.Name(LedgerField.Kana, required: true);
        var birth = context.Date(LedgerField.BirthDate, required: false);
        if (birth is { } b && intake is { } i1 && b > i1)
        {
            context.Problem(LedgerField.BirthDate, "生年月日が受付日より後になっています。");
        }
        var sex = context.Choice(LedgerField.Sex, LedgerValues.Sex, "男・女（男性・女性、M・F）、その他、不明");
        var relationship = context.Choice(LedgerField.Relationship, LedgerValues.Relationship, LedgerValues.Labels(Enum.GetValues<Relationship>(), r => r.Label()))
            ?? Relationship.Principal;
        if (values.TryGetValue(LedgerField.Categories, out var categoryCell))
        {
            foreach (var item in LedgerText.Items(categoryCell.Text))
            {
                AddCategory(masters.Categories.CodeOf(item), categoryCell.Column, row, categories, problems, item);
            }
        }
        if (categories.Count == 0 && !problems.Any(p => p.Row == row && categoryCell.Column is not null && p.Column == categoryCell.Column))
        {
            problems.Add(new LedgerProblem(row, categoryCell.Column ?? LedgerFields.Of(LedgerField.Categories).Heading,
                $"相談分類を1つ以上入れてください（{string.Join("・", masters.Categories.Names)}）。"));
        }
        var referring = context.Agency(LedgerField.ReferringAgency, masters.AgencyIdsByKey);
        var lead = context.Agency(LedgerField.LeadAgency, masters.AgencyIdsByKey);
        var route = context.Choice(LedgerField.Route, LedgerValues.Route, LedgerValues.Labels(Enum.GetValues<IntakeRoute>(), r => r.Label()))
            ?? (referring is null ? IntakeRoute.Counter : IntakeRoute.AgencyReferral);
        if (route == IntakeRoute.AgencyReferral && referring is null && !context.HasProblem(LedgerField.ReferringAgency))
        {
            context.Problem(LedgerField.Route, "相談経路が「関係機関からのつなぎ」のときは、紹介元機関を入れてください。");
        }
        var consent = context.Choice(LedgerField.Consent, LedgerValues.Consent, "あり・なし・撤回");
        var consentDate = context.Date(LedgerField.ConsentDate, required: false);
        if (consentDate is { } cd && intake is { } i2 && cd < i2)
        {
            context.Problem(LedgerField.ConsentDate, "同意日が受付日より前になっています。");
        }
        if (consentDate is not null && consent is null && !context.HasProblem(LedgerField.Consent))
        {
            context.Problem(LedgerField.ConsentDate, "同意日があるときは、本人同意（あり・なし・撤回）も入れてください。");
        }
        var closedOn = context.Date(LedgerField.ClosedOn, required: false);
        if (closedOn is { } closed && intake is { } i3 && closed < i3)
        {
            context.Problem(LedgerField.ClosedOn, "終結日が受付日より前になっています。");
        }
        var handedBack = context.Choice(LedgerField.ClosureKind, text => LedgerValues.HandedBack(text), "終結・包括的相談支援へ戻す") ?? false;
        if (values.TryGetValue(LedgerField.ClosureKind, out var kindCell) && kindCell.Text.Length > 0 && closedOn is null && !context.HasProblem(LedgerField.ClosedOn))
        {
            context.Problem(LedgerField.ClosureKind, "終結区分があるときは、終結日も入れてください。");
        }
        var approvals = context.Dates(LedgerField.PlanApprovals);
        foreach (var approved in approvals)
        {
            if ((intake is { } i4 && approved < i4) || (closedOn is { } c2 && approved > c2))
            {
                context.Problem(LedgerField.PlanApprovals, $"プラン承認日 {JapaneseFormat.WarekiDate(approved)} が受付日から終結日までの間にありません。");
            }
        }
        var planKind = context.Choice(LedgerField.PlanKind, LedgerValues.PlanKind, "支援プラン・世帯丸ごと支援プラン");
        var address = context.Text(LedgerField.Address, Household.AddressMaxLength, required: false);
        var householdNumber = context.Text(LedgerField.HouseholdNumber, NumberMaxLength, required: false);
        var note = context.Text(LedgerField.Note, SupportCase.SummaryMaxLength, required: false);

        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var member = new MemberDetails(familyName, givenName, familyKana, givenKana, birth, relationship, Sex: sex);
        return (new LedgerRecord(row, number!, intake!.Value, member, address, householdNumber, categories.Distinct().Order(StringComparer.Ordinal).ToList(), route,
            referring, lead, consent, consentDate, approvals.Distinct().Order().ToList(), planKind, closedOn, handedBack, note), problems);
    }

    private void AddCategory(string? code, string column, int row, List<string> categories, List<LedgerProblem> problems, string? name = null)
    {
        if (code is null)
        {
            problems.Add(new LedgerProblem(row, column,
                $"相談分類「{name}」は分類マスタにありません（使える分類: {string.Join("・", masters.Categories.Names)}）。名前を直すか、分類マスタに追加してください。"));
        }
        else
        {
            categories.Add(code);
        }
    }

    /// <summary>The cells of one row by field, and the problems found so far.</summary>
    private sealed class RowContext(int row, Dictionary<LedgerField, (string Text, string Column)> values, List<LedgerProblem> problems, DateOnly today)
    {
        private string Column(LedgerField field) => values.TryGetValue(field, out var cell) ? cell.Column : LedgerFields.Of(field).Heading;

        private string Cell(LedgerField field) => values.TryGetValue(field, out var cell) ? cell.Text : string.Empty;

        public void Problem(LedgerField field, string message) => problems.Add(new LedgerProblem(row, Column(field), message));

        public bool HasProblem(LedgerField field) => problems.Any(p => p.Row == row && p.Column == Column(field));

        public string? Text(LedgerField field, int maxLength, bool required)
        {
            var text = Cell(field);
            var label = LedgerFields.Of(field).Heading;
            if (text.Length == 0)
            {
                // A cell already refused (an Excel error) is not also reported as empty.
                if (required && !HasProblem(field))
                {
                    Problem(field, $"{label}を入れてください。");
                }
                return null;
            }
            if (text.Length > maxLength)
            {
                Problem(field, $"{label}は{maxLength}文字以内にしてください（現在{text.Length}文字）。");
                return null;
            }
            if (!new RuleCheck().WellFormed(text, "x", label).Errors.Count.Equals(0))
            {
                Problem(field, $"{label}に使えない文字が含まれています。");
                return null;
            }
            return text;
        }

        public DateOnly? Date(LedgerField field, bool required)
        {
            var text = Cell(field);
            if (text.Length == 0)
            {
                if (required && !HasProblem(field))
                {
                    Problem(field, $"{LedgerFields.Of(field).Heading}を入れてください（{JapaneseDateParser.Example}）。");
                }
                return null;
            }
            return Checked(field, text);
        }

        public IReadOnlyList<DateOnly> Dates(LedgerField field) =>
            LedgerText.Items(Cell(field)).Select(item => Checked(field, item)).OfType<DateOnly>().ToList();

        private DateOnly? Checked(LedgerField field, string text)
        {
            if (!LedgerValues.TryDate(text, out var date, out var error))
            {
                Problem(field, error);
                return null;
            }
            if (date > today)
            {
                Problem(field, $"{LedgerFields.Of(field).Heading}「{text}」が未来の日付です。");
                return null;
            }
            return date;
        }

        /// <summary>氏 and 名 split at the first space (full- or half-width).</summary>
        public (string? Family, string? Given) Name(LedgerField field, bool required)
        {
            var text = Text(field, HouseholdMember.NameMaxLength * 2 + 1, required);
            if (text is null)
            {
                return (null, null);
            }
            var parts = text.Split([' ', '\u3000'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 2)
            {
                Problem(field, $"{LedgerFields.Of(field).Heading}「{text}」の氏と名の間に空白を入れてください（例: 山田 太郎）。");
                return (null, null);
            }
            return (parts[0], parts[1]);
        }

        public T? Choice<T>(LedgerField field, Func<string, T?> read, string allowed) where T : struct
        {
            var text = Cell(field);
            if (text.Length == 0 && field != LedgerField.Relationship)
            {
                return null;
            }
            if (read(text) is { } value)
            {
                return value;
            }
            Problem(field, $"{LedgerFields.Of(field).Heading}「{text}」は読めません（{allowed}のどれかにしてください）。");
            return null;
        }

        public int? Agency(LedgerField field, IReadOnlyDictionary<string, int> agencies)
        {
            var text = Cell(field);
            if (text.Length == 0)
            {
                return null;
            }
            if (agencies.TryGetValue(LedgerText.Key(text), out var id))
            {
                return id;
            }
            Problem(field, $"機関「{text}」は登録されていません。機関・職員の画面で登録するか、登録済みの名前に直してください。");
            return null;
        }
    }
}
