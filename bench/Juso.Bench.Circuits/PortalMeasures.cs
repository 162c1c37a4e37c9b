using System.Text.Json;

/// <summary>What the bench reads from the portal besides /proc: its settled idle rate and its managed heap.</summary>
internal static class PortalMeasures
{
    /// <summary>The idle rate once it no longer falls: 5-second windows until one is within 20 % (or 10 ms/s) of the one before, at most a minute.</summary>
    public static async Task<double> SettledIdleCpuAsync(PortalProcess portal)
    {
        var last = await portal.IdleCpuAsync(5);
        for (var i = 0; i < 11; i++)
        {
            var now = await portal.IdleCpuAsync(5);
            if (Math.Abs(now - last) <= Math.Max(10, last / 5))
            {
                return now;
            }
            last = now;
        }
        return last;
    }

    /// <summary>The portal's managed heap after a forced, compacting full GC (/diagnostics/memory, Development with the bench's setting only).</summary>
    public static async Task<long> ManagedHeapAsync(string baseUrl) => (await MemoryAsync(baseUrl)).ManagedBytes;

    /// <summary>The managed heap after a forced, compacting full GC, and the memory the GC keeps committed then.</summary>
    public static async Task<(long ManagedBytes, long CommittedBytes)> MemoryAsync(string baseUrl)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var response = JsonDocument.Parse(await http.GetStringAsync("/diagnostics/memory"));
        return (response.RootElement.GetProperty("managedBytes").GetInt64(), response.RootElement.GetProperty("committedBytes").GetInt64());
    }
}
