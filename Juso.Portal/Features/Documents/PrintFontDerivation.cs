using System.Buffers.Binary;
using System.Text;

namespace Juso.Portal.Features.Documents;

/// <summary>
/// Derives the print font from an installed TrueType font: the same glyphs, a cmap without the radicals and
/// compatibility ideographs that share a glyph with another character, and a family name of its own. Skia writes
/// a PDF's ToUnicode entry from the lowest code point mapped to a glyph, so with 支 and ⽀ on one glyph a reader
/// that ignores /ActualText would extract ⽀ (ADR 0009).
/// </summary>
public static partial class PrintFontDerivation
{
    // Every name that identifies the family; the rest (copyright, licence, version) is kept.
    private static readonly HashSet<int> FamilyNameIds = [1, 2, 3, 4, 6, 16, 17, 18, 21, 22];

    /// <summary>The font's Unicode cmap: code point to glyph id.</summary>
    public static SortedDictionary<int, int> ReadCmap(byte[] font) => ReadCmapTable(ReadTables(font)["cmap"]).Map;

    public static int GlyphCount(byte[] font) => BinaryPrimitives.ReadUInt16BigEndian(ReadTables(font)["maxp"].AsSpan(4));

    /// <summary>
    /// Code points to unmap: of the code points sharing one glyph, the one a document is written in stays and the
    /// look-alikes go (⽀ U+2F40 for 支 U+652F). A look-alike then comes from the next font in print.css, the
    /// installed IPAexGothic, where it is mostly the lowest code point of its glyph, so it extracts exactly too.
    /// </summary>
    public static IReadOnlyList<int> Aliases(SortedDictionary<int, int> cmap) => cmap
        .GroupBy(e => e.Value)
        .SelectMany(glyph => glyph.OrderBy(e => Rank(e.Key)).ThenBy(e => e.Key).Skip(1).Where(e => Rank(e.Key) > 0))
        .Select(e => e.Key)
        .Order()
        .ToList();

    /// <summary>0: written in documents; 1: compatibility ideographs; 2: look-alikes that take the glyph of a character written in documents.</summary>
    public static int Rank(int codePoint) => codePoint switch
    {
        >= 0x2E80 and <= 0x2FDF => 2, // CJK Radicals Supplement, Kangxi Radicals: ⽀ for 支, ⻑ and ⾧ for 長
        0x00AD or (>= 0x02B0 and <= 0x036F) => 2, // soft hyphen for −, modifier letters for ‘’, combining marks for — and ‾
        (>= 0x2000 and <= 0x200A) or 0x301C => 2, // em space for the ideographic space, wave dash 〜 for the ～ our forms and Windows IMEs write
        (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F) => 1, // CJK Compatibility Ideographs (and Supplement)
        _ => 0,
    };

    /// <summary>The derived font file; throws <see cref="InvalidDataException"/> for a font it cannot rewrite.</summary>
    public static byte[] Derive(byte[] font, string family)
    {
        var tables = ReadTables(font);
        var (cmap, hasFormat12, variations) = ReadCmapTable(tables["cmap"]);
        foreach (var alias in Aliases(cmap))
        {
            cmap.Remove(alias);
        }
        tables["cmap"] = WriteCmap(cmap, hasFormat12, variations);
        tables["name"] = WriteName(tables["name"], family);
        // A signature over the original tables would be false now.
        tables.Remove("DSIG");
        return WriteFont(BinaryPrimitives.ReadUInt32BigEndian(font), tables);
    }

