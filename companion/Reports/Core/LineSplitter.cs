namespace Refully.Companion.Reports.Core;

/// <summary>
/// Splits one line of text into fields (quotes honoured, "" inside quotes is a quote). Used on the first lines
/// of a file to find its header and sample its values; the data itself is read by Sep.
/// </summary>
public static class LineSplitter
{
    public static readonly char[] Delimiters = ['\t', ',', ';'];

    public static List<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var atStart = true;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == delimiter)
            {
                fields.Add(current.ToString());
                current.Clear();
                atStart = true;
                continue;
            }
            else if (c == '"' && atStart)
            {
                quoted = true;
            }
            else
            {
                current.Append(c);
            }
            atStart = false;
        }
        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>True when the line's fields start with a quote (a quoted CSV/TSV).</summary>
    public static bool IsQuoted(string line) => line.TrimStart('\uFEFF').StartsWith('"');
}
