using System.Collections;

namespace Refully.Companion.Reports.Core;

/// <summary>
/// The problems of one file: every one counted, the first <see cref="Limit"/> kept (a file with a million bad
/// rows must not fill memory), errors kept before warnings so a rejection always shows its reason.
/// </summary>
public sealed class ProblemLog(int limit = 200, int perKind = 5) : ICollection<ReportProblem>
{
    private readonly List<ReportProblem> _kept = [];
    private readonly Dictionary<(string?, string), int> _kinds = [];

    public int Limit { get; } = limit;

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public bool HasErrors => Errors > 0;

    /// <summary>Problems found but not kept because <see cref="Limit"/> was reached.</summary>
    public int Dropped { get; private set; }

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
        // The same complaint about the same column is kept a few times, then only counted.
        ref var seen = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_kinds, (item.ColumnName, item.Message), out _);
        if (++seen > perKind && item.Severity == ProblemSeverity.Warning)
        {
            return;
        }
        if (_kept.Count < Limit)
        {
            _kept.Add(item);
        }
        else if (item.Severity == ProblemSeverity.Error && _kept.FindLastIndex(p => p.Severity == ProblemSeverity.Warning) is var w and >= 0)
        {
            _kept.RemoveAt(w);
            _kept.Add(item);
            Dropped++;
        }
        else
        {
            Dropped++;
        }
    }

    public void Clear()
    {
        _kept.Clear();
        _kinds.Clear();
        Errors = Warnings = Dropped = 0;
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
        foreach (var ((column, message), count) in _kinds.Where(k => k.Value > perKind))
        {
            lines.Add($"… {count - perKind} more like this{(column is null ? "" : $" in [{column}]")}: {message}");
        }
        if (Dropped > 0)
        {
            lines.Add($"… and {Dropped} more problem(s) not listed ({Errors} error(s) and {Warnings} warning(s) in all)");
        }
        return lines;
    }
}
