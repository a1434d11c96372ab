using System.Globalization;
using Microsoft.Extensions.Options;
using Refully.Companion.Api;
using Refully.Companion.Detection;
using Refully.Companion.Domain;
using Refully.Companion.Domain.Records;
using Refully.Companion.Storage;

namespace Refully.Companion.Claims;

/// <summary>A guard rail or input refused a filing; <see cref="Code"/> is a stable ProblemCodes value.</summary>
public sealed class ClaimException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
}

/// <summary>
/// Today's case count against the daily limit in one marketplace (its own time zone). <c>Warning</c> is the
/// sentence to show from <c>WarningAt</c> cases on (null below it); <c>Reached</c> refuses further filings.
/// </summary>
public sealed record DailyLimit(string Marketplace, DateOnly Date, int FiledToday, int Limit, int WarningAt, bool NearLimit, bool Reached, string? Warning);

/// <summary>`GET /api/claims/limits`: the most constrained marketplace (or the one asked for) at the top, every marketplace below.</summary>
public sealed record LimitsResponse(string? Marketplace, DateOnly Date, int FiledToday, int Limit, int WarningAt, bool NearLimit, bool Reached, string? Warning,
    IReadOnlyList<DailyLimit> Marketplaces);

/// <summary>The findings a case was recorded for, and the limit after it.</summary>
public sealed record FilingResult(string CaseId, string Marketplace, string? DraftId, bool AlreadyRecorded, IReadOnlyList<FindingDocument> Findings, DailyLimit Limit);

