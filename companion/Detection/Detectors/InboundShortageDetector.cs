using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Refully.Companion.Detection.Allocation;
using Refully.Companion.Detection.Indexes;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Units shipped to Amazon and never received (claims.md §2), per shipment id + FNSKU of a shipment whose status
/// is CLOSED or RECEIVING: shipped − received, where received = max(QuantityReceived, Σ ledger Receipts rows with
/// that shipment id as Reference ID and that FNSKU). Lost_Inbound reimbursements of the FNSKU go FIFO to the
/// FNSKU's shortages ordered by each shipment's first receipt, each only to shipments first received on or before
/// its approval date. The reference date is the shipment's latest ledger receipt. A shipment with no ledger
/// receipt at all is dated by its confirmed need-by date, else the items' release date; with none of those it is
/// left out (no date to count a window from).
/// </summary>
public sealed class InboundShortageDetector : IDetector
{
    public ClaimType Type => ClaimType.InboundShortage;

    public Confidence Confidence => Confidence.High;

    public IEnumerable<Candidate> Detect(DetectionInput input)
    {
        var places = input.Marketplaces;
        var shipments = input.InboundShipments.Where(Counted).ToDictionary(s => s.ShipmentId, StringComparer.OrdinalIgnoreCase);
        var receipts = ReceiptsByShipment(input.LedgerRows(LedgerEventType.Receipts), shipments);

        // Per shipment, worked out once for all its lines: its receipts by FNSKU (as the catalog counts them), first and
        // last receipt date and the first receipt's own marketplace.
        var receiptsOf = new Dictionary<string, ShipmentReceipts>(StringComparer.OrdinalIgnoreCase);
        ShipmentReceipts ReceiptsOf(string shipmentId)
        {
            if (receiptsOf.TryGetValue(shipmentId, out var known))
            {
                return known;
            }
            var rows = receipts.GetValueOrDefault(shipmentId) ?? [];
            var byFnsku = new Dictionary<string, List<LedgerEvent>>(StringComparer.OrdinalIgnoreCase);
            foreach (var e in rows)
            {
                var fnsku = input.Catalog.FnskuOf(e);
                if (!byFnsku.TryGetValue(fnsku, out var list))
                {
                    byFnsku[fnsku] = list = [];
                }
                list.Add(e);
            }
            var made = new ShipmentReceipts(rows, byFnsku,
                rows.Count > 0 ? rows.Min(e => e.Date) : default, rows.Count > 0 ? rows.Max(e => e.Date) : default,
                rows.Select(MarketplaceResolver.Of).FirstOrDefault(m => m is not null));
            receiptsOf[shipmentId] = made;
            return made;
        }

        var shortages = new List<Shortage>();
        foreach (var line in input.InboundItems
                     .Where(i => shipments.ContainsKey(i.ShipmentId))
                     .GroupBy(i => (Shipment: i.ShipmentId.ToUpperInvariant(), Fnsku: i.Fnsku.ToUpperInvariant())))
        {
            var items = line.ToList();
            var shipment = shipments[items[0].ShipmentId];
            var all = ReceiptsOf(shipment.ShipmentId);
            var mine = all.ByFnsku.GetValueOrDefault(items[0].Fnsku) ?? [];
            var shipped = items.Sum(i => i.QuantityShipped ?? 0);
            var received = Math.Max(items.Sum(i => i.QuantityReceived ?? 0), mine.Sum(e => e.Quantity));
            var first = all.Rows.Count > 0 ? all.First : shipment.ConfirmedNeedByDate ?? items.Min(i => i.ReleaseDate);
            var last = all.Rows.Count > 0 ? all.Last : first;
            if (shipped - received <= 0 || first is null || last is null)
            {
                continue;
            }
            var marketplace = all.Marketplace
                ?? items[0].Marketplace ?? shipment.Marketplace ?? places.ForFnsku(items[0].Fnsku);
            shortages.Add(new Shortage(shipment.ShipmentId, items[0].Fnsku, items[0].SellerSku, marketplace, shipped,
                received, items.Sum(i => i.QuantityReceived ?? 0), first.Value, last.Value, mine));
        }

        foreach (var group in shortages.GroupBy(s => (Fnsku: s.Fnsku.ToUpperInvariant(), Pool: places.Pool(s.Marketplace))))
        {
            var allocator = new FifoAllocator<Shortage, ReimbursedRow>(group.Select(s => (s, s.FirstReceipt, s.Shipped - s.Received)));
            allocator.Apply(input.Reimbursed.ForFnsku(group.First().Fnsku, "Lost_Inbound")
                .Where(r => places.Pool(places.For(r.Row), r.Row.Currency) == group.Key.Pool)
                .Select(r => (r, r.Date, r.EffectiveUnits)));
            foreach (var slot in allocator.Slots.Where(s => s.Remaining > 0))
            {
                yield return Build(input, slot);
            }
        }
    }

