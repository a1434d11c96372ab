using System.Globalization;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>Wording the detectors share: units, dates, ledger reason codes.</summary>
internal static class Text
{
    public static string Units(int n) => n == 1 ? "1 unit" : (uint)n < (uint)SmallUnits.Length ? SmallUnits[n] : $"{n} units";

    private static readonly string[] SmallUnits = Enumerable.Range(0, 256).Select(n => $"{n} units").ToArray();

    public static string Date(DateOnly d)
    {
        // Findings repeat a few hundred dates: each is formatted once per process (a race formats it twice, same text).
        var day = d.DayNumber - FirstCachedDay;
        if ((uint)day >= (uint)CachedDates.Length)
        {
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return CachedDates[day] ??= d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static readonly int FirstCachedDay = new DateOnly(2000, 1, 1).DayNumber;

    // 2000-01-01 … 2099-12-31.
    private static readonly string?[] CachedDates = new string?[new DateOnly(2100, 1, 1).DayNumber - new DateOnly(2000, 1, 1).DayNumber];

    public static string Money(decimal amount, string? currency) =>
        $"{amount.ToString("0.00##", CultureInfo.InvariantCulture)}{(currency is null ? "" : " " + currency)}";

    /// <summary>"M misplaced", "F found" … for a ledger adjustment reason code.</summary>
    public static string Reason(string? code) => Code(code) switch
    {
        "M" => "M misplaced",
        "5" => "5 misplaced",
        "F" => "F found",
        "N" => "N found (transfer from holding)",
        "6" => "6 damaged at FC (from carrier damaged)",
        "7" => "7 damaged at FC (from expired)",
        "E" => "E damaged at FC (from sellable)",
        "H" => "H damaged at FC (from customer damaged)",
        "K" => "K damaged at FC (from defective)",
        "U" => "U damaged at FC (from distributor damaged)",
        "D" => "D disposed",
        "G" => "G disposed (donation)",
        var other => other.Length == 0 ? "no reason" : other,
    };

    /// <summary>A reason code as compared: trimmed, upper case.</summary>
    public static string Code(string? code) => code is null ? "" : IsUpperAsciiTrimmed(code) ? code : code.Trim().ToUpperInvariant();

    /// <summary><paramref name="text"/>.ToUpperInvariant(), without a copy when it is upper-case ASCII already.</summary>
    public static string Upper(string text) => IsUpperAscii(text) ? text : text.ToUpperInvariant();

    // Printable ASCII without lower-case letters and without spaces at either end: Trim and ToUpperInvariant change nothing.
    private static bool IsUpperAsciiTrimmed(string s) => s.Length == 0 || (s[0] > ' ' && s[^1] > ' ' && IsUpperAscii(s));

    private static bool IsUpperAscii(string s)
    {
        foreach (var c in s)
        {
            if (c > '~' || c is >= 'a' and <= 'z' || c < ' ')
            {
                return false;
            }
        }
        return true;
    }

    public static Evidence Ledger(LedgerEvent e, string note) =>
        new("ledger", e.Date, e.ReferenceId, e.Quantity, note);

    /// <summary>Evidence for a reimbursement row and, after it, each reversal that took units back from it.</summary>
    public static IEnumerable<Evidence> Reimbursement(Indexes.ReimbursedRow row, int applied)
    {
        var units = applied == row.EffectiveUnits ? "" : $"; {applied} set against this claim";
        yield return new Evidence("reimbursements", row.Date, row.Row.ReimbursementId, row.Units, row.Note + units);
        foreach (var (reversal, taken) in row.Reversals)
        {
            yield return new Evidence("reimbursements", DateOnly.FromDateTime(reversal.ApprovalDate.DateTime), reversal.ReimbursementId,
                -taken, $"Reimbursement_Reversal {reversal.ReimbursementId} took back {Units(taken)} of {row.Row.ReimbursementId}");
        }
    }
}
