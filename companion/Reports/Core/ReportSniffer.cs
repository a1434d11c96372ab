using System.Text;

namespace Refully.Companion.Reports.Core;

/// <summary>
/// Looks at the first megabyte of a file: detects the encoding, finds the header line (the first of the first
/// <see cref="MaxPreambleLines"/> lines that a reader recognises, with tab, comma or semicolon between fields, so
/// preambles such as the Date Range report's are skipped), and samples the rows after it for the value format.
/// </summary>
public sealed class ReportSniffer(ReportRecognizer recognizer)
{
    public const int MaxPreambleLines = 30;
    private const int SampleRows = 2000;

    public SniffResult Sniff(ReportInput input)
    {
        var (bytes, complete) = ReadSample(input);
        if (bytes.Length == 0)
        {
            return new SniffResult(null, null, "the file is empty", false);
        }
        var encoding = TextEncodingDetector.Detect(bytes, complete);
        var text = Decode(bytes, encoding);
        var firstChar = text.AsSpan().TrimStart().TrimStart('\uFEFF');
        if (firstChar.Length > 0 && firstChar[0] is '{' or '[')
        {
            return new SniffResult(null, null, null, true);
        }
        var lines = SplitLines(text, complete);
        NearMiss? closest = null;
        for (var i = 0; i < Math.Min(lines.Count, MaxPreambleLines); i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }
            foreach (var delimiter in LineSplitter.Delimiters)
            {
                var fields = LineSplitter.Split(lines[i], delimiter);
                if (fields.Count < 2)
                {
                    continue;
                }
                var headers = new HeaderMap(fields);
                if (recognizer.Recognize(headers) is { } recognition)
                {
                    var sample = lines.Skip(i + 1).Take(SampleRows).Where(l => l.Length > 0).Select(l => LineSplitter.Split(l, delimiter));
                    var format = ValueFormatDetector.Detect(sample);
                    var quoted = delimiter != '\t' || LineSplitter.IsQuoted(lines[i]);
                    return new SniffResult(new ReportLayout(encoding, delimiter, quoted, i, recognition, format), null, null, false);
                }
                if (recognizer.Closest(headers) is { } near && (closest is null || near.Matched > closest.Matched))
                {
                    closest = near;
                }
            }
        }
        return new SniffResult(null, closest, null, false);
    }

    private static (byte[] Bytes, bool Complete) ReadSample(ReportInput input)
    {
        using var stream = input.Open();
        var buffer = new byte[TextEncodingDetector.SampleBytes];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return (buffer[..n], n < buffer.Length);
    }

    private static string Decode(byte[] bytes, Encoding encoding)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Lines split on CRLF, LF or CR; the last one dropped when the sample was cut off inside it.</summary>
    private static List<string> SplitLines(string text, bool complete)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        if (!complete && lines.Count > 1)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }
}
