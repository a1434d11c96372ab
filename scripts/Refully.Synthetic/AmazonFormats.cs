using System.Globalization;

namespace Refully.Synthetic;

/// <summary>Dates and numbers written the way each report writes them (domain.md §3, §5).</summary>
public static class AmazonFormats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Pacific daylight time: second Sunday of March to first Sunday of November.</summary>
    public static bool PacificDaylight(DateOnly d) => d >= NthSunday(d.Year, 3, 2) && d < NthSunday(d.Year, 11, 1);

    /// <summary>British summer time: last Sunday of March to last Sunday of October.</summary>
    public static bool BritishSummer(DateOnly d) => d >= LastSunday(d.Year, 3) && d < LastSunday(d.Year, 10);

    /// <summary>The local UTC offset in hours of a marketplace on a date.</summary>
    public static int Offset(Market m, DateOnly d) => m.IsUs ? (PacificDaylight(d) ? -7 : -8) : (BritishSummer(d) ? 1 : 0);

    /// <summary>Ledger "Date": MM/DD/YYYY in the US download, DD/MM/YYYY in the UK.</summary>
    public static string LedgerDate(Market m, DateOnly d) => d.ToString(m.IsUs ? "MM/dd/yyyy" : "dd/MM/yyyy", Invariant);

    /// <summary>Ledger "Date and Time": 2026-07-06T00:00:00-0700.</summary>
    public static string LedgerDateTime(Market m, DateOnly d)
    {
        var offset = Offset(m, d);
        return $"{d:yyyy-MM-dd}T00:00:00{(offset < 0 ? '-' : '+')}{Math.Abs(offset):00}00";
    }

    /// <summary>ISO-8601 with an offset, as in the SP-API flat files (reimbursements, returns, removals).</summary>
    public static string Iso(DateOnly d, int utcHour, int minute = 0) => $"{d:yyyy-MM-dd}T{utcHour:00}:{minute:00}:00+00:00";

    /// <summary>Date Range report: "Jul 2, 2026 8:00:00 AM PDT" (US) or "1 Aug 2026 09:15:00 GMT+1" (UK).</summary>
    public static string TransactionDate(Market m, DateOnly d, int localMinute)
    {
        var time = d.ToDateTime(new TimeOnly(localMinute / 60, localMinute % 60, (localMinute * 7) % 60));
        if (m.IsUs)
        {
            return time.ToString("MMM d, yyyy h:mm:ss tt", Invariant) + (PacificDaylight(d) ? " PDT" : " PST");
        }
        return time.ToString("d MMM yyyy HH:mm:ss", Invariant) + (BritishSummer(d) ? " GMT+1" : " GMT");
    }

    public static string Money(decimal value) => value.ToString("0.00", Invariant);

    private static DateOnly NthSunday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays((7 - (int)first.DayOfWeek) % 7 + 7 * (n - 1));
    }

    private static DateOnly LastSunday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
