using System.Collections;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Juso.Tests.Support;

/// <summary>One change to a form, described so that a failing case reads as the input that broke it.</summary>
public sealed record Edit<T>(string Description, Action<T> Apply)
{
    public override string ToString() => Description;
}

/// <summary>Some fields of a valid form replaced by generated values.</summary>
public sealed record Edits<T>(IReadOnlyList<Edit<T>> Items)
{
    public T ApplyTo(T form)
    {
        foreach (var edit in Items)
        {
            edit.Apply(form);
        }
        return form;
    }

    public override string ToString() => Items.Count == 0 ? "(valid form)" : string.Join("; ", Items);
}

public static class FormEdits
{
    public static Gen<Edit<T>> Set<T, TValue>(string field, Gen<TValue> values, Action<T, TValue> set) =>
        values.Select(v => new Edit<T>($"{field} = {Show(v)}", form => set(form, v)));

    /// <summary>
    /// Some of <paramref name="edits"/>: none (the valid form), mostly one or two fields, sometimes many at once;
    /// a plain subset would almost never leave a form valid enough to reach the save.
    /// </summary>
    public static Gen<Edits<T>> AnyOf<T>(params Gen<Edit<T>>[] edits) =>
        from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Constant(1)), (2, Gen.Choose(2, 3)), (1, Gen.Choose(0, edits.Length)))
        from order in Gen.Shuffle(edits)
        from chosen in Gen.CollectToList(order.Take(count))
        select new Edits<T>(chosen.ToList());

    /// <summary>Control characters, surrogates and other invisible characters escaped; long texts cut with their length.</summary>
    public static string Show(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string text:
                var shown = new StringBuilder("\"");
                foreach (var c in text.Take(64))
                {
                    shown.Append(c is < ' ' or >= '\u007f' and <= '\u00a0' or >= '\u2000' and <= '\u206f' or >= '\ud800' and <= '\udfff' or >= '\ufe00'
                        ? $"\\u{(int)c:x4}"
                        : c.ToString());
                }
                shown.Append(text.Length > 64 ? $"…\" ({text.Length} chars)" : "\"");
                return shown.ToString();
            case DateTime date:
                return date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            case IDictionary map:
                return "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => $"{Show(k)}: {Show(map[k])}")) + "}";
            case IEnumerable items:
                return "[" + string.Join(", ", items.Cast<object?>().Select(Show)) + "]";
            case var form when form.GetType() is { IsClass: true, Namespace: { } ns } && ns.StartsWith("Juso.", StringComparison.Ordinal):
                return "{" + string.Join(", ", form.GetType().GetProperties().Select(p => $"{p.Name} = {Show(p.GetValue(form))}")) + "}";
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?";
        }
    }
}
