using Microsoft.Diagnostics.Runtime;

/// <summary>
/// The portal's managed heap by type (ClrMD, attached to the process for a moment). Taken after the portal's full GC
/// (/diagnostics/memory), so what it counts is live; the difference before and after N boards, divided by N, says what
/// one board circuit holds.
/// </summary>
internal static class HeapCensus
{
    public static Dictionary<string, (long Count, long Bytes)> Take(int pid)
    {
        using var target = DataTarget.AttachToProcess(pid, suspend: true);
        var clr = target.ClrVersions[0];
        // The DAC ships with the runtime; ClrMD does not download it on Linux, nor read the attached runtime's version there.
        using var runtime = clr.CreateRuntime(Path.Combine(Path.GetDirectoryName(clr.ModuleInfo.FileName)!, "libmscordaccore.so"), ignoreMismatch: true);
        var census = new Dictionary<string, (long Count, long Bytes)>();
        foreach (var obj in runtime.Heap.EnumerateObjects())
        {
            if (!obj.IsValid || obj.IsFree)
            {
                continue;
            }
            var name = obj.Type?.Name ?? "(unknown)";
            census.TryGetValue(name, out var seen);
            census[name] = (seen.Count + 1, seen.Bytes + (long)obj.Size);
        }
        return census;
    }

    public static void Print(Dictionary<string, (long Count, long Bytes)> before, Dictionary<string, (long Count, long Bytes)> after, int boards, int top)
    {
        var growth = after.Select(a =>
            {
                before.TryGetValue(a.Key, out var b);
                return (Type: a.Key, Count: (a.Value.Count - b.Count) / (double)boards, Bytes: (a.Value.Bytes - b.Bytes) / (double)boards);
            })
            .OrderByDescending(g => g.Bytes).ToList();
        Console.WriteLine($"Heap growth per board circuit at {boards} boards: {growth.Sum(g => g.Bytes) / 1024:0} KB; the largest types:");
        foreach (var g in growth.Take(top))
        {
            Console.WriteLine(FormattableString.Invariant($"  {g.Bytes / 1024,8:0.0} KB {g.Count,8:0.0} objects  {g.Type}"));
        }
        // By the namespace of the type (the outer type's, for generics): many small generic types add up unseen above.
        Console.WriteLine("By namespace:");
        foreach (var ns in growth.GroupBy(g => Namespace(g.Type)).Select(n => (Name: n.Key, Bytes: n.Sum(g => g.Bytes))).OrderByDescending(n => n.Bytes).Take(top))
        {
            Console.WriteLine(FormattableString.Invariant($"  {ns.Bytes / 1024,8:0.0} KB  {ns.Name}"));
        }
    }

    private static string Namespace(string type)
    {
        var outer = type.Split('<', '+', '[')[0];
        return outer.Contains('.') ? outer[..outer.LastIndexOf('.')] : outer;
    }
}
