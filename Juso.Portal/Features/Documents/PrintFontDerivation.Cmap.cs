namespace Juso.Portal.Features.Documents;

/// <summary>The cmap table: read (formats 4 and 12, and the variation sequences of format 14) and written again without the aliases.</summary>
public static partial class PrintFontDerivation
{
    private static (SortedDictionary<int, int> Map, bool HasFormat12, byte[]? Variations) ReadCmapTable(byte[] cmap)
    {
        int? format4 = null, format12 = null;
        byte[]? variations = null;
        for (var i = 0; i < U16(cmap, 2); i++)
        {
            int platform = U16(cmap, 4 + 8 * i), encoding = U16(cmap, 6 + 8 * i);
            var offset = (int)U32(cmap, 8 + 8 * i);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            switch (U16(cmap, offset))
            {
                case 4 when unicode: format4 ??= offset; break;
                case 12 when unicode: format12 ??= offset; break;
                case 14: variations = cmap[offset..(offset + (int)U32(cmap, offset + 2))]; break;
            }
        }
        var map = new SortedDictionary<int, int>();
        if (format12 is { } t12)
        {
            for (var g = 0; g < U32(cmap, t12 + 12); g++)
            {
                var group = t12 + 16 + 12 * g;
                var (start, end, glyph) = ((int)U32(cmap, group), (int)U32(cmap, group + 4), (int)U32(cmap, group + 8));
                for (var c = start; c <= end; c++)
                {
                    map[c] = glyph + c - start;
                }
            }
        }
        else if (format4 is { } t4)
        {
            var segments = U16(cmap, t4 + 6) / 2;
            for (var s = 0; s < segments; s++)
            {
                var end = U16(cmap, t4 + 14 + 2 * s);
                var start = U16(cmap, t4 + 16 + 2 * segments + 2 * s);
                var delta = U16(cmap, t4 + 16 + 4 * segments + 2 * s);
                var rangeOffsetAt = t4 + 16 + 6 * segments + 2 * s;
                var rangeOffset = U16(cmap, rangeOffsetAt);
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    var glyph = rangeOffset == 0 ? c : U16(cmap, rangeOffsetAt + rangeOffset + 2 * (c - start));
                    if (rangeOffset == 0 || glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                    if (glyph != 0)
                    {
                        map[c] = glyph;
                    }
                }
            }
        }
        else
        {
            throw new InvalidDataException("no Unicode cmap of format 4 or 12");
        }
        return (map, format12 is not null, variations);
    }

    private static byte[] WriteCmap(SortedDictionary<int, int> map, bool withFormat12, byte[]? variations)
    {
        var subtables = new List<(int Platform, int Encoding, byte[] Data)>();
        if (variations is not null)
        {
            subtables.Add((0, 5, variations));
        }
        subtables.Add((3, 1, Format4(map.Where(e => e.Key < 0xFFFF).ToList())));
        if (withFormat12)
        {
            subtables.Add((3, 10, Format12(map)));
        }
        var output = new Writer();
        output.U16(0).U16(subtables.Count);
        var offset = 4 + 8 * subtables.Count;
        foreach (var (platform, encoding, data) in subtables)
        {
            output.U16(platform).U16(encoding).U32((uint)offset);
            offset += data.Length;
        }
        subtables.ForEach(s => output.Bytes(s.Data));
        return output.ToArray();
    }

    // One segment per run of consecutive code points: idDelta when its glyphs are consecutive too, else the glyph array.
    private static byte[] Format4(List<KeyValuePair<int, int>> bmp)
    {
        var runs = new List<List<KeyValuePair<int, int>>>();
        foreach (var entry in bmp)
        {
            if (runs.Count > 0 && runs[^1][^1].Key == entry.Key - 1)
            {
                runs[^1].Add(entry);
            }
            else
            {
                runs.Add([entry]);
            }
        }
        runs.Add([new(0xFFFF, 0)]);
        var segments = runs.Count;
        var glyphArray = new List<int>();
        var rangeOffsets = new int[segments];
        var deltas = new int[segments];
        for (var s = 0; s < segments; s++)
        {
            var run = runs[s];
            deltas[s] = run[0].Value - run[0].Key;
            if (s == segments - 1)
            {
                deltas[s] = 1;
            }
            else if (run.Any(e => e.Value - e.Key != deltas[s]))
            {
                deltas[s] = 0;
                rangeOffsets[s] = 2 * (segments - s + glyphArray.Count);
                glyphArray.AddRange(run.Select(e => e.Value));
            }
        }
        var length = 16 + 8 * segments + 2 * glyphArray.Count;
        if (length > 0xFFFF)
        {
            throw new InvalidDataException("the BMP cmap does not fit format 4");
        }
        var log = (int)Math.Log2(segments);
        var output = new Writer();
        output.U16(4).U16(length).U16(0).U16(2 * segments).U16(2 << log).U16(log).U16(2 * segments - (2 << log));
        runs.ForEach(r => output.U16(r[^1].Key));
        output.U16(0);
        runs.ForEach(r => output.U16(r[0].Key));
        foreach (var delta in deltas)
        {
            output.U16(delta & 0xFFFF);
        }
        foreach (var rangeOffset in rangeOffsets)
        {
            output.U16(rangeOffset);
        }
        glyphArray.ForEach(g => output.U16(g));
        return output.ToArray();
    }

    private static byte[] Format12(SortedDictionary<int, int> map)
    {
        var groups = new List<(int Start, int End, int Glyph)>();
        foreach (var (code, glyph) in map)
        {
            if (groups.Count > 0 && groups[^1].End == code - 1 && groups[^1].Glyph + code - groups[^1].Start == glyph)
            {
                groups[^1] = groups[^1] with { End = code };
            }
            else
            {
                groups.Add((code, code, glyph));
            }
        }
        var output = new Writer();
        output.U16(12).U16(0).U32((uint)(16 + 12 * groups.Count)).U32(0).U32((uint)groups.Count);
        groups.ForEach(g => output.U32((uint)g.Start).U32((uint)g.End).U32((uint)g.Glyph));
        return output.ToArray();
    }
}
