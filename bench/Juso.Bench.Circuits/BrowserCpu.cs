/// <summary>
/// The CPU time of the bench's Chromium (every process whose executable is chromium and that the portal did not start,
/// i.e. not its PDF renderer), from /proc: the browsers' share of the two cores the bench and the portal share.
/// </summary>
internal static class BrowserCpu
{
    private const long TicksPerSecond = 100; // USER_HZ, the unit of utime and stime in /proc/PID/stat

    /// <summary>User and system time of all of the bench's Chromium processes so far, in ms (processes that ended are lost).</summary>
    public static double Ms(int portalId)
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || !IsChromium(pid) || DescendsFrom(pid, portalId))
            {
                continue;
            }
            if (Stat(pid) is { } fields)
            {
                // utime and stime, fields 14 and 15 of stat(5); the split starts at field 3 (state).
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
        }
        return ticks * 1000.0 / TicksPerSecond;
    }

    private static bool IsChromium(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/exe").LinkTarget is { } exe && Path.GetFileName(exe) == "chromium";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool DescendsFrom(int pid, int ancestor)
    {
        for (var p = pid; p > 1;)
        {
            if (p == ancestor)
            {
                return true;
            }
            if (Stat(p) is not { } fields)
            {
                return false;
            }
            p = int.Parse(fields[1]);
        }
        return false;
    }

    /// <summary>The fields of /proc/PID/stat after the command name (state first), or null if the process is gone.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
