using Refully.Companion.Detection.Allocation;
using Refully.Companion.Detection.Indexes;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Matching on order id + SKU (claims.md §2): rows that name a SKU go only to losses of that SKU in the order;
/// rows without a SKU then go to any loss of the order (FIFO), so no row counts twice. Shared by the
/// order-level detectors (refunds and returns).
/// </summary>
internal static class OrderOffsets
{
    public static bool SameSku(string? a, string? b) =>
        string.Equals((a ?? "").Trim(), (b ?? "").Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Customer returns of the order: any date, any disposition.</summary>
    public static void ApplyReturns<TLoss>(FifoAllocator<TLoss, object> allocator, IEnumerable<CustomerReturn> returns, Func<TLoss, string?> skuOf)
    {
        var rows = returns.Select(r => ((object)r, DateOnly.FromDateTime(r.ReturnDate.DateTime), r.Quantity)).ToList();
        allocator.Apply(rows.Where(r => !string.IsNullOrEmpty(((CustomerReturn)r.Item1).Sku)), FifoAllocator<TLoss, object>.AnyDate,
            (loss, offset) => SameSku(skuOf(loss), ((CustomerReturn)offset).Sku));
        allocator.Apply(rows.Where(r => string.IsNullOrEmpty(((CustomerReturn)r.Item1).Sku)), FifoAllocator<TLoss, object>.AnyDate);
    }

    /// <summary>Reimbursements of the order with one of the reasons: FIFO (on or after the loss), effective units.</summary>
    public static void ApplyReimbursements<TLoss>(FifoAllocator<TLoss, object> allocator, DetectionInput input, string orderId,
        Func<TLoss, string?> skuOf, params string[] reasons)
    {
        var rows = input.Reimbursed.ForOrder(orderId, reasons).Select(r => ((object)r, r.Date, r.EffectiveUnits)).ToList();
        allocator.Apply(rows.Where(r => !string.IsNullOrEmpty(((ReimbursedRow)r.Item1).Row.Sku)), null,
            (loss, offset) => SameSku(skuOf(loss), ((ReimbursedRow)offset).Row.Sku));
        allocator.Apply(rows.Where(r => string.IsNullOrEmpty(((ReimbursedRow)r.Item1).Row.Sku)));
    }

    /// <summary>Evidence for the offsets a slot took (returns and reimbursements).</summary>
    public static IEnumerable<Evidence> Evidence<TLoss>(LossSlot<TLoss, object> slot) =>
        slot.Applied.GroupBy(a => a.Offset).SelectMany(g => g.Key switch
        {
            CustomerReturn r => [new Evidence("returns", DateOnly.FromDateTime(r.ReturnDate.DateTime), r.LicensePlateNumber ?? r.OrderId,
                r.Quantity, $"returned {r.DetailedDisposition ?? "(no disposition)"}")],
            ReimbursedRow row => Text.Reimbursement(row, g.Sum(a => a.Units)),
            _ => Enumerable.Empty<Evidence>(),
        });

    public static int Units<TLoss, TOffset>(LossSlot<TLoss, object> slot) => slot.Applied.Where(a => a.Offset is TOffset).Sum(a => a.Units);
}