    private static SortedDictionary<string, byte[]> ReadTables(byte[] font)
    {
        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version is not (0x00010000 or 0x74727565 or 0x4F54544F))
        {
            throw new InvalidDataException($"not a single TrueType/OpenType font (version 0x{version:X8})");
        }
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        int count = U16(font, 4);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + 16 * i;
            var offset = (int)U32(font, record + 8);
            var length = (int)U32(font, record + 12);
            tables[Encoding.ASCII.GetString(font, record, 4)] = font[offset..(offset + length)];
        }
        foreach (var required in new[] { "cmap", "name", "head", "maxp" })
        {
            if (!tables.ContainsKey(required))
            {
                throw new InvalidDataException($"no {required} table");
            }
        }
        return tables;
    }

    /// <summary>The name table with the family names replaced by <paramref name="family"/> (Windows, English) and everything else kept.</summary>
    private static byte[] WriteName(byte[] name, string family)
    {
        int count = U16(name, 2), strings = U16(name, 4);
        var records = new List<(int Platform, int Encoding, int Language, int NameId, byte[] Text)>();
        for (var i = 0; i < count; i++)
        {
            var r = 6 + 12 * i;
            var (platform, encoding, language, nameId) = (U16(name, r), U16(name, r + 2), U16(name, r + 4), U16(name, r + 6));
            var start = strings + U16(name, r + 10);
            // Language ids from 0x8000 point at format 1 language tags, which the format 0 table written here has not.
            if (!FamilyNameIds.Contains(nameId) && language < 0x8000)
            {
                records.Add((platform, encoding, language, nameId, name[start..(start + U16(name, r + 8))]));
            }
        }
        var postScript = new string(family.Where(char.IsAsciiLetterOrDigit).ToArray());
        foreach (var (nameId, text) in new[] { (1, family), (2, "Regular"), (3, $"{postScript}-Regular"), (4, family), (6, postScript) })
        {
            records.Add((3, 1, 0x409, nameId, Encoding.BigEndianUnicode.GetBytes(text)));
        }
        records = records.OrderBy(r => r.Platform).ThenBy(r => r.Encoding).ThenBy(r => r.Language).ThenBy(r => r.NameId).ToList();
        var output = new Writer();
        output.U16(0).U16(records.Count).U16(6 + 12 * records.Count);
        var offset = 0;
        foreach (var r in records)
        {
            output.U16(r.Platform).U16(r.Encoding).U16(r.Language).U16(r.NameId).U16(r.Text.Length).U16(offset);
            offset += r.Text.Length;
        }
        records.ForEach(r => output.Bytes(r.Text));
        return output.ToArray();
    }

    private static byte[] WriteFont(uint version, SortedDictionary<string, byte[]> tables)
    {
        // head.checkSumAdjustment is zero while the checksums are computed, then makes the whole file sum to 0xB1B0AFBA.
        BinaryPrimitives.WriteUInt32BigEndian(tables["head"].AsSpan(8), 0);
        var log = (int)Math.Log2(tables.Count);
        var output = new Writer();
        output.U32(version).U16(tables.Count).U16(16 << log).U16(log).U16(16 * tables.Count - (16 << log));
        var offset = 12 + 16 * tables.Count;
        var headAt = 0;
        foreach (var (tag, data) in tables)
        {
            output.Bytes(Encoding.ASCII.GetBytes(tag)).U32(Checksum(data)).U32((uint)offset).U32((uint)data.Length);
            headAt = tag == "head" ? offset : headAt;
            offset += Padded(data.Length);
        }
        foreach (var data in tables.Values)
        {
            output.Bytes(data).Bytes(new byte[Padded(data.Length) - data.Length]);
        }
        var font = output.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headAt + 8), unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    public static uint Checksum(byte[] data)
    {
        uint sum = 0;
        Span<byte> word = stackalloc byte[4];
        for (var i = 0; i < data.Length; i += 4)
        {
            word.Clear();
            data.AsSpan(i, Math.Min(4, data.Length - i)).CopyTo(word);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(word));
        }
        return sum;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private static int U16(byte[] data, int at) => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at));

    private static uint U32(byte[] data, int at) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));

    private sealed class Writer
    {
        private readonly MemoryStream _stream = new();

        public Writer U16(int value)
        {
            Span<byte> bytes = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)value);
            _stream.Write(bytes);
            return this;
        }

        public Writer U32(uint value)
        {
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            _stream.Write(bytes);
            return this;
        }

        public Writer Bytes(byte[] bytes)
        {
            _stream.Write(bytes);
            return this;
        }

        public byte[] ToArray() => _stream.ToArray();
    }
}
