using FsCheck;
using FsCheck.Fluent;

namespace Juso.Tests.Support;

/// <summary>
/// Generators of what a tampered circuit, a paste from a spreadsheet or a slip of the keyboard can put into a form:
/// huge and empty strings, control characters, full- and half-width forms, surrogate pairs and lone surrogates,
/// dates at the ends of the calendar, negative and huge numbers, undefined enum values. Mixed with ordinary
/// Japanese input so that some cases get far enough to be saved.
/// </summary>
public static class Hostile
{
    private static readonly string[] Pieces =
    [
        "山田", "やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "ｶﾞｯｺｳ", "ＹＡＭＡＤＡ", "Yamada", "１２３", "123", "が", "か\u3099", "ー", "・", "〜",
        "ひばり野市東町1丁目1番地", "090-1234-5678", "０９０－１２３４－５６７８", "家計相談", "週1回",
        " ", "\u3000", "\t", "\r\n", "\n", "\0", "\u0001", "\u001f", "\u007f", "\u0085", "\u00a0", "\u200b", "\u200d", "\u202e", "\ufeff", "\ufffe", "\uffff",
        "𠮷", "😀", "👨‍👩‍👧", "🈀", "\ud842\udfb7", "\ud800", "\udc00", "ヤ\ud83d", "\udfff\ud800",
        "'; DROP TABLE Cases;--", "%", "_", "\\", "\"", "<script>alert(1)</script>", "{0}", "Ⅻ", "㈱", "髙", "①",
    ];

    /// <summary>Any text a field could receive, null included.</summary>
    public static Gen<string?> Text { get; } = Gen.Frequency(
        (2, Gen.Constant<string?>(null)),
        (1, Gen.Elements<string?>("", " ", "\u3000", "\t\r\n")),
        (6, Gen.Elements(Pieces).ListOf().Select(p => (string?)string.Concat(p))),
        (1, Gen.Choose(1, 9000).SelectMany(n => Gen.Elements(Pieces).Select(p => (string?)Repeat(p, n)))),
        (1, Gen.Elements(1, 2, 10, 31, 50, 51, 100, 101, 200, 201, 500, 501, 1000, 1001, 2000, 2001, 4000, 4001, 100_000, 1_000_000)
            .SelectMany(n => Gen.Elements('あ', 'x', '山', ' ', '\u3000').Select(c => (string?)new string(c, n)))));

    /// <summary>Dates as a date picker or a tampered circuit hands them over.</summary>
    public static Gen<DateTime?> Date { get; } = Gen.Frequency(
        (2, Gen.Constant<DateTime?>(null)),
        (3, Gen.Elements<DateTime?>(DateTime.MinValue, DateTime.MaxValue, DateTime.MaxValue.Date, new DateTime(1, 1, 2), new DateTime(1868, 1, 24),
            new DateTime(1868, 10, 23), new DateTime(1926, 12, 25), new DateTime(1989, 1, 7), new DateTime(1989, 1, 8), new DateTime(2019, 4, 30),
            new DateTime(2019, 5, 1), new DateTime(2026, 3, 31), new DateTime(2026, 4, 1), new DateTime(2026, 11, 22), new DateTime(2026, 11, 23),
            new DateTime(2026, 11, 24), new DateTime(2026, 11, 23, 23, 59, 59), new DateTime(9999, 12, 30))),
        (3, Gen.Choose(-40_000, 40_000).Select(d => (DateTime?)new DateTime(2026, 11, 23).AddDays(d))),
        (1, Gen.Choose(1, 3_652_058).Select(d => (DateTime?)DateTime.MinValue.AddDays(d))));

    public static Gen<TimeSpan?> TimeOfDay { get; } = Gen.Frequency(
        (1, Gen.Constant<TimeSpan?>(null)),
        (3, Gen.Choose(0, 24 * 60 - 1).Select(m => (TimeSpan?)TimeSpan.FromMinutes(m))),
        (1, Gen.Elements<TimeSpan?>(TimeSpan.Zero, new TimeSpan(23, 59, 59), TimeSpan.FromDays(1), TimeSpan.FromDays(-1), TimeSpan.FromTicks(-1), TimeSpan.FromDays(400))));

    public static Gen<int> Number { get; } = Gen.Frequency(
        (3, Gen.Choose(-5, 400)),
        (1, Gen.Elements(int.MinValue, int.MinValue + 1, -1, 0, 1, 7, 30, 60, 90, 365, 366, 3650, 36500, int.MaxValue - 1, int.MaxValue)));

    /// <summary>An id: null, absurd, or one of <paramref name="known"/>.</summary>
    public static Gen<int?> Id(params int[] known) => Gen.Frequency(
        (2, Gen.Constant<int?>(null)),
        (1, Gen.Elements<int?>(int.MinValue, -1, 0, int.MaxValue)),
        (known.Length == 0 ? 0 : 4, Gen.Elements(known.Length == 0 ? [0] : known).Select(i => (int?)i)));

    /// <summary>Defined values mostly, now and then one no select offers.</summary>
    public static Gen<T> Enum<T>()
        where T : struct, System.Enum => Gen.Frequency(
        (6, Gen.Elements(System.Enum.GetValues<T>())),
        (1, Gen.Elements(-1, 99, int.MaxValue).Select(v => (T)System.Enum.ToObject(typeof(T), v))));

    public static Gen<T?> OptionalEnum<T>()
        where T : struct, System.Enum => Gen.Frequency((1, Gen.Constant<T?>(null)), (4, Enum<T>().Select(v => (T?)v)));

    /// <summary>Empty lists, long lists, and the same member twice.</summary>
    public static Gen<List<T>> List<T>(Gen<T> item, int max = 12) => Gen.Frequency(
        (1, Gen.Constant(new List<T>())),
        (5, Gen.Choose(1, max).SelectMany(n => item.ListOf(n)).Select(l => l.ToList())),
        (1, item.Select(one => new List<T> { one, one })));

    public static Gen<bool> Bool { get; } = Gen.Elements(true, false);

    private static string Repeat(string piece, int times) => string.Concat(Enumerable.Repeat(piece, times));
}
