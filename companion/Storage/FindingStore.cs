using System.Runtime.CompilerServices;
using LiteDB;
using Refully.Companion.Detection;

namespace Refully.Companion.Storage;

/// <summary>A finding as stored: the engine's latest result plus what the seller and tracking said about it.</summary>
public sealed class FindingDocument
{
    public string Id { get; set; } = "";
    public ClaimType Type { get; set; }
    public Confidence Confidence { get; set; }

    /// <summary>The status the dates give (Waiting, Claimable, Expired, NeedsReview) at the last scan.</summary>
    public FindingStatus ComputedStatus { get; set; }

    /// <summary>Filed, Reimbursed, Denied or Dismissed once set; a re-scan never changes it.</summary>
    public FindingStatus? Lifecycle { get; set; }

    public string Marketplace { get; set; } = "";
    public string? Currency { get; set; }
    public string? Fnsku { get; set; }
    public string? Sku { get; set; }
    public string? Asin { get; set; }
    public string? OrderId { get; set; }
    public string? ShipmentId { get; set; }
    public string? RemovalOrderId { get; set; }
    public string? ReferenceId { get; set; }
    public int Units { get; set; }
    public decimal? Amount { get; set; }
    public DateOnly ReferenceDate { get; set; }
    public DateOnly EligibleFrom { get; set; }
    public DateOnly Deadline { get; set; }
    public List<EvidenceDocument> Evidence { get; set; } = [];
    public string Explanation { get; set; } = "";
    public string? CaseId { get; set; }
    public decimal? AmountRecovered { get; set; }
    public string? DismissReason { get; set; }

    /// <summary>A person looked at this Review finding and says it can be claimed.</summary>
    public bool Confirmed { get; set; }

    /// <summary>False once the engine no longer finds it (kept only when it has a lifecycle status).</summary>
    public bool Detected { get; set; } = true;

    public DateTime FirstSeenAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public List<StatusChangeDocument> History { get; set; } = [];

    // Claim tracking (companion/Claims, docs/claims-filing.md): set when the case is filed and while it runs.

    /// <summary>When the case was recorded as filed (UTC); the daily case limit counts these.</summary>
    public DateTime? FiledAt { get; set; }

    /// <summary>The claim draft the case was filed from, when it was.</summary>
    public string? DraftId { get; set; }

    /// <summary>Units and amount claimed at filing; recovery is measured against these (a re-scan may shrink Units once Amazon pays).</summary>
    public int? FiledUnits { get; set; }
    public decimal? FiledAmount { get; set; }

    /// <summary>The case status, normalised (WorkInProgress, Answered, PendingAmazonAction, PendingSellerAction, Closed, Reopened, Unknown).</summary>
    public string? CaseStatus { get; set; }

    /// <summary>The case status as the page showed it (any language).</summary>
    public string? CaseStatusText { get; set; }

    /// <summary>The case's last activity date as the page showed it (or the day the status was first seen).</summary>
    public DateOnly? CaseStatusDate { get; set; }

    /// <summary>The day the case was first seen Closed; the Denied rule counts from here.</summary>
    public DateOnly? CaseClosedOn { get; set; }

    /// <summary>Units Amazon paid for (cash + inventory) according to the reimbursements matched to this finding.</summary>
    public int? UnitsRecovered { get; set; }

    /// <summary>The reimbursement ids matched to this finding.</summary>
    public List<string> ReimbursementIds { get; set; } = [];

    public FindingStatus Status => Lifecycle ?? ComputedStatus;

    /// <summary>A deep copy (the store hands out copies of what it keeps in memory).</summary>
    internal FindingDocument Copy()
    {
        var copy = (FindingDocument)MemberwiseClone();
        copy.Evidence = Evidence.ConvertAll(e => e.Copy());
        copy.History = History.ConvertAll(h => h.Copy());
        copy.ReimbursementIds = [.. ReimbursementIds];
        return copy;
    }
}

public sealed class EvidenceDocument
{
    public string Source { get; set; } = "";
    public DateOnly Date { get; set; }
    public string? ReferenceId { get; set; }
    public int Quantity { get; set; }
    public string Note { get; set; } = "";

    internal EvidenceDocument Copy() => (EvidenceDocument)MemberwiseClone();
}

/// <summary>One transition of a finding's status, with when, who or what caused it, and why.</summary>
public sealed class StatusChangeDocument
{
    public DateTime At { get; set; }
    public FindingStatus Status { get; set; }
    public string Source { get; set; } = "";
    public string? Note { get; set; }

