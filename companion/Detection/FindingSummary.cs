using Refully.Companion.Storage;

namespace Refully.Companion.Detection;

/// <summary>The readable part of `scan`: totals by type and status, then the claimable findings by deadline.</summary>
public static class FindingSummary
{
    public static void Write(TextWriter output, IReadOnlyList<FindingDocument> findings, DateOnly asOf)
    {
        output.WriteLine();
        if (findings.Count == 0)
        {
            output.WriteLine("No claims found.");
            return;
        }
        output.WriteLine($"Findings as of {asOf:yyyy-MM-dd}: {findings.Count}");
        var statuses = Enum.GetValues<FindingStatus>().Where(s => findings.Any(f => f.Status == s)).ToList();
        var typeWidth = Math.Max(12, findings.Max(f => f.Type.ToString().Length));
        output.WriteLine("  " + "type".PadRight(typeWidth) + string.Concat(statuses.Select(s => s.ToString().PadLeft(13))));
        foreach (var byType in findings.GroupBy(f => f.Type).OrderBy(g => g.Key))
        {
            output.WriteLine("  " + byType.Key.ToString().PadRight(typeWidth)
                + string.Concat(statuses.Select(s => byType.Count(f => f.Status == s).ToString().PadLeft(13))));
        }

        var claimable = findings.Where(f => f.Status == FindingStatus.Claimable).OrderBy(f => f.Deadline).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        output.WriteLine();
        if (claimable.Count == 0)
        {
            output.WriteLine("Nothing is claimable today.");
            return;
        }
        output.WriteLine($"Claimable now ({claimable.Count}), soonest deadline first:");
        foreach (var f in claimable)
        {
            var amount = f.Amount is { } a ? Valuer.Money(a, f.Currency ?? "") : "value unknown";
            var subject = f.OrderId ?? f.ShipmentId ?? f.RemovalOrderId ?? f.Fnsku ?? f.Sku ?? f.ReferenceId ?? "";
            output.WriteLine($"  {f.Deadline:yyyy-MM-dd}  {f.Type,-26} {f.Marketplace,-3} {subject,-22} {f.Units,4} units  {amount,16}  {f.Id}");
        }
        foreach (var total in claimable.Where(f => f.Amount is not null).GroupBy(f => f.Currency ?? ""))
        {
            output.WriteLine($"  Total claimable: {Valuer.Money(total.Sum(f => f.Amount!.Value), total.Key)}"
                + (claimable.Any(f => f.Amount is null && f.Currency == total.Key) ? " (plus findings of unknown value)" : ""));
        }
    }
}
