using System.Text;
using Juso.Domain.Ledger;

namespace Juso.Infrastructure.Ledger;

/// <summary>
/// Comma-separated values as Excel writes them (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks).
/// A stray quote is reported with its line rather than guessed around, since a guess would shift the columns of the row.
/// </summary>
public static class LedgerCsv
{
    public sealed record Result(IReadOnlyList<(int Number, IReadOnlyList<string?> Cells)> Rows, LedgerProblem? Problem);

    public static Result Parse(string text)
    {
        var rows = new List<(int, IReadOnlyList<string?>)>();
        var cells = new List<string?>();
        var cell = new StringBuilder();
        var line = 1;
        var rowStart = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                if (cell.Length > 0)
                {
                    return Stray(line);
                }
                var quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        return new Result([], new LedgerProblem(quoteLine, "ファイル",
                            $"{quoteLine}行目で始まる引用符（\"）が閉じられていません。セルの中の「\"」は「\"\"」と2つ重ねるか、取り除いてください。"));
                    }
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (text[i] == '\n')
                    {
                        line++;
                    }
                    cell.Append(text[i]);
                    i++;
                }
                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    return Stray(line);
                }
                continue;
            }
            if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                cells.Add(cell.ToString());
                cell.Clear();
                rows.Add((rowStart, cells));
                cells = [];
                line++;
                rowStart = line;
            }
            else
            {
                cell.Append(c);
            }
            i++;
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add((rowStart, cells));
        }
        return new Result(rows, null);
    }

    private static Result Stray(int line) => new([], new LedgerProblem(line, "ファイル",
        $"{line}行目に余分な引用符（\"）があります。セルの中の「\"」は「\"\"」と2つ重ねるか、セル全体を\"で囲んでください。"));
}