    /// <summary>A shipment whose shortages are counted: status CLOSED or RECEIVING.</summary>
    private static bool Counted(InboundShipment s) => s.ShipmentStatus?.Trim().ToUpperInvariant() is "CLOSED" or "RECEIVING";

    /// <summary>
    /// The ids (any case) of the shipments whose ledger Receipts rows this detector reads: a receipt with another
    /// Reference ID changes none of its findings (<see cref="IncrementalDetection"/>).
    /// </summary>
    internal static HashSet<string> CountedShipments(DetectionInput input) =>
        input.InboundShipments.Where(Counted).Select(s => s.ShipmentId).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Ledger Receipts rows of the shipments by shipment id (any case), in ledger order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one loop over every receipt, run once per detection
    private static Dictionary<string, List<LedgerEvent>> ReceiptsByShipment(IReadOnlyList<LedgerEvent> rows, Dictionary<string, InboundShipment> shipments)
    {
        var byShipment = new Dictionary<string, List<LedgerEvent>>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in rows)
        {
            if (e.EventType == LedgerEventType.Receipts && e.ReferenceId is not null && shipments.ContainsKey(e.ReferenceId))
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(byShipment, e.ReferenceId, out _);
                (list ??= []).Add(e);
            }
        }
        return byShipment;
    }

    private static Candidate Build(DetectionInput input, LossSlot<Shortage, ReimbursedRow> slot)
    {
        var s = slot.Loss;
        var paid = slot.Applied.Sum(a => a.Units);
        var sku = s.Sku ?? input.Catalog.SkuOf(s.Fnsku);
        var evidence = new List<Evidence>
        {
            new("inbound", s.FirstReceipt, s.ShipmentId, s.Shipped, $"shipped {s.Shipped}, Amazon reports {s.ApiReceived} received"),
        };
        evidence.AddRange(s.Receipts.Select(e => Text.Ledger(e, "received")));
        evidence.AddRange(slot.Applied.SelectMany(a => Text.Reimbursement(a.Offset, a.Units)));
        return new Candidate
        {
            Type = ClaimType.InboundShortage,
            Marketplace = s.Marketplace,
            Key = $"{s.ShipmentId}|{s.Fnsku}",
            Fnsku = s.Fnsku,
            Sku = sku,
            Asin = input.Catalog.AsinOf(s.Fnsku),
            ShipmentId = s.ShipmentId,
            Units = slot.Remaining,
            ReferenceDate = s.LastReceipt,
            Evidence = evidence,
            Facts = $"Shipment {s.ShipmentId} carried {Text.Units(s.Shipped)} of {s.Fnsku}{(sku is null ? "" : $" ({sku})")} and Amazon received {s.Received}; "
                + $"{paid} {(paid == 1 ? "was" : "were")} reimbursed as lost inbound, so {Text.Units(slot.Remaining)} {(slot.Remaining == 1 ? "is" : "are")} owed.",
        };
    }

    private sealed record ShipmentReceipts(List<LedgerEvent> Rows, Dictionary<string, List<LedgerEvent>> ByFnsku, DateOnly First, DateOnly Last, string? Marketplace);

    private sealed record Shortage(string ShipmentId, string Fnsku, string? Sku, string Marketplace, int Shipped, int Received,
        int ApiReceived, DateOnly FirstReceipt, DateOnly LastReceipt, IReadOnlyList<LedgerEvent> Receipts);
}
