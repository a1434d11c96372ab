using System.Security.Cryptography;
using System.Text;
using Refully.Companion.Detection;
using Refully.Companion.Storage;

namespace Refully.Companion.Claims;

/// <summary>The findings Amazon takes in one case, with the key that names the case.</summary>
public sealed record ClaimGroup(string Key, ClaimType Type, string Marketplace, string CaseKey, IReadOnlyList<FindingDocument> Findings)
{
    /// <summary>The draft id: stable for the same group key across requests and re-scans.</summary>
    public string DraftId => DraftIdOf(Key);

    public static string DraftIdOf(string groupKey) =>
        "cd-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(groupKey)), 0, 8).ToLowerInvariant();
}

/// <summary>
/// Which claimable findings go into one case (docs/claims-filing.md "Grouping"): one FNSKU for a lost-in-warehouse
/// investigation, one transaction item id for damage, one order for a return claim, one shipment for an inbound
/// reconcile, one removal order, one reimbursement id for a below-cost re-evaluation; confirmed Review findings
/// one case each. Only findings whose status is Claimable (not Waiting, Expired, unconfirmed, filed or dismissed).
/// </summary>
public static class ClaimGrouping
{
    public static IReadOnlyList<ClaimGroup> Group(IEnumerable<FindingDocument> findings) =>
        findings
            .Where(IsClaimable)
            .GroupBy(f => (f.Type, f.Marketplace, CaseKey: CaseKeyOf(f)))
            .Select(g => new ClaimGroup(
                $"{g.Key.Type}|{g.Key.Marketplace}|{g.Key.CaseKey}", g.Key.Type, g.Key.Marketplace, g.Key.CaseKey,
                g.OrderBy(f => f.ReferenceDate).ThenBy(f => f.Id, StringComparer.Ordinal).ToList()))
            .OrderBy(g => g.Findings.Min(f => f.Deadline))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>Claimable now: computed Claimable (Review findings only once confirmed) and no lifecycle status.</summary>
    public static bool IsClaimable(FindingDocument f) => f.Lifecycle is null && f.ComputedStatus == FindingStatus.Claimable && f.CaseId is null;

    /// <summary>The identifier Amazon's tool or form takes for this type; a finding without it is a case of its own.</summary>
    public static string CaseKeyOf(FindingDocument f) => f.Type switch
    {
        ClaimType.LostWarehouse => f.Fnsku ?? f.Sku ?? "finding:" + f.Id,
        ClaimType.DamagedWarehouse => f.ReferenceId ?? "finding:" + f.Id,
        ClaimType.RefundNotReturned or ClaimType.ReturnDamagedNotReimbursed => f.OrderId ?? "finding:" + f.Id,
        ClaimType.InboundShortage => f.ShipmentId ?? "finding:" + f.Id,
        ClaimType.RemovalShortage => f.RemovalOrderId ?? "finding:" + f.Id,
        ClaimType.ReimbursedBelowCost => f.ReferenceId ?? "finding:" + f.Id,
        _ => "finding:" + f.Id, // Review types (confirmed): one case per finding
    };
}
