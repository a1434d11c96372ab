namespace Refully.Synthetic;

/// <summary>
/// The default US (and EU/UK) wait and window of every High claim type, copied from claims.md §2, and the
/// status rule of claims.md §1. Deliberately a copy, not a reference to the companion: the generator is an
/// independent reading of the contract.
/// </summary>
public static class Policy
{
    public const string LostWarehouse = "LostWarehouse";
    public const string DamagedWarehouse = "DamagedWarehouse";
    public const string InboundShortage = "InboundShortage";
    public const string RefundNotReturned = "RefundNotReturned";
    public const string ReturnDamagedNotReimbursed = "ReturnDamagedNotReimbursed";
    public const string RemovalShortage = "RemovalShortage";
    public const string ReimbursedBelowCost = "ReimbursedBelowCost";

    public static IReadOnlyList<string> HighTypes { get; } =
        [LostWarehouse, DamagedWarehouse, InboundShortage, RefundNotReturned, ReturnDamagedNotReimbursed, RemovalShortage, ReimbursedBelowCost];

    public static (int Wait, int Window) Windows(string type, Market market) => type switch
    {
        LostWarehouse or DamagedWarehouse => (30, 60),
        InboundShortage => (15, 270),
        RefundNotReturned => (market.RefundWait, market.RefundWindow),
        ReturnDamagedNotReimbursed => (30, 120),
        RemovalShortage or ReimbursedBelowCost => (0, 60),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a High claim type"),
    };

    /// <summary>Waiting before reference + wait, Expired after reference + window, Claimable between (both ends included).</summary>
    public static (string Status, DateOnly EligibleFrom, DateOnly Deadline) Evaluate(string type, Market market, DateOnly reference, DateOnly asOf)
    {
        var (wait, window) = Windows(type, market);
        var eligibleFrom = reference.AddDays(wait);
        var deadline = reference.AddDays(window);
        var status = asOf < eligibleFrom ? "Waiting" : asOf > deadline ? "Expired" : "Claimable";
        return (status, eligibleFrom, deadline);
    }

    /// <summary>Pre-order reimbursement reasons (claims.md §2, ReimbursedBelowCost).</summary>
    public static bool IsPreOrderReason(string reason) =>
        reason is "Lost_Warehouse" or "Damaged_Warehouse" or "Lost_Inbound" or "Damaged_Inbound";
}
