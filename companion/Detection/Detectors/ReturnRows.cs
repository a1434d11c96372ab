using Refully.Companion.Detection.Allocation;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// The per-return-row rule ReturnDamagedNotReimbursed and WrongItemReturned share: each selected returns row is a
/// loss of its quantity, dated by its return date; reimbursements of the order with the given reasons offset them
/// FIFO (SKU-specific first). Key: order id + LPN, else order id + the row's id (identical rows stay separate).
/// Valued with the order line's refunded principal per unit when a refund is known.
/// </summary>
internal static class ReturnRows
{
    /// <summary>Keys of returns rows: order id + LPN, else order id + row id; a repeat gets "#2", "#3" … so keys stay unique.</summary>
    internal sealed class UniqueKeys
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

        public string For(CustomerReturn r)
        {
            var key = $"{r.OrderId}|{r.LicensePlateNumber ?? (r.Id.Length > 0 ? r.Id : r.NaturalKey())}";
            var n = _seen[key] = _seen.GetValueOrDefault(key) + 1;
            return n == 1 ? key : $"{key}#{n}";
        }
    }

    public static IEnumerable<Candidate> Detect(DetectionInput input, ClaimType type, Func<CustomerReturn, bool> select,
        string[] reasons, Func<CustomerReturn, int, int, string> facts, string? note)
    {
        var refunds = input.Refunds.Lines.ToLookup(l => l.OrderId.Trim(), StringComparer.OrdinalIgnoreCase);
        foreach (var order in input.Returns.Where(select).GroupBy(r => r.OrderId.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var allocator = new FifoAllocator<CustomerReturn, object>(
                order.Select(r => (r, DateOnly.FromDateTime(r.ReturnDate.DateTime), r.Quantity)));
            OrderOffsets.ApplyReimbursements(allocator, input, order.Key, r => r.Sku, reasons);
            var keys = new UniqueKeys();
            foreach (var slot in allocator.Slots.Where(s => s.Remaining > 0))
            {
                var r = slot.Loss;
                var refund = refunds[order.Key].FirstOrDefault(l => r.Sku is null || OrderOffsets.SameSku(l.Sku, r.Sku));
                var fnsku = r.Fnsku ?? input.Catalog.FnskuOfSku(r.Sku);
                var date = DateOnly.FromDateTime(r.ReturnDate.DateTime);
                yield return new Candidate
                {
                    Type = type,
                    Marketplace = refund?.Marketplace ?? input.Marketplaces.ForOrder(r.OrderId, fnsku),
                    Key = keys.For(r),
                    Fnsku = fnsku,
                    Sku = r.Sku,
                    Asin = r.Asin ?? input.Catalog.AsinOf(fnsku),
                    OrderId = r.OrderId,
                    ReferenceId = null,
                    Units = slot.Remaining,
                    ReferenceDate = date,
                    Evidence = [new Evidence("returns", date, r.LicensePlateNumber ?? r.OrderId, r.Quantity,
                        $"returned {r.DetailedDisposition ?? "(no disposition)"}, reason {r.Reason ?? "none"}"), .. OrderOffsets.Evidence(slot)],
                    Facts = facts(r, slot.Units - slot.Remaining, slot.Remaining),
                    RefundedPrincipalPerUnit = refund?.PrincipalPerUnit,
                    Currency = refund?.Currency,
                    Note = note,
                };
            }
        }
    }
}
