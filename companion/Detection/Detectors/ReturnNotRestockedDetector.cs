using Refully.Companion.Detection.Allocation;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Sellable returns that never came back into inventory (claims.md §3): per FNSKU (the row's, else its SKU's
/// only FNSKU) the returns rows with detailed-disposition SELLABLE are losses, and ledger CustomerReturns rows
/// (positive, SELLABLE or no disposition) of that FNSKU offset them FIFO — first those whose Reference ID is the
/// return's order id, then any other, dated no more than <see cref="LedgerLeadDays"/> days before the return
/// (the ledger can book the unit a little before the returns report dates it). Key: order id + LPN (else row id).
/// </summary>
public sealed class ReturnNotRestockedDetector : IDetector
{
    public const int LedgerLeadDays = 7;

    public ClaimType Type => ClaimType.ReturnNotRestocked;

    public Confidence Confidence => Confidence.Review;

    /// <summary>A ledger row that offsets sellable returns: CustomerReturns, Quantity &gt; 0, SELLABLE or no disposition.</summary>
    internal static bool IsRestock(LedgerEvent e) =>
        e.EventType == LedgerEventType.CustomerReturns && e.Quantity > 0
        && (e.Disposition is null || string.Equals(e.Disposition, "SELLABLE", StringComparison.OrdinalIgnoreCase));

    /// <summary>The sellable returns rows with the FNSKU they count under (the row's, else its SKU's only FNSKU).</summary>
    private static IEnumerable<(CustomerReturn Row, string? Fnsku)> Sellable(DetectionInput input) => input.Returns
        .Where(r => r.Quantity > 0 && string.Equals(r.DetailedDisposition?.Trim(), "SELLABLE", StringComparison.OrdinalIgnoreCase))
        .Select(r => (Row: r, Fnsku: r.Fnsku ?? input.Catalog.FnskuOfSku(r.Sku)))
        .Where(x => x.Fnsku is not null);

    /// <summary>
    /// The FNSKUs (any case) with sellable returns: the only ones whose restocks this detector reads; a restock of
    /// another FNSKU changes none of its findings (<see cref="IncrementalDetection"/>).
    /// </summary>
    internal static HashSet<string> SellableFnskus(DetectionInput input) =>
        Sellable(input).Select(x => x.Fnsku!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<Candidate> Detect(DetectionInput input)
    {
        var restocks = input.LedgerRows(LedgerEventType.CustomerReturns)
            .Where(IsRestock)
            .ToLookup(e => input.Catalog.FnskuOf(e), StringComparer.OrdinalIgnoreCase);
        var sellable = Sellable(input);
        var refunds = input.Refunds.Lines.ToLookup(l => l.OrderId.Trim(), StringComparer.OrdinalIgnoreCase);
        var keys = new ReturnRows.UniqueKeys();
        foreach (var group in sellable.GroupBy(x => x.Fnsku!, StringComparer.OrdinalIgnoreCase))
        {
            var allocator = new FifoAllocator<CustomerReturn, LedgerEvent>(
                group.Select(x => (x.Row, DateOnly.FromDateTime(x.Row.ReturnDate.DateTime), x.Row.Quantity)));
            var ledger = restocks[group.Key].Select(e => (e, e.Date, e.Quantity)).ToList();
            var orders = group.Select(x => x.Row.OrderId).ToHashSet(StringComparer.OrdinalIgnoreCase);
            allocator.Apply(ledger.Where(l => l.e.ReferenceId is not null && orders.Contains(l.e.ReferenceId)), FifoAllocator<CustomerReturn, LedgerEvent>.AnyDate,
                (r, e) => string.Equals(r.OrderId, e.ReferenceId, StringComparison.OrdinalIgnoreCase));
            allocator.Apply(ledger.Where(l => l.e.ReferenceId is null || !orders.Contains(l.e.ReferenceId)),
                (returnDate, ledgerDate) => ledgerDate >= returnDate.AddDays(-LedgerLeadDays));
            foreach (var slot in allocator.Slots.Where(s => s.Remaining > 0))
            {
                var r = slot.Loss;
                var date = DateOnly.FromDateTime(r.ReturnDate.DateTime);
                var refund = refunds[r.OrderId.Trim()].FirstOrDefault(l => r.Sku is null || OrderOffsets.SameSku(l.Sku, r.Sku));
                yield return new Candidate
                {
                    Type = Type,
                    Marketplace = refund?.Marketplace ?? input.Marketplaces.ForOrder(r.OrderId, group.Key),
                    Key = keys.For(r),
                    Fnsku = group.Key,
                    Sku = r.Sku ?? input.Catalog.SkuOf(group.Key),
                    Asin = r.Asin ?? input.Catalog.AsinOf(group.Key),
                    OrderId = r.OrderId,
                    Units = slot.Remaining,
                    ReferenceDate = date,
                    Evidence =
                    [
                        new Evidence("returns", date, r.LicensePlateNumber ?? r.OrderId, r.Quantity, $"returned SELLABLE, status {r.Status ?? "none"}"),
                        .. slot.Applied.Select(a => Text.Ledger(a.Offset, "customer return restocked")),
                    ],
                    Facts = $"{Text.Units(r.Quantity)} of order {r.OrderId} ({group.Key}) came back sellable on {Text.Date(date)}, but the ledger shows "
                        + $"{slot.Units - slot.Remaining} restocked, so {Text.Units(slot.Remaining)} never reached your inventory.",
                    RefundedPrincipalPerUnit = refund?.PrincipalPerUnit,
                    Currency = refund?.Currency,
                    Note = "The ledger may have booked the unit under another FNSKU or much later; look the order up in the ledger before claiming.",
                };
            }
        }
    }
}
