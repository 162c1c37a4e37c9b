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