    internal StatusChangeDocument Copy() => (StatusChangeDocument)MemberwiseClone();
}

/// <summary>
/// Filters of <see cref="FindingStore.Query"/>; null means any. <see cref="Anchors"/>: findings whose reference, order,
/// removal order, shipment or case id or FNSKU is in the set (compared as the set compares), what a page shows.
/// </summary>
public sealed record FindingQuery(
    FindingStatus? Status = null, ClaimType? Type = null, string? Marketplace = null, string? Sku = null,
    string? Fnsku = null, string? OrderId = null, string? ShipmentId = null, IReadOnlySet<string>? Anchors = null)
{
    /// <summary>True when the finding passes every filter.</summary>
    internal bool Selects(FindingDocument f) =>
        (Status is null || f.Status == Status)
        && (Type is null || f.Type == Type)
        && (Marketplace is null || string.Equals(f.Marketplace, Marketplace, StringComparison.OrdinalIgnoreCase))
        && (Sku is null || f.Sku == Sku)
        && (Fnsku is null || f.Fnsku == Fnsku)
        && (OrderId is null || f.OrderId == OrderId)
        && (ShipmentId is null || f.ShipmentId == ShipmentId)
        && Anchored(f);

    /// <summary>True when one of the finding's <see cref="Identifiers"/> is in <see cref="Anchors"/> (or there is no such filter).</summary>
    internal bool Anchored(FindingDocument f) => Anchors is not { } anchors || Array.Exists(Identifiers(f), id => id is not null && anchors.Contains(id));

    /// <summary>The identifiers a page may show a finding by, most specific first: reference, order, removal order, shipment, case, FNSKU.</summary>
    internal static string?[] Identifiers(FindingDocument f) => [f.ReferenceId, f.OrderId, f.RemovalOrderId, f.ShipmentId, f.CaseId, f.Fnsku];
}

