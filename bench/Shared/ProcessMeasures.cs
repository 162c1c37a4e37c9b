using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>What the benches read of a server process from /proc: its resident memory and CPU time, and when it has settled.</summary>
internal static class ProcessMeasures
{
    /// <summary>Resident memory in KB (/proc/PID/status).</summary>
    public static long RssKb(Process process) =>
        File.ReadLines($"/proc/{process.Id}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(Regex.Match(l, @"\d+").Value, CultureInfo.InvariantCulture)).First();

    /// <summary>
    /// Resident memory in KB by kind of mapping (/proc/PID/smaps): glibc's malloc arenas (a read-write mapping and its
    /// reserve, 64 MB together, or [heap]), the runtime's executable memory (the W^X double mapping), the main thread's stack,
    /// mapped files, and the rest of the anonymous memory (the GC's heap and the other threads' stacks among it).
    /// </summary>
    public static Dictionary<string, long> RssKbByKind(Process process)
    {
        var maps = new List<(long Start, long End, string Perms, string Path, long Rss)>();
        foreach (var line in File.ReadLines($"/proc/{process.Id}/smaps"))
        {
            var header = Regex.Match(line, @"^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$");
            if (header.Success)
            {
                maps.Add((long.Parse(header.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    long.Parse(header.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture), header.Groups[3].Value, header.Groups[4].Value, 0));
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                maps[^1] = maps[^1] with { Rss = long.Parse(Regex.Match(line, @"\d+").Value, CultureInfo.InvariantCulture) };
            }
        }
        var kinds = new Dictionary<string, long>();
        for (var i = 0; i < maps.Count; i++)
        {
            var map = maps[i];
            // A thread's malloc arena: 64 MB aligned, its used part read-write and the rest of the 64 MB reserved.
            var arena = map.Path.Length == 0 && map.Start % (64L << 20) == 0 && i + 1 < maps.Count && maps[i + 1].Start == map.End
                && maps[i + 1].Path.Length == 0 && maps[i + 1].Perms.StartsWith("---", StringComparison.Ordinal) && maps[i + 1].End - map.Start == 64L << 20;
            var kind = map.Path switch
            {
                "[heap]" => "malloc",
                _ when arena => "malloc",
                var path when path.Contains("doublemapper", StringComparison.Ordinal) => "executable",
                var path when path.StartsWith("[stack", StringComparison.Ordinal) => "stacks",
                var path when path.StartsWith('/') => "files",
                _ => "other anonymous",
            };
            kinds[kind] = kinds.GetValueOrDefault(kind) + map.Rss;
        }
        return kinds;
    }

    /// <summary>CPU time the process has used so far, all its threads (user and system).</summary>
    public static TimeSpan Cpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// Lets the process finish what the last requests started (renders, GC) before its memory is read: two seconds without
    /// a change of more than 1 % in RSS, at most 20 seconds.
    /// </summary>
    public static async Task SettleAsync(Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var last = RssKb(process);
        var stableSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline && DateTime.UtcNow - stableSince < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(250);
            var now = RssKb(process);
            if (Math.Abs(now - last) > last / 100)
            {
                stableSince = DateTime.UtcNow;
            }
            last = now;
        }
    }
}
