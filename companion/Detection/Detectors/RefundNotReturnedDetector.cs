using Refully.Companion.Detection.Allocation;
using Refully.Companion.Detection.Indexes;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Detection.Detectors;

/// <summary>
/// Customers refunded for units they never sent back (claims.md §2), per order id + SKU of an Amazon-fulfilled
/// refund: refunded quantity − returned quantity (returns report rows of the order and SKU, any disposition, any
/// date), then CustomerReturn/CustomerServiceIssue reimbursements of the order FIFO. Dated by the first refund.
/// </summary>
public sealed class RefundNotReturnedDetector : IDetector
{
    public ClaimType Type => ClaimType.RefundNotReturned;

    public Confidence Confidence => Confidence.High;

    public IEnumerable<Candidate> Detect(DetectionInput input)
    {
        var returns = input.Returns.ToLookup(r => r.OrderId.Trim(), StringComparer.OrdinalIgnoreCase);
        foreach (var order in input.Refunds.Lines.GroupBy(l => l.OrderId.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var allocator = new FifoAllocator<RefundLine, object>(order.Select(l => (l, l.FirstDate, l.Quantity)));
            OrderOffsets.ApplyReturns(allocator, returns[order.Key], l => l.Sku);
            OrderOffsets.ApplyReimbursements(allocator, input, order.Key, l => l.Sku, "CustomerReturn", "CustomerServiceIssue");
            foreach (var slot in allocator.Slots.Where(s => s.Remaining > 0))
            {
                yield return Build(input, slot);
            }
        }
    }

    private static Candidate Build(DetectionInput input, LossSlot<RefundLine, object> slot)
    {
        var line = slot.Loss;
        var returned = OrderOffsets.Units<RefundLine, CustomerReturn>(slot);
        var paid = OrderOffsets.Units<RefundLine, ReimbursedRow>(slot);
        var fnsku = input.Catalog.FnskuOfSku(line.Sku);
        var evidence = line.Rows.Select(t => new Evidence(t.Source == TransactionSources.DateRange ? "transactions" : "settlement",
                DateOnly.FromDateTime(t.Date.DateTime), t.OrderId, -Math.Abs(t.Quantity ?? 1),
                $"refund{(t.ProductSales is { } p ? " " + Text.Money(Math.Abs(p), t.Currency) : "")}"))
            .Concat(OrderOffsets.Evidence(slot))
            .ToList();
        return new Candidate
        {
            Type = ClaimType.RefundNotReturned,
            Marketplace = line.Marketplace,
            Key = $"{line.OrderId}|{line.Sku}",
            Fnsku = fnsku,
            Sku = line.Sku.Length > 0 ? line.Sku : null,
            Asin = input.Catalog.AsinOf(fnsku),
            OrderId = line.OrderId,
            Units = slot.Remaining,
            ReferenceDate = line.FirstDate,
            Evidence = evidence,
            Facts = $"Order {line.OrderId} was refunded for {Text.Units(line.Quantity)}{(line.Sku.Length > 0 ? $" of {line.Sku}" : "")} on {Text.Date(line.FirstDate)}; "
                + $"{returned} came back and {paid} {(paid == 1 ? "was" : "were")} reimbursed, so {Text.Units(slot.Remaining)} {(slot.Remaining == 1 ? "is" : "are")} owed.",
            RefundedPrincipalPerUnit = line.PrincipalPerUnit,
            Currency = line.Currency,
        };
    }
}
