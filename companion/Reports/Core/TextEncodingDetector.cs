using System.Text;

namespace Refully.Companion.Reports.Core;

/// <summary>
/// Which text encoding a report file uses, from its first bytes: a byte-order mark; else valid UTF-8; else
/// Shift-JIS (Japanese downloads) or Windows-1252 (legacy Western files), told apart by how the high bytes pair up.
/// </summary>
public static class TextEncodingDetector
{
    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>How many bytes are looked at.</summary>
    public const int SampleBytes = 1 << 20;

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static Encoding ShiftJis => Encoding.GetEncoding(932);

    public static Encoding Detect(ReadOnlySpan<byte> sample, bool complete)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8;
        }
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }
        if (IsValidUtf8(sample, complete))
        {
            return Utf8;
        }
        return ShiftJisScore(sample) > Windows1252Score(sample) ? ShiftJis : Windows1252;
    }

    /// <summary>Valid UTF-8, allowing a sequence cut off at the end of an incomplete sample.</summary>
    internal static bool IsValidUtf8(ReadOnlySpan<byte> sample, bool complete)
    {
        if (!complete)
        {
            var cut = sample.Length;
            for (var back = 1; back <= 3 && back <= sample.Length; back++)
            {
                var b = sample[^back];
                if ((b & 0xC0) == 0xC0)
                {
                    cut = sample.Length - back;
                    break;
                }
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }
            sample = sample[..cut];
        }
        return System.Text.Unicode.Utf8.IsValid(sample);
    }

    /// <summary>
    /// Pairs that are valid Shift-JIS and typical of Japanese text: kana (lead 0x82/0x83), common kanji (0x88–0x9F),
    /// full-width symbols (0x81). Any byte pair Shift-JIS cannot decode rules it out.
    /// </summary>
    private static int ShiftJisScore(ReadOnlySpan<byte> s)
    {
        var score = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var b = s[i];
            if (b < 0x80 || b is >= 0xA1 and <= 0xDF)
            {
                continue;
            }
            var isLead = b is >= 0x81 and <= 0x9F or >= 0xE0 and <= 0xFC;
            if (!isLead || i + 1 >= s.Length)
            {
                return i + 1 >= s.Length ? score : -1;
            }
            var trail = s[i + 1];
            if (trail is < 0x40 or 0x7F or > 0xFC)
            {
                return -1;
            }
            if (b <= 0x9F)
            {
                score += 2;
            }
            i++;
        }
        return score;
    }

    /// <summary>Accented letters (0xC0–0xFF) next to ASCII letters, as in "Umsätze" or "numéro", and Windows punctuation.</summary>
    private static int Windows1252Score(ReadOnlySpan<byte> s)
    {
        var score = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var b = s[i];
            if (b < 0xC0 || b is 0xD7 or 0xF7)
            {
                continue;
            }
            var before = i > 0 && IsAsciiLetter(s[i - 1]);
            var after = i + 1 < s.Length && IsAsciiLetter(s[i + 1]);
            if (before || after)
            {
                score += before && after ? 3 : 2;
            }
        }
        return score;
    }

    private static bool IsAsciiLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';
}
