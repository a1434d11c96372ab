using System.Collections;

namespace Refully.Companion.Reports.Core;

/// <summary>
/// The problems of one file: every one counted, the first <see cref="Limit"/> kept (a file with a million bad
/// rows must not fill memory), errors kept before warnings so a rejection always shows its reason.
/// </summary>
public sealed class ProblemLog(int limit = 200) : ICollection<ReportProblem>
{
    private readonly List<ReportProblem> _kept = [];

    public int Limit { get; } = limit;

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public bool HasErrors => Errors > 0;

    /// <summary>Problems found but not kept.</summary>
    public int Dropped => Errors + Warnings - _kept.Count;

    public int Count => _kept.Count;

    public bool IsReadOnly => false;

    public void Add(ReportProblem item)
    {
        if (item.Severity == ProblemSeverity.Error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }
        if (_kept.Count < Limit)
        {
            _kept.Add(item);
        }
        else if (item.Severity == ProblemSeverity.Error && _kept.FindLastIndex(p => p.Severity == ProblemSeverity.Warning) is var w and >= 0)
        {
            _kept.RemoveAt(w);
            _kept.Add(item);
        }
    }

    public void Clear()
    {
        _kept.Clear();
        Errors = Warnings = 0;
    }

    public bool Contains(ReportProblem item) => _kept.Contains(item);

    public void CopyTo(ReportProblem[] array, int arrayIndex) => _kept.CopyTo(array, arrayIndex);

    public bool Remove(ReportProblem item) => throw new NotSupportedException("Problems are only added.");

    public IEnumerator<ReportProblem> GetEnumerator() => _kept.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The kept problems as lines, errors first, with a note of how many more there were.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = _kept.OrderBy(p => p.Severity == ProblemSeverity.Error ? 0 : 1).Select(p => p.Severity == ProblemSeverity.Error ? p.ToString() : $"warning: {p}").ToList();
        if (Dropped > 0)
        {
            lines.Add($"… and {Dropped} more problem(s) ({Errors} error(s), {Warnings} warning(s) in all)");
        }
        return lines;
    }
}
