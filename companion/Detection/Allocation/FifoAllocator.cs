namespace Refully.Companion.Detection.Allocation;

/// <summary>One loss event being allocated: its units, what is left of them, and the offsets that took units.</summary>
public sealed class LossSlot<TLoss, TOffset>(TLoss loss, DateOnly date, int units)
{
    private readonly List<(TOffset Offset, int Units)> _applied = [];

    public TLoss Loss { get; } = loss;
    public DateOnly Date { get; } = date;
    public int Units { get; } = units;

    /// <summary>Owed units: what no offset took. Never negative.</summary>
    public int Remaining { get; private set; } = units;

    public IReadOnlyList<(TOffset Offset, int Units)> Applied => _applied;

    internal void Take(TOffset offset, int units)
    {
        Remaining -= units;
        _applied.Add((offset, units));
    }
}

/// <summary>
/// FIFO allocation of offsets to loss events of one key (claims.md §1): offsets are taken in date order and
/// each offset unit goes to the oldest loss event dated on or before the offset that still has units left.
/// An offset unit with no such event is unused (it belongs to a loss outside the data). Losses and offsets of
/// zero or negative units are ignored, so nothing is ever negative and nothing leaks to another key (a key is
/// one allocator). Ties keep input order. <see cref="Apply"/> may be called more than once (e.g. SKU-specific
/// offsets before order-wide ones); each call takes its own offsets in date order.
/// </summary>
public sealed class FifoAllocator<TLoss, TOffset>
{
    /// <summary>The claims.md rule: the loss is dated on or before the offset.</summary>
    public static readonly Func<DateOnly, DateOnly, bool> OnOrBefore = (lossDate, offsetDate) => lossDate <= offsetDate;

    /// <summary>For offsets that reduce a loss whatever their date (a customer return against a refund).</summary>
    public static readonly Func<DateOnly, DateOnly, bool> AnyDate = (_, _) => true;

    private readonly List<LossSlot<TLoss, TOffset>> _slots;
    private readonly List<(TOffset Offset, int Units)> _unused = [];

    public FifoAllocator(IEnumerable<(TLoss Loss, DateOnly Date, int Units)> losses)
    {
        _slots = losses
            .Where(l => l.Units > 0)
            .Select((l, i) => (Slot: new LossSlot<TLoss, TOffset>(l.Loss, l.Date, l.Units), Index: i))
            .OrderBy(x => x.Slot.Date).ThenBy(x => x.Index)
            .Select(x => x.Slot)
            .ToList();
    }

    /// <summary>The loss events, oldest first.</summary>
    public IReadOnlyList<LossSlot<TLoss, TOffset>> Slots => _slots;

    /// <summary>Offset units no loss event could take.</summary>
    public IReadOnlyList<(TOffset Offset, int Units)> Unused => _unused;

    /// <param name="offsets">The offsets; order among the same date is kept.</param>
    /// <param name="eligible">(loss date, offset date) → may the offset go to that loss; default <see cref="OnOrBefore"/>.</param>
    /// <param name="matches">(loss, offset) → does the offset belong to that loss at all (e.g. the same SKU of an order); default yes.</param>
    public FifoAllocator<TLoss, TOffset> Apply(IEnumerable<(TOffset Offset, DateOnly Date, int Units)> offsets,
        Func<DateOnly, DateOnly, bool>? eligible = null, Func<TLoss, TOffset, bool>? matches = null)
    {
        eligible ??= OnOrBefore;
        matches ??= (_, _) => true;
        foreach (var (offset, date, units) in offsets.Where(o => o.Units > 0).OrderBy(o => o.Date))
        {
            var left = units;
            foreach (var slot in _slots)
            {
                if (left == 0)
                {
                    break;
                }
                if (slot.Remaining > 0 && eligible(slot.Date, date) && matches(slot.Loss, offset))
                {
                    var take = Math.Min(left, slot.Remaining);
                    slot.Take(offset, take);
                    left -= take;
                }
            }
            if (left > 0)
            {
                _unused.Add((offset, left));
            }
        }
        return this;
    }
}
