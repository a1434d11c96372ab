namespace Refully.Companion.Detection.Allocation;

/// <summary>One loss event being allocated: its units, what is left of them, and the offsets that took units.</summary>
public sealed class LossSlot<TLoss, TOffset>(TLoss loss, DateOnly date, int units)
{
    private static readonly (TOffset Offset, int Units)[] None = [];

    // Most slots never take an offset: the list is made on the first one.
    private List<(TOffset Offset, int Units)>? _applied;

    public TLoss Loss { get; } = loss;
    public DateOnly Date { get; } = date;
    public int Units { get; } = units;

    /// <summary>Owed units: what no offset took. Never negative.</summary>
    public int Remaining { get; private set; } = units;

    public IReadOnlyList<(TOffset Offset, int Units)> Applied => (IReadOnlyList<(TOffset Offset, int Units)>?)_applied ?? None;

    internal void Take(TOffset offset, int units)
    {
        Remaining -= units;
        (_applied ??= new List<(TOffset Offset, int Units)>(2)).Add((offset, units));
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
    private List<(TOffset Offset, int Units)>? _unused;

    // Slots before this index have nothing left (Remaining only ever falls), so no offset can go to them.
    private int _firstOpen;

    public FifoAllocator(IEnumerable<(TLoss Loss, DateOnly Date, int Units)> losses)
    {
        _slots = losses.TryGetNonEnumeratedCount(out var count) ? new(count) : [];
        var sorted = true;
        foreach (var (loss, date, units) in losses)
        {
            if (units <= 0)
            {
                continue;
            }
            sorted &= _slots.Count == 0 || _slots[^1].Date <= date;
            _slots.Add(new LossSlot<TLoss, TOffset>(loss, date, units));
        }
        if (!sorted)
        {
            StableSortByDate(_slots, s => s.Date);
        }
    }

    /// <summary>The loss events, oldest first.</summary>
    public IReadOnlyList<LossSlot<TLoss, TOffset>> Slots => _slots;

    /// <summary>Offset units no loss event could take.</summary>
    public IReadOnlyList<(TOffset Offset, int Units)> Unused => (IReadOnlyList<(TOffset Offset, int Units)>?)_unused ?? [];

    /// <param name="offsets">The offsets; order among the same date is kept.</param>
    /// <param name="eligible">(loss date, offset date) → may the offset go to that loss; default <see cref="OnOrBefore"/>.</param>
    /// <param name="matches">(loss, offset) → does the offset belong to that loss at all (e.g. the same SKU of an order); default yes.</param>
    public FifoAllocator<TLoss, TOffset> Apply(IEnumerable<(TOffset Offset, DateOnly Date, int Units)> offsets,
        Func<DateOnly, DateOnly, bool>? eligible = null, Func<TLoss, TOffset, bool>? matches = null)
    {
        eligible ??= OnOrBefore;
        // Slots are in date order: with the default rule, the first slot dated after the offset ends the search.
        var byDate = ReferenceEquals(eligible, OnOrBefore);
        var list = new List<(TOffset Offset, DateOnly Date, int Units)>(offsets.TryGetNonEnumeratedCount(out var count) ? count : 4);
        var sorted = true;
        foreach (var o in offsets)
        {
            if (o.Units <= 0)
            {
                continue;
            }
            sorted &= list.Count == 0 || list[^1].Date <= o.Date;
            list.Add(o);
        }
        if (!sorted)
        {
            StableSortByDate(list, o => o.Date);
        }
        foreach (var (offset, date, units) in list)
        {
            var left = units;
            for (var i = _firstOpen; i < _slots.Count && left > 0; i++)
            {
                var slot = _slots[i];
                if (byDate && slot.Date > date)
                {
                    break;
                }
                if (slot.Remaining > 0 && eligible(slot.Date, date) && (matches is null || matches(slot.Loss, offset)))
                {
                    var take = Math.Min(left, slot.Remaining);
                    slot.Take(offset, take);
                    left -= take;
                }
            }
            while (_firstOpen < _slots.Count && _slots[_firstOpen].Remaining == 0)
            {
                _firstOpen++;
            }
            if (left > 0)
            {
                (_unused ??= []).Add((offset, left));
            }
        }
        return this;
    }

    /// <summary>Sorts by date keeping the order of equal dates (as OrderBy does).</summary>
    private static void StableSortByDate<T>(List<T> items, Func<T, DateOnly> date)
    {
        var keyed = new (DateOnly Date, int Index, T Item)[items.Count];
        for (var i = 0; i < keyed.Length; i++)
        {
            keyed[i] = (date(items[i]), i, items[i]);
        }
        Array.Sort(keyed, static (a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Index.CompareTo(b.Index));
        for (var i = 0; i < keyed.Length; i++)
        {
            items[i] = keyed[i].Item;
        }
    }
}
