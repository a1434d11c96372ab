using Refully.Companion.Storage;

namespace Refully.Companion.Claims;

/// <summary>The parts of a case body, already in the draft's language (or English inside its skeleton).</summary>
public sealed record ClaimBodyParts(
    string? Note,
    string Intro,
    IReadOnlyList<string[]> Rows,
    string Units,
    string Value,
    string Computation,
    string? Policy,
    string Deadline,
    string Request,
    IReadOnlyList<string> Attachments);

/// <summary>
/// Writes the plain-text body of a case: greeting, what happened, an evidence table that fits a textarea,
/// units, value and how it was computed, the policy, the deadline, the request, the attachments, closing.
/// The body stays under the length limit by leaving evidence rows out (and saying how many), then by
/// shortening the policy line; the draft's notes say when that happened.
/// </summary>
public static class ClaimBody
{
    private const int NoteWidth = 36;

    public static (string Body, int RowsLeftOut) Write(ClaimLanguage lang, ClaimBodyParts parts, int maxLength)
    {
        for (var rows = parts.Rows.Count; rows >= 0; rows--)
        {
            var body = Compose(lang, parts, rows, parts.Policy);
            if (body.Length < maxLength)
            {
                return (body, parts.Rows.Count - rows);
            }
        }
        var bare = Compose(lang, parts, 0, null);
        return (bare.Length < maxLength ? bare : bare[..(maxLength - 2)] + "…", parts.Rows.Count);
    }

    private static string Compose(ClaimLanguage lang, ClaimBodyParts p, int rows, string? policy)
    {
        var b = new System.Text.StringBuilder();
        b.AppendLine(lang.Greeting).AppendLine();
        if (p.Note is { Length: > 0 } note)
        {
            b.AppendLine(note);
        }
        b.AppendLine(p.Intro).AppendLine();
        if (p.Rows.Count > 0)
        {
            b.AppendLine(lang.EvidenceHeading);
            foreach (var line in Table(lang.Columns, p.Rows.Take(rows).ToList()))
            {
                b.AppendLine(line);
            }
            if (rows < p.Rows.Count)
            {
                b.AppendLine(lang.MoreRows.Replace("{0}", (p.Rows.Count - rows).ToString(lang.Culture)));
            }
            b.AppendLine();
        }
        b.AppendLine($"{lang.UnitsLabel}: {p.Units}");
        b.AppendLine($"{lang.ValueLabel}: {p.Value}");
        b.AppendLine($"{lang.ComputationLabel}: {p.Computation}");
        if (policy is not null)
        {
            b.AppendLine($"{lang.PolicyLabel}: {policy}");
        }
        b.AppendLine($"{lang.DeadlineLabel}: {p.Deadline}").AppendLine();
        b.AppendLine(p.Request);
        if (p.Attachments.Count > 0)
        {
            b.AppendLine($"{lang.AttachmentsLabel}: {string.Join("; ", p.Attachments)}");
        }
        b.AppendLine().Append(lang.Closing);
        return b.ToString().Replace("\r\n", "\n");
    }

    /// <summary>Pipe-separated columns padded to the widest cell, so the table lines up in a monospaced view.</summary>
    private static IEnumerable<string> Table(string[] header, IReadOnlyList<string[]> rows)
    {
        var cells = rows.Select(r => r.Select((c, i) => i == r.Length - 1 && c.Length > NoteWidth ? c[..(NoteWidth - 1)] + "…" : c).ToArray()).ToList();
        var widths = header.Select((h, i) => cells.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] r) => string.Join(" | ", r.Select((c, i) => i == r.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
        yield return Line(header);
        foreach (var row in cells)
        {
            yield return Line(row);
        }
    }

    /// <summary>The evidence rows of a group: one per fact, oldest first.</summary>
    public static IReadOnlyList<string[]> Rows(IEnumerable<FindingDocument> findings, ClaimLanguage lang) =>
        findings
            .SelectMany(f => f.Evidence.Select(e => (f, e)))
            .OrderBy(x => x.e.Date).ThenBy(x => x.e.ReferenceId, StringComparer.Ordinal)
            .Select(x => new[]
            {
                x.e.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                x.e.ReferenceId ?? "-",
                x.f.Fnsku ?? x.f.Sku ?? "-",
                x.e.Quantity.ToString(lang.Culture),
                $"{x.e.Source}: {x.e.Note}",
            })
            .ToList();
}