/// <summary>
/// The lifecycle of filed claims (docs/claims-filing.md "Lifecycle"). <see cref="MarkFiled"/> records a case with
/// the guard rails (no Waiting finding, no second case, the daily case limit). <see cref="Track(IReadOnlyList{CaseRecord}, IReadOnlyList{Reimbursement})"/>
/// moves filed findings from what pages and reports say: case statuses, reimbursements by case id or by the
/// finding's key, Denied after a case closed without payment. Every change goes through
/// <see cref="FindingStore.SetLifecycle"/> (time, source, note); tracking computes its result from the records
/// each time and writes only differences, so running it twice changes nothing.
/// </summary>
public sealed class ClaimTracker(FindingStore findings, RecordStore records, ClaimDrafter drafter, IOptions<ClaimOptions> options, TimeProvider time)
    : IDetectionFollowUp
{
    public const string CaseStatusSource = "case-status";
    public const string ReimbursementSource = "reimbursement";
    public const string DeniedSource = "claim-timeout";

    private readonly Lock _gate = new();
    private ClaimOptions Options => options.Value;

    // ---------------------------------------------------------------- filing

    /// <summary>Records the case filed from a draft. A draft already filed answers CLAIM_ALREADY_FILED (or, with the same case id, the recorded filing).</summary>
    public FilingResult MarkDraftFiled(string draftId, string caseId, string source, bool acknowledgeLimit = false)
    {
        lock (_gate)
        {
            var ids = drafter.Group(draftId)?.Findings.Select(f => f.Id).ToList()
                ?? findings.Query(new FindingQuery()).Where(f => f.DraftId == draftId).Select(f => f.Id).ToList();
            if (ids.Count == 0)
            {
                throw new ClaimException(404, ProblemCodes.DraftNotFound, $"No claim draft has the id '{draftId}' (its findings may have expired or been dismissed).");
            }
            return MarkFiledLocked(ids, caseId, source, draftId, acknowledgeLimit);
        }
    }

    /// <summary>Records that a case with <paramref name="caseId"/> was filed for these findings (→ Filed).</summary>
    public FilingResult MarkFiled(IReadOnlyList<string> findingIds, string caseId, string source, bool acknowledgeLimit = false)
    {
        lock (_gate)
        {
            return MarkFiledLocked(findingIds, caseId, source, null, acknowledgeLimit);
        }
    }

    private FilingResult MarkFiledLocked(IReadOnlyList<string> findingIds, string caseId, string source, string? draftId, bool acknowledgeLimit)
    {
        caseId = (caseId ?? "").Trim();
        if (!IsCaseId(caseId))
        {
            throw new ClaimException(400, ProblemCodes.CaseIdInvalid, $"'{caseId}' is not a Seller Central case id (digits only, as in view-case?caseID=…).");
        }
        var docs = findingIds.Distinct(StringComparer.Ordinal).Select(id => findings.Get(id)
            ?? throw new ClaimException(404, ProblemCodes.FindingNotFound, $"No finding has the id '{id}'.")).ToList();
        if (docs.Count == 0)
        {
            throw new ClaimException(404, ProblemCodes.FindingNotFound, "Name at least one finding.");
        }
        var marketplace = docs[0].Marketplace;
        if (docs.All(d => d.CaseId == caseId && IsFiled(d)))
        {
            return new FilingResult(caseId, marketplace, draftId ?? docs[0].DraftId, true, docs, Limit(marketplace));
        }
        if (docs.FirstOrDefault(d => IsFiled(d) || d.CaseId is not null) is { } filed)
        {
            throw new ClaimException(409, ProblemCodes.ClaimAlreadyFiled,
                $"Finding {filed.Id} is already filed in case {filed.CaseId} ({filed.Status}); Refully never records a second case for it.");
        }
        if (docs.FirstOrDefault(d => d.Status == FindingStatus.Waiting) is { } waiting)
        {
            throw new ClaimException(409, ProblemCodes.ClaimWaiting,
                $"Finding {waiting.Id} is Waiting until {waiting.EligibleFrom:yyyy-MM-dd}: Amazon may still settle it on its own, so it cannot be claimed yet.");
        }
        var before = Limit(marketplace);
        if (before.Reached && !acknowledgeLimit)
        {
            throw new ClaimException(429, ProblemCodes.DailyLimitReached, before.Warning!);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var note = $"case {caseId} filed" + (draftId is null ? "" : $" from draft {draftId}") + (before.Reached ? " (over the daily case limit, acknowledged)" : "");
        var updated = docs.Select(d => findings.SetLifecycle(d.Id, FindingStatus.Filed, source, note, f =>
        {
            f.CaseId = caseId;
            f.FiledAt = now;
            f.DraftId = draftId;
            f.FiledUnits = f.Units;
            f.FiledAmount = f.Amount;
            f.CaseStatus = null;
            f.CaseStatusText = null;
            f.CaseStatusDate = null;
            f.CaseClosedOn = null;
        })!).ToList();
        return new FilingResult(caseId, marketplace, draftId, false, updated, Limit(marketplace));
    }

    private static bool IsCaseId(string id) => id.Length is >= 5 and <= 20 && id.All(char.IsAsciiDigit);

    private static bool IsFiled(FindingDocument f) => f.Lifecycle is FindingStatus.Filed or FindingStatus.Reimbursed or FindingStatus.Denied;

    // ---------------------------------------------------------------- daily limit

    /// <summary>Cases recorded today (the marketplace's time zone) in a marketplace, against the configured limit.</summary>
    public DailyLimit Limit(string marketplace)
    {
        var today = MarketplaceClock.Today(time, marketplace);
        var count = findings.Query(new FindingQuery(Marketplace: marketplace))
            .Where(f => f.FiledAt is { } at && f.CaseId is not null && MarketplaceClock.LocalDate(at, marketplace) == today)
            .Select(f => f.CaseId).Distinct(StringComparer.Ordinal).Count();
        var limit = Math.Max(1, Options.DailyCaseLimit);
        var warningAt = WarningAt(limit);
        var reached = count >= limit;
        var warning = count >= warningAt;
        var message = reached
            ? $"{count} of {limit} cases recorded today in {marketplace}: the daily case limit is reached. Amazon penalises floods of cases; file the rest tomorrow."
            : warning ? $"{count} of {limit} cases recorded today in {marketplace}: close to the daily case limit." : null;
        return new DailyLimit(marketplace, today, count, limit, warningAt, warning, reached, message);
    }

    /// <summary>The limit in every marketplace that has findings (or only <paramref name="marketplace"/>), the fullest first at the top.</summary>
    public LimitsResponse Limits(string? marketplace = null)
    {
        var all = (marketplace is not null ? new[] { Marketplaces.FromCode(marketplace)?.Code ?? marketplace.ToUpperInvariant() }
                : findings.Query(new FindingQuery()).Select(f => f.Marketplace).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray())
            .Select(Limit).ToList();
        var top = all.OrderByDescending(l => l.FiledToday).FirstOrDefault();
        var limit = Math.Max(1, Options.DailyCaseLimit);
        return top is null
            ? new LimitsResponse(null, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), 0, limit, WarningAt(limit), false, false, null, all)
            : new LimitsResponse(top.Marketplace, top.Date, top.FiledToday, top.Limit, top.WarningAt, top.NearLimit, top.Reached, top.Warning, all);
    }

    private int WarningAt(int limit) => Math.Max(1, (int)Math.Ceiling(limit * Options.WarningRatio));

    // ---------------------------------------------------------------- tracking

    public void AfterDetection(DetectionInput input, string source) => Track(records.All<CaseRecord>(), input.Reimbursements);

    /// <summary>Tracks against everything stored; returns how many lifecycle entries were written.</summary>
    public int Track() => Track(records.All<CaseRecord>(), records.All<Reimbursement>());

    public int Track(IReadOnlyList<CaseRecord> cases, IReadOnlyList<Reimbursement> reimbursements)
    {
        lock (_gate)
        {
            var changes = 0;
            var tracked = Tracked();
            var latestCase = cases.Where(c => c.CaseId.Length > 0)
                .GroupBy(c => c.CaseId.Trim(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(c => c.LastActivity ?? c.Created ?? DateOnly.MinValue).Last(), StringComparer.Ordinal);
            foreach (var f in tracked)
            {
                if (latestCase.TryGetValue(f.CaseId!, out var record) && UpdateCaseStatus(f, record))
                {
                    changes++;
                }
            }
            tracked = Tracked();
            var recovered = ReimbursementAllocation.Allocate(tracked, reimbursements);
            foreach (var f in tracked)
            {
                if (Settle(f, recovered.GetValueOrDefault(f.Id) ?? ReimbursementAllocation.Recovery.None))
                {
                    changes++;
                }
            }
            return changes;
        }
    }

    private List<FindingDocument> Tracked() =>
        findings.Query(new FindingQuery()).Where(f => f.CaseId is not null && IsFiled(f))
            .OrderBy(f => f.FiledAt).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();

    private bool UpdateCaseStatus(FindingDocument f, CaseRecord record)
    {
        var state = CaseStatuses.Parse(record.Status);
        if (state == CaseState.Unknown || f.CaseStatus == state.ToString())
        {
            return false;
        }
        var seenOn = record.LastActivity ?? MarketplaceClock.Today(time, f.Marketplace);
        findings.SetLifecycle(f.Id, f.Lifecycle, CaseStatusSource,
            $"case {f.CaseId}: {Words(state)} (shown as \"{record.Status}\")", d =>
            {
                d.CaseStatus = state.ToString();
                d.CaseStatusText = record.Status;
                d.CaseStatusDate = seenOn;
                d.CaseClosedOn = state == CaseState.Closed ? seenOn : null;
            });
        return true;
    }

    /// <summary>Reimbursed / partially reimbursed / Denied / back to Filed, from the recovery and the case status.</summary>
    private bool Settle(FindingDocument f, ReimbursementAllocation.Recovery r)
    {
        var claimedUnits = f.FiledUnits ?? f.Units;
        var claimedAmount = f.FiledAmount ?? f.Amount;
        var currency = f.Currency ?? "";
        decimal? amount = r.Units == 0 && r.Amount == 0 ? null : Valuer.Round(r.Amount, currency);
        int? units = r.Units == 0 && r.Amount == 0 ? null : r.Units;
        var full = r.Units >= claimedUnits || (claimedAmount is { } c && r.Amount > 0 && r.Amount >= c);
        var ids = r.Ids.Order(StringComparer.Ordinal).ToList();

        FindingStatus target;
        string source, note;
        if (amount is not null && full)
        {
            target = FindingStatus.Reimbursed;
            source = ReimbursementSource;
            note = $"reimbursed {Money(amount.Value, currency)} for {r.Units} of {claimedUnits} unit(s) (reimbursement {string.Join(", ", ids)})";
        }
        else if (amount is not null)
        {
            target = FindingStatus.Filed;
            source = ReimbursementSource;
            var remaining = claimedAmount is { } claimed ? $"; {Money(Math.Max(0, claimed - amount.Value), currency)} stays open" : "";
            note = $"partially reimbursed: {Money(amount.Value, currency)} of {(claimedAmount is { } ca ? Money(ca, currency) : "an unknown amount")}, "
                + $"{r.Units} of {claimedUnits} unit(s) (reimbursement {string.Join(", ", ids)}){remaining}";
        }
        else if (f.CaseStatus == nameof(CaseState.Closed) && f.CaseClosedOn is { } closed
            && closed.AddDays(Options.DeniedAfterDays) <= MarketplaceClock.Today(time, f.Marketplace))
        {
            target = FindingStatus.Denied;
            source = DeniedSource;
            var host = Marketplaces.FromCode(f.Marketplace)?.SellerCentralHost ?? "sellercentral.amazon.com";
            note = $"case {f.CaseId} closed on {closed:yyyy-MM-dd} without any reimbursement after {Options.DeniedAfterDays} days. "
                + $"Re-open suggestion: reply on the case (https://{host}/cu/case-dashboard/view-case?caseID={f.CaseId}) asking Amazon to re-open it, "
                + $"citing the evidence and the policy, or file a new case before {f.Deadline:yyyy-MM-dd} if the window is still open.";
        }
        else
        {
            target = FindingStatus.Filed;
            source = f.Lifecycle == FindingStatus.Denied ? CaseStatusSource : ReimbursementSource;
            note = f.Lifecycle == FindingStatus.Denied ? $"case {f.CaseId} is {Words(Parse(f.CaseStatus))} again: back to Filed" : "reimbursement reversed: nothing recovered";
        }

        var same = f.Lifecycle == target && f.AmountRecovered == amount && f.UnitsRecovered == units && f.ReimbursementIds.SequenceEqual(ids);
        if (same)
        {
            return false;
        }
        var statusChanges = f.Lifecycle != target;
        var isPartial = target == FindingStatus.Filed && amount is not null;
        if (!statusChanges && !isPartial && target != FindingStatus.Reimbursed)
        {
            note = "recovery updated: " + note; // e.g. a reversal took back part of an earlier payment
        }
        findings.SetLifecycle(f.Id, target, source, note, d =>
        {
            d.AmountRecovered = amount;
            d.UnitsRecovered = units;
            d.ReimbursementIds = ids;
        });
        return true;
    }

    private static CaseState Parse(string? stored) => Enum.TryParse<CaseState>(stored, out var s) ? s : CaseState.Unknown;

    private static string Words(CaseState state) => state switch
    {
        CaseState.WorkInProgress => "work in progress",
        CaseState.Answered => "answered",
        CaseState.PendingAmazonAction => "pending Amazon action",
        CaseState.PendingSellerAction => "waiting for the seller",
        CaseState.Closed => "closed",
        CaseState.Reopened => "re-opened",
        _ => "open",
    };

    private static string Money(decimal amount, string currency) => Valuer.Money(amount, currency);
}
