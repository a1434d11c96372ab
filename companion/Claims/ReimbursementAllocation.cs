using Refully.Companion.Detection;
using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;

namespace Refully.Companion.Claims;

/// <summary>
/// Which reimbursement rows pay which filed finding (docs/claims-filing.md "Reimbursements"):
/// 1. rows carrying the case id of a filed case go to that case's findings, oldest finding first, up to the
///    units each claimed (an over-payment stays with the last one);
/// 2. rows without a case id go to a filed finding whose key they match, approved on or after the filing day:
///    same FNSKU and reason for warehouse and inbound types (Lost_Warehouse, Damaged_Warehouse, Lost_Inbound,
///    Damaged_Inbound), same order id (and SKU when both have one) for return types; each row pays one finding;
/// 3. a Reimbursement_Reversal takes back from the finding its original reimbursement went to.
/// The result depends only on the rows and the filed findings, so it is the same every time it is computed.
/// </summary>
public static class ReimbursementAllocation
{
    public sealed class Recovery
    {
        public static Recovery None { get; } = new();

        public int Units { get; set; }
        public decimal Amount { get; set; }
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
    }

    private static readonly HashSet<ClaimType> ReturnTypes =
    [
        ClaimType.RefundNotReturned, ClaimType.ReturnDamagedNotReimbursed, ClaimType.ReturnNotRestocked,
        ClaimType.WrongItemReturned, ClaimType.RefundExceedsCharge,
    ];

    public static Dictionary<string, Recovery> Allocate(IReadOnlyList<FindingDocument> filed, IReadOnlyList<Reimbursement> reimbursements)
    {
        var result = new Dictionary<string, Recovery>(StringComparer.Ordinal);
        var rows = reimbursements.OrderBy(r => r.ApprovalDate).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal); // reimbursement id → finding id
        var used = new HashSet<Reimbursement>(ReferenceEqualityComparer.Instance);
        Recovery Of(FindingDocument f) => result.TryGetValue(f.Id, out var r) ? r : result[f.Id] = new Recovery();
        int Need(FindingDocument f) => (f.FiledUnits ?? f.Units) - (result.TryGetValue(f.Id, out var r) ? r.Units : 0);

        // 1. By case id.
        foreach (var byCase in filed.GroupBy(f => f.CaseId!, StringComparer.Ordinal))
        {
            var members = byCase.OrderBy(f => f.ReferenceDate).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
            foreach (var row in rows.Where(r => !IsReversal(r) && string.Equals(r.CaseId?.Trim(), byCase.Key, StringComparison.Ordinal)))
            {
                used.Add(row);
                var (units, amount) = Size(row);
                if (units <= 0)
                {
                    var target = members.FirstOrDefault(m => Need(m) > 0) ?? members[0];
                    Add(Of(target), row, 0, amount, owner, target.Id);
                    continue;
                }
                var left = units;
                for (var i = 0; i < members.Count && left > 0; i++)
                {
                    var take = i == members.Count - 1 ? left : Math.Min(left, Math.Max(0, Need(members[i])));
                    if (take > 0)
                    {
                        Add(Of(members[i]), row, take, amount * take / units, owner, members[i].Id);
                        left -= take;
                    }
                }
            }
        }

        // 2. By the finding's key, for rows that name no case (Amazon paid on its own after the filing).
        foreach (var f in filed.Where(f => f.FiledAt is not null))
        {
            var filedOn = DateOnly.FromDateTime(f.FiledAt!.Value);
            foreach (var row in rows)
            {
                if (Need(f) <= 0) break;
                if (used.Contains(row) || IsReversal(row) || !string.IsNullOrWhiteSpace(row.CaseId)
                    || DateOnly.FromDateTime(row.ApprovalDate.UtcDateTime) < filedOn || !Matches(f, row))
                {
                    continue;
                }
                used.Add(row);
                var (units, amount) = Size(row);
                Add(Of(f), row, Math.Max(0, units), amount, owner, f.Id);
            }
        }

        // 3. Reversals take back from the finding the original went to (or, with a case id, from that case).
        foreach (var row in rows.Where(IsReversal))
        {
            var findingId = row.OriginalReimbursementId is { } original && owner.TryGetValue(original, out var o) ? o
                : filed.FirstOrDefault(f => row.CaseId is { Length: > 0 } c && f.CaseId == c.Trim())?.Id;
            if (findingId is null || !result.TryGetValue(findingId, out var recovery))
            {
                continue;
            }
            var (units, amount) = Size(row);
            recovery.Units = Math.Max(0, recovery.Units - Math.Abs(units));
            recovery.Amount = Math.Max(0, recovery.Amount - Math.Abs(amount));
            recovery.Ids.Add(row.ReimbursementId);
        }
        return result;
    }

    private static void Add(Recovery r, Reimbursement row, int units, decimal amount, Dictionary<string, string> owner, string findingId)
    {
        r.Units += units;
        r.Amount += amount;
        r.Ids.Add(row.ReimbursementId);
        owner.TryAdd(row.ReimbursementId, findingId);
    }

    /// <summary>Units (cash + inventory) and money of a row.</summary>
    private static (int Units, decimal Amount) Size(Reimbursement r) =>
        (r.QuantityReimbursedTotal ?? (r.QuantityReimbursedCash ?? 0) + (r.QuantityReimbursedInventory ?? 0),
         r.AmountTotal ?? (r.AmountPerUnit ?? 0) * (r.QuantityReimbursedCash ?? 0));

    private static bool IsReversal(Reimbursement r) => Reason(r) == "reimbursementreversal";

    /// <summary>"Lost_Warehouse", "Lost:Warehouse", "Lost: Warehouse" → "lostwarehouse".</summary>
    private static string Reason(Reimbursement r) =>
        new string((r.Reason ?? "").Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    private static bool Matches(FindingDocument f, Reimbursement r)
    {
        var reason = Reason(r);
        bool SameFnsku() => f.Fnsku is not null && string.Equals(f.Fnsku, r.Fnsku, StringComparison.OrdinalIgnoreCase);
        if (ReturnTypes.Contains(f.Type))
        {
            return f.OrderId is not null && r.AmazonOrderId == f.OrderId
                && (f.Sku is null || r.Sku is null || string.Equals(f.Sku, r.Sku, StringComparison.Ordinal));
        }
        return f.Type switch
        {
            ClaimType.LostWarehouse => SameFnsku() && reason == "lostwarehouse",
            ClaimType.DamagedWarehouse => SameFnsku() && reason == "damagedwarehouse",
            ClaimType.InboundShortage => SameFnsku() && reason == "lostinbound",
            ClaimType.InboundCarrierDamaged => SameFnsku() && reason == "damagedinbound",
            _ => false, // removals, disposals, fees, below-cost re-evaluations: only by case id
        };
    }
}