/// <summary>When detection last merged a run into the store (one document, id "last").</summary>
public sealed class FindingRunDocument
{
    public string Id { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>
/// Findings and their lifecycle. A re-scan replaces what the engine computes but never a lifecycle status
/// (Filed, Reimbursed, Denied, Dismissed) and never duplicates (the id is stable). A finding the engine no
/// longer reports is deleted unless it has a lifecycle status, which then stays with Detected = false.
/// A run writes only the findings it changes; the time of the run is kept once (<see cref="FindingRunDocument"/>)
/// and read back as the <see cref="FindingDocument.LastSeenAt"/> of every detected finding (each one was seen by the
/// last run: any other is deleted or no longer Detected), so reads give what writing every finding would have stored.
/// The stored findings are also kept in memory, per data file (<see cref="Memory"/>), exactly as a read of the file
/// gives them; reads hand out copies. Every write of the collection goes through this class, which updates that copy
/// after its commit (or drops it after a large write, a failure, or a write inside someone else's transaction).
/// </summary>
public sealed class FindingStore
{
    private const string LastRun = "last";

    /// <summary>More findings written in one run than this: the memory copy is read again when next needed (a scan's first run).</summary>
    private const int LargeWrite = 2000;

    /// <summary>More findings stored than this are not held in memory between calls (a large account's scan leaves hundreds of thousands).</summary>
    private const int MaxKept = 50_000;

    private readonly LiteDatabase _db;
    private readonly ILiteCollection<FindingDocument> _findings;

    /// <summary>The same collection for writing documents made by <see cref="FindingDocuments"/> (not the reflection mapper).</summary>
    private readonly ILiteCollection<BsonDocument> _documents;
    private readonly ILiteCollection<FindingRunDocument> _runs;
    private readonly TimeProvider _time;
    private readonly Memory _memory;

    /// <summary>What the stores of one data file share: the findings as stored (null until read, or after a reason to read again).</summary>
    private sealed class Memory
    {
        public readonly Lock Gate = new();
        public Dictionary<string, FindingDocument>? Stored;
        public DateTime? LastRun;

        /// <summary>
        /// Per id, the computed finding (the instance) a run last found its stored document to match: while no other write
        /// touches the document, the same instance (an incremental run keeps the previous run's) still matches it.
        /// </summary>
        public readonly Dictionary<string, Finding> Matched = new(StringComparer.Ordinal);

        /// <summary>The memory copy is read again when next needed.</summary>
        public void Drop()
        {
            Stored = null;
            Matched.Clear();
        }

        /// <summary>Set for good once a write ran inside a transaction this class did not open (it could be rolled back).</summary>
        public bool Off;
    }

    private static readonly ConditionalWeakTable<LiteDatabase, Memory> Memories = new();

    public FindingStore(CompanionDatabase db, TimeProvider time)
    {
        _db = db.Database;
        _time = time;
        _findings = _db.GetCollection<FindingDocument>("findings");
        // No index but the id's is made up front: every index costs each of the tens of thousands of inserts a large
        // scan makes, and queries are answered from the memory copy. The FNSKU index is made the first time a query by
        // FNSKU is answered from the file instead (Query, without the memory copy); data files that have it keep it.
        _documents = _db.GetCollection("findings");
        _runs = _db.GetCollection<FindingRunDocument>("findingRuns");
        _memory = Memories.GetValue(_db, _ => new Memory
        {
            // Ids compare as the data file does: the memory copy is kept only for the ordinal, ignore-case collation.
            Off = _db.Collation.SortOptions != System.Globalization.CompareOptions.OrdinalIgnoreCase,
        });
    }

    /// <summary>The findings as stored, read once (call under the gate); null when the memory copy is off.</summary>
    private Dictionary<string, FindingDocument>? Stored()
    {
        if (_memory.Off)
        {
            return null;
        }
        if (_memory.Stored is null)
        {
            var stored = new Dictionary<string, FindingDocument>(StringComparer.OrdinalIgnoreCase);
            foreach (var doc in _findings.FindAll())
            {
                stored[doc.Id] = doc;
            }
            _memory.LastRun = LastRunAt();
            if (stored.Count > MaxKept)
            {
                return stored; // used for this call only: a very large store is read each time rather than held
            }
            _memory.Stored = stored;
        }
        return _memory.Stored;
    }

    /// <summary>A document as a read of the data file gives it (values through the binary form: times in local time, to the millisecond).</summary>
    private FindingDocument AsStored(FindingDocument doc) =>
        _db.Mapper.ToObject<FindingDocument>(BsonSerializer.Deserialize(BsonSerializer.Serialize(FindingDocuments.ToDocument(doc))));

    /// <summary>Merges one engine run into the store, in one transaction; returns the stored findings.</summary>
    public IReadOnlyList<FindingDocument> Sync(IReadOnlyList<Finding> computed, string source)
    {
        lock (_memory.Gate)
        {
            return SyncLocked(computed, source, answer: true)!;
        }
    }

    /// <summary>As <see cref="Sync"/>, for a caller that reads the findings afterwards anyway (no answer is made).</summary>
    internal void Store(IReadOnlyList<Finding> computed, string source)
    {
        lock (_memory.Gate)
        {
            SyncLocked(computed, source, answer: false);
        }
    }

    /// <remarks>
    /// With the memory copy the stored documents are not copied up front: a document is copied only when the run
    /// changes it, and the answer (when asked for) is made of copies at the end. A finding the same instance of which
    /// matched its document in an earlier run (<see cref="Memory.Matched"/>) is not compared again.
    /// </remarks>
    private List<FindingDocument>? SyncLocked(IReadOnlyList<Finding> computed, string source, bool answer)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var memory = Stored();
        // Without the memory copy, the documents read from the file (this call's own); with it, the memory's documents,
        // copied before any change.
        Dictionary<string, FindingDocument>? read = null;
        if (memory is null)
        {
            read = new Dictionary<string, FindingDocument>(StringComparer.Ordinal);
            foreach (var stored in _findings.FindAll())
            {
                read[stored.Id] = stored;
            }
        }
        var storedCount = memory?.Count ?? read!.Count;
        var matched = memory is not null ? _memory.Matched : null;
        var nowMatched = new List<Finding>();
        var seen = new HashSet<string>(computed.Count, StringComparer.Ordinal);
        var seenStored = 0; // stored documents whose id the run gave
        // New findings are inserted in bulk and changed ones updated in bulk after the loop (not one upsert each);
        // a finding the run leaves as it is stored is not written.
        var fresh = new Dictionary<string, FindingDocument>(StringComparer.Ordinal);
        var known = new Dictionary<string, FindingDocument>(StringComparer.Ordinal);
        var deleted = new HashSet<string>(StringComparer.Ordinal);

        // The document of an id as this run has it so far (ids compared exactly, as the run's ids are).
        FindingDocument? Existing(string id) =>
            fresh.TryGetValue(id, out var doc) || known.TryGetValue(id, out doc) ? doc
            : memory is not null ? (memory.TryGetValue(id, out doc) && string.Equals(doc.Id, id, StringComparison.Ordinal) ? doc : null)
            : read!.GetValueOrDefault(id);

        var own = Transact(() =>
        {
            foreach (var finding in computed)
            {
                var first = seen.Add(finding.Id);
                if (first && matched is not null && matched.TryGetValue(finding.Id, out var last) && ReferenceEquals(last, finding))
                {
                    seenStored++; // the same instance matched its stored document last time, and nothing has written that since
                    continue;
                }
                var found = Existing(finding.Id);
                if (first && found is not null)
                {
                    seenStored++;
                }
                var ours = found is not null && (fresh.ContainsKey(finding.Id) || known.ContainsKey(finding.Id));
                if (found is not null && !ours && found.Detected && found.History.Count > 0 && Matches(found, finding))
                {
                    nowMatched.Add(finding);
                    continue;
                }
                var doc = found is null ? new FindingDocument { Id = finding.Id, FirstSeenAt = now } : memory is null || ours ? found : found.Copy();
                var before = doc.History.Count == 0 ? (FindingStatus?)null : doc.Status;
                Apply(doc, finding);
                doc.Detected = true;
                doc.LastSeenAt = now;
                if (before != doc.Status)
                {
                    doc.History.Add(new StatusChangeDocument { At = now, Status = doc.Status, Source = source });
                }
                if (found is null)
                {
                    fresh[doc.Id] = doc;
                }
                else if (!fresh.ContainsKey(doc.Id))
                {
                    known[doc.Id] = doc;
                }
            }
            if (fresh.Count > 0)
            {
                _documents.InsertBulk(InIdOrder(fresh.Values), fresh.Count);
            }
            if (known.Count > 0)
            {
                _documents.Update(InIdOrder(known.Values));
            }
            if (seenStored < storedCount) // some stored finding the run did not give (else none to look for)
            {
                foreach (var stale in (memory?.Values ?? read!.Values).Where(f => !seen.Contains(f.Id)).ToList())
                {
                    if (stale.Lifecycle is null)
                    {
                        _findings.Delete(stale.Id);
                        deleted.Add(stale.Id);
                    }
                    else if (stale.Detected)
                    {
                        var kept = memory is null ? stale : stale.Copy();
                        kept.Detected = false;
                        _documents.Update(FindingDocuments.ToDocument(kept));
                        known[kept.Id] = kept;
                    }
                }
            }
            _runs.Upsert(new FindingRunDocument { Id = LastRun, At = now });
        });
        var at = LastRunAt();
        var unchanged = memory?.Values ?? read!.Values; // before the memory copy takes this run's documents
        List<FindingDocument>? result = null;
        if (answer)
        {
            // What a read gives afterwards: the run's written documents, and copies of the others, less those deleted.
            result = new List<FindingDocument>(storedCount + fresh.Count);
            foreach (var stored in unchanged)
            {
                if (!fresh.ContainsKey(stored.Id) && !known.ContainsKey(stored.Id) && !deleted.Contains(stored.Id))
                {
                    result.Add(memory is null ? stored : stored.Copy());
                }
            }
            result.AddRange(fresh.Values);
            result.AddRange(known.Values);
        }
        if (own && memory is not null && fresh.Count + known.Count <= LargeWrite)
        {
            foreach (var doc in fresh.Values.Concat(known.Values))
            {
                memory[doc.Id] = AsStored(doc);
                _memory.Matched.Remove(doc.Id);
            }
            foreach (var id in deleted)
            {
                memory.Remove(id);
                _memory.Matched.Remove(id);
            }
            foreach (var finding in nowMatched)
            {
                _memory.Matched[finding.Id] = finding;
            }
            _memory.LastRun = at;
        }
        else
        {
            _memory.Drop();
        }
        if (result is null)
        {
            return null;
        }
        // The detected ones read back with the run's time as stored, so the answer equals a later Query.
        foreach (var doc in result)
        {
            if (doc.Detected && at is { } seenAt)
            {
                doc.LastSeenAt = seenAt;
            }
        }
        result.Sort(ByDeadlineThenId);
        return result;
    }

    /// <summary>Deadline, then id (ordinal): the order findings are answered in (ids are unique).</summary>
    private static int ByDeadlineThenId(FindingDocument a, FindingDocument b)
    {
        var c = a.Deadline.CompareTo(b.Deadline);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    }

    /// <summary>
    /// The documents of findings sorted by id (ordinal, ignoring case, as new data files compare ids), each made when
    /// LiteDB asks for it (a scan's tens of thousands are never all in memory as documents). Inserted in this order,
    /// each insert's walk of LiteDB's skip list ends near where the previous one did, on the same index pages, and
    /// visits fewer nodes than in the engine's order (docs/performance.md); what is stored is the same.
    /// </summary>
    private static IEnumerable<BsonDocument> InIdOrder(IEnumerable<FindingDocument> findings)
    {
        var sorted = findings.ToArray();
        var ids = Array.ConvertAll(sorted, f => f.Id ?? "");
        Array.Sort(ids, sorted, StringComparer.OrdinalIgnoreCase);
        foreach (var finding in sorted)
        {
            yield return FindingDocuments.ToDocument(finding);
        }
    }

    /// <summary>True when <see cref="Apply"/> would leave <paramref name="doc"/> as it is.</summary>
    private static bool Matches(FindingDocument doc, Finding f)
    {
        if (doc.Type != f.Type || doc.Confidence != f.Confidence
            || doc.ComputedStatus != (f.Status == FindingStatus.NeedsReview && doc.Confirmed ? FindingStatus.Claimable : f.Status)
            || doc.Marketplace != f.Marketplace || doc.Currency != f.Currency || doc.Fnsku != f.Fnsku || doc.Sku != f.Sku
            || doc.Asin != f.Asin || doc.OrderId != f.OrderId || doc.ShipmentId != f.ShipmentId
            || doc.RemovalOrderId != f.RemovalOrderId || doc.ReferenceId != f.ReferenceId || doc.Units != f.Units
            || !SameAmount(doc.Amount, f.Amount) || doc.ReferenceDate != f.ReferenceDate || doc.EligibleFrom != f.EligibleFrom
            || doc.Deadline != f.Deadline || doc.Explanation != f.Explanation || doc.Evidence.Count != f.Evidence.Count)
        {
            return false;
        }
        for (var i = 0; i < f.Evidence.Count; i++)
        {
            var (stored, computed) = (doc.Evidence[i], f.Evidence[i]);
            if (stored.Source != computed.Source || stored.Date != computed.Date || stored.ReferenceId != computed.ReferenceId
                || stored.Quantity != computed.Quantity || stored.Note != computed.Note)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Equal values with the same scale (1.0 and 1.00 are written differently).</summary>
    private static bool SameAmount(decimal? a, decimal? b) => a == b && (a is not { } x || x.Scale == b!.Value.Scale);

    /// <summary>A stored finding as read: a detected one was seen by the last run (<see cref="FindingRunDocument"/>).</summary>
    private static FindingDocument? Read(FindingDocument? doc, DateTime? lastRun)
    {
        if (doc is { Detected: true } && lastRun is { } at)
        {
            doc.LastSeenAt = at;
        }
        return doc;
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction of its own unless one is already open. On failure the transaction
    /// is rolled back and the memory copy dropped. Returns whether the transaction was its own; when it was not (a
    /// write inside someone else's transaction, which may still be rolled back) the memory copy is switched off for good.
    /// </summary>
    private bool Transact(Action write)
    {
        var own = _db.BeginTrans();
        try
        {
            write();
            if (own)
            {
                _db.Commit();
            }
        }
        catch
        {
            if (own)
            {
                _db.Rollback();
            }
            _memory.Drop();
            throw;
        }
        if (!own)
        {
            _memory.Off = true;
            _memory.Drop();
        }
        return own;
    }

    private DateTime? LastRunAt() => _runs.FindById(LastRun)?.At;

    public FindingDocument? Get(string id)
    {
        lock (_memory.Gate)
        {
            return Stored() is { } stored
                ? Read(stored.GetValueOrDefault(id)?.Copy(), _memory.LastRun)
                : Read(_findings.FindById(id), LastRunAt());
        }
    }

    public IReadOnlyList<FindingDocument> Query(FindingQuery q)
    {
        IEnumerable<FindingDocument> all;
        DateTime? lastRun;
        lock (_memory.Gate)
        {
            if (Stored() is { } stored)
            {
                // Filtered before copying; the filters below compare exactly (ordinal) either way.
                all = stored.Values.Where(f =>
                    (q.Fnsku is null || f.Fnsku == q.Fnsku) && (q.OrderId is null || f.OrderId == q.OrderId) && (q.ShipmentId is null || f.ShipmentId == q.ShipmentId)
                    && q.Anchored(f))
                    .Select(f => f.Copy()).ToList();
                lastRun = _memory.LastRun;
            }
            else
            {
                if (q.Fnsku is not null)
                {
                    _findings.EnsureIndex(f => f.Fnsku);
                }
                all = q switch
                {
                    { Fnsku: { } fnsku } => _findings.Find(f => f.Fnsku == fnsku),
                    { OrderId: { } order } => _findings.Find(f => f.OrderId == order),
                    { ShipmentId: { } shipment } => _findings.Find(f => f.ShipmentId == shipment),
                    _ => _findings.FindAll(),
                };
                lastRun = LastRunAt();
                all = all.ToList();
            }
        }
        return all.Select(f => Read(f, lastRun)!).Where(q.Selects).ToList().SortedBy(ByDeadlineThenId);
    }

    /// <summary>Sets a lifecycle status (or clears it with null, back to the computed one), recording the transition.</summary>
    public FindingDocument? SetLifecycle(string id, FindingStatus? status, string source, string? note = null, Action<FindingDocument>? update = null)
    {
        if (status is FindingStatus.Waiting or FindingStatus.Claimable or FindingStatus.Expired or FindingStatus.NeedsReview)
        {
            throw new ArgumentException($"{status} is computed from dates, not set.", nameof(status));
        }
        lock (_memory.Gate)
        {
            var doc = Get(id);
            if (doc is null)
            {
                return null;
            }
            doc.Lifecycle = status;
            update?.Invoke(doc);
            doc.History.Add(new StatusChangeDocument { At = _time.GetUtcNow().UtcDateTime, Status = doc.Status, Source = source, Note = note });
            Write(doc);
            return doc;
        }
    }

    /// <summary>A person confirms a Review finding: inside its window it becomes Claimable (and stays so on re-scans).</summary>
    public FindingDocument? Confirm(string id, string source)
    {
        lock (_memory.Gate)
        {
            var doc = Get(id);
            if (doc is null)
            {
                return null;
            }
            doc.Confirmed = true;
            if (doc.ComputedStatus == FindingStatus.NeedsReview)
            {
                doc.ComputedStatus = FindingStatus.Claimable;
                doc.History.Add(new StatusChangeDocument { At = _time.GetUtcNow().UtcDateTime, Status = doc.Status, Source = source, Note = "confirmed after review" });
            }
            Write(doc);
            return doc;
        }
    }

    /// <summary>Updates one finding (in its own transaction unless one is open) and the memory copy after the commit (call under the gate).</summary>
    private void Write(FindingDocument doc)
    {
        if (!Transact(() => _documents.Update(FindingDocuments.ToDocument(doc))))
        {
            return;
        }
        if (_memory.Stored is { } stored)
        {
            stored[doc.Id] = AsStored(doc);
        }
        _memory.Matched.Remove(doc.Id); // changed by someone other than a run: compared again next time
    }

    private static void Apply(FindingDocument doc, Finding f)
    {
        doc.Type = f.Type;
        doc.Confidence = f.Confidence;
        doc.ComputedStatus = f.Status == FindingStatus.NeedsReview && doc.Confirmed ? FindingStatus.Claimable : f.Status;
        doc.Marketplace = f.Marketplace;
        doc.Currency = f.Currency;
        doc.Fnsku = f.Fnsku;
        doc.Sku = f.Sku;
        doc.Asin = f.Asin;
        doc.OrderId = f.OrderId;
        doc.ShipmentId = f.ShipmentId;
        doc.RemovalOrderId = f.RemovalOrderId;
        doc.ReferenceId = f.ReferenceId;
        doc.Units = f.Units;
        doc.Amount = f.Amount;
        doc.ReferenceDate = f.ReferenceDate;
        doc.EligibleFrom = f.EligibleFrom;
        doc.Deadline = f.Deadline;
        doc.Evidence = f.Evidence.Select(e => new EvidenceDocument { Source = e.Source, Date = e.Date, ReferenceId = e.ReferenceId, Quantity = e.Quantity, Note = e.Note }).ToList();
        doc.Explanation = f.Explanation;
    }
}

internal static class FindingListExtensions
{
    /// <summary>The list sorted in place by <paramref name="comparison"/> (for a total order the same as a stable sort).</summary>
    public static List<T> SortedBy<T>(this List<T> list, Comparison<T> comparison)
    {
        list.Sort(comparison);
        return list;
    }
}
