using System.Globalization;
using Microsoft.Extensions.Options;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Policies;
using Refully.Companion.Domain;
using Refully.Companion.Storage;

namespace Refully.Companion.Claims;

/// <summary>
/// Writes a <see cref="ClaimDraft"/> for every case the claimable findings make (grouped by
/// <see cref="ClaimGrouping"/>), in the marketplace's language. Drafts are computed on request from the
/// finding store and the policy table; nothing is stored until the case is filed (<see cref="ClaimTracker"/>).
/// </summary>
public sealed class ClaimDrafter(FindingStore findings, PolicyTable policies, IOptions<ClaimOptions> options, TimeProvider time)
{
    private static readonly HashSet<ClaimType> ReviewTypes =
    [
        ClaimType.DisposedWithoutRequest, ClaimType.FeeOvercharge, ClaimType.ReturnNotRestocked,
        ClaimType.WrongItemReturned, ClaimType.RefundExceedsCharge, ClaimType.InboundCarrierDamaged,
    ];

    /// <summary>Every draft, optionally of one marketplace or the one holding a finding; <paramref name="language"/> overrides the marketplace's.</summary>
    public IReadOnlyList<ClaimDraft> Drafts(string? marketplace = null, string? findingId = null, string? language = null) =>
        ClaimGrouping.Group(findings.Query(new FindingQuery(Marketplace: marketplace)))
            .Where(g => findingId is null || g.Findings.Any(f => f.Id == findingId))
            .Select(g => Write(g, language))
            .ToList();

    public ClaimDraft? Draft(string id, string? language = null) => Group(id) is { } g ? Write(g, language) : null;

    /// <summary>The claimable group behind a draft id, or null when no claimable findings make it (any more).</summary>
    public ClaimGroup? Group(string id) =>
        ClaimGrouping.Group(findings.Query(new FindingQuery())).FirstOrDefault(g => g.DraftId == id);

    public ClaimDraft Write(ClaimGroup group, string? languageOverride = null)
    {
        var notes = new List<string>();
        var wanted = languageOverride ?? Marketplaces.FromCode(group.Marketplace)?.Language ?? "en";
        var lang = ClaimLanguages.Find(wanted);
        if (lang is null)
        {
            notes.Add($"Refully has no '{wanted}' texts yet: the draft is in English.");
            lang = ClaimLanguages.English;
        }
        else if (!lang.Complete)
        {
            notes.Add($"The subject, headings, labels and request are in '{lang.Code}'; the sentences not translated yet "
                + "(what happened, the computation, the navigation) are in English inside them.");
        }
        var english = ClaimLanguages.English;
        var first = group.Findings[0];
        var (primaryField, primaryValue) = Primary(group);
        var keyLabel = lang.FieldLabels[primaryField];
        var fnskus = group.Findings.Select(f => f.Fnsku).Where(f => f is not null).Distinct().ToList();
        var units = group.Findings.Sum(f => f.Units);
        var currency = group.Findings.Select(f => f.Currency).FirstOrDefault(c => c is not null)
            ?? Marketplaces.FromCode(group.Marketplace)?.Currency;
        var unknown = group.Findings.Count(f => f.Amount is null);
        decimal? amount = unknown == group.Findings.Count ? null : group.Findings.Sum(f => f.Amount ?? 0);
        var deadline = group.Findings.Min(f => f.Deadline);
        string Fill(string text) => text
            .Replace("{units}", units.ToString(lang.Culture))
            .Replace("{key}", primaryValue)
            .Replace("{fnsku}", fnskus.Count == 1 ? fnskus[0] : string.Join(", ", fnskus))
            .Replace("{type}", lang.TypeNames[group.Type])
            .Replace("{keyLabel}", keyLabel);

        var subject = Fill(lang.SubjectFormat);
        var intro = Fill((lang.Intros ?? english.Intros!)[group.Type]);
        var fileAt = ClaimDestinations.Locate(group.Type, group.Marketplace, first.ShipmentId, lang);
        var attachments = Attachments(group.Type).Select(a => new ClaimAttachment(a.Kind, lang.AttachmentLabels[a.Kind], a.Required)).ToList();
        var policy = Policy(group, lang);

        var parts = new ClaimBodyParts(
            lang.EnglishInsideNote,
            intro,
            ClaimBody.Rows(group.Findings, lang),
            units.ToString(lang.Culture),
            amount is { } total ? Money(total, currency, lang) + (unknown > 0 ? $" (+{unknown} ?)" : "") : lang.ValueUnknown,
            Computation(group, lang, currency),
            policy.Text,
            deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Fill(lang.Request),
            attachments.Select(a => a.Label).ToList());
        var (body, leftOut) = ClaimBody.Write(lang, parts, options.Value.MaxBodyLength);

        var fields = new List<ClaimField> { new(primaryField, keyLabel, primaryValue) };
        void Add(string name, string? value)
        {
            if (value is { Length: > 0 } && fields.All(f => f.Name != name))
            {
                fields.Add(new ClaimField(name, lang.FieldLabels[name], value));
            }
        }
        if (fnskus.Count == 1) Add("fnsku", fnskus[0]);
        if (group.Type == ClaimType.DisposedWithoutRequest) Add("transactionItemId", first.ReferenceId);
        if (group.Type == ClaimType.FeeOvercharge) Add("asin", first.Asin);
        Add("quantity", units.ToString(CultureInfo.InvariantCulture));
        Add("subject", subject);
        Add("description", body);

        if (!fileAt.Verified) notes.Add($"The URL is Refully's best guess for {group.Marketplace}: check that it opens the right page.");
        if (unknown > 0) notes.Add($"The value of {unknown} finding(s) is unknown: add your unit costs (costs file) to show it.");
        if (leftOut > 0) notes.Add($"The evidence table was shortened to stay under {options.Value.MaxBodyLength} characters: {leftOut} row(s) left out.");
        if (policy.Uncertain) notes.Add($"Amazon's window for this claim in {group.Marketplace} is uncertain: file early.");
        if (ReviewTypes.Contains(group.Type)) notes.Add("A Review type: Amazon may refuse it; you confirmed it needs a case.");

        return new ClaimDraft(
            group.DraftId, group.Key, group.Marketplace, lang.Code, lang.Complete, group.Type.ToString(),
            group.Findings.Select(f => f.Id).ToList(), fileAt, subject, body, fields, attachments,
            group.Findings.Select(f => new ClaimLine(f.Id, f.Fnsku, f.Sku, f.OrderId, f.ReferenceId, f.Units, f.Amount)).ToList(),
            units, amount, currency, deadline, notes);
    }

    /// <summary>The identifier the form or tool asks for first, and its value in this group.</summary>
    private static (string Field, string Value) Primary(ClaimGroup g)
    {
        var f = g.Findings[0];
        var (field, value) = g.Type switch
        {
            ClaimType.LostWarehouse or ClaimType.FeeOvercharge or ClaimType.DisposedWithoutRequest => ("fnsku", f.Fnsku ?? f.Sku),
            ClaimType.DamagedWarehouse => ("transactionItemId", f.ReferenceId),
            ClaimType.InboundShortage or ClaimType.InboundCarrierDamaged => ("shipmentId", f.ShipmentId),
            ClaimType.RemovalShortage => ("removalOrderId", f.RemovalOrderId),
            ClaimType.ReimbursedBelowCost => ("reimbursementId", f.ReferenceId),
            _ => ("orderId", f.OrderId),
        };
        return (field, value ?? f.Fnsku ?? f.Sku ?? f.Id);
    }

    private static IEnumerable<(string Kind, bool Required)> Attachments(ClaimType type) => type switch
    {
        ClaimType.InboundShortage => [("proofOfDelivery", true), ("invoice", true)],
        ClaimType.InboundCarrierDamaged => [("photos", true), ("proofOfDelivery", false)],
        ClaimType.RemovalShortage => [("photos", true), ("trackingOrPod", false)],
        ClaimType.FeeOvercharge => [("measurementPhotos", true)],
        ClaimType.ReimbursedBelowCost => [("invoice", true)],
        ClaimType.WrongItemReturned => [("photos", true)],
        ClaimType.ReturnDamagedNotReimbursed => [("photos", false)],
        ClaimType.LostWarehouse or ClaimType.DamagedWarehouse or ClaimType.DisposedWithoutRequest => [("invoice", false)],
        _ => [],
    };

    private string Computation(ClaimGroup g, ClaimLanguage lang, string? currency)
    {
        var table = lang.Computations ?? ClaimLanguages.English.Computations!;
        var bases = g.Findings.Select(Basis).Distinct().ToList();
        if (bases.Count > 1)
        {
            return lang.MixedComputation ?? ClaimLanguages.English.MixedComputation!;
        }
        var units = g.Findings.Sum(f => f.Units);
        var perUnit = g.Findings.Count == 1 && g.Findings[0] is { Amount: { } a, Units: > 0 } one && bases[0] is not ValueBasis.Shortfall
            ? Money(Valuer.Round(a / one.Units, currency ?? ""), currency, lang)
            : null;
        if (perUnit is null && bases[0] is ValueBasis.UnitCost or ValueBasis.RefundedPrice or ValueBasis.LastReimbursement)
        {
            var perUnits = g.Findings.Where(f => f.Amount is not null && f.Units > 0).Select(f => Valuer.Round(f.Amount!.Value / f.Units, currency ?? "")).Distinct().ToList();
            if (perUnits.Count != 1)
            {
                return lang.MixedComputation ?? ClaimLanguages.English.MixedComputation!;
            }
            perUnit = Money(perUnits[0], currency, lang);
        }
        return table[bases[0]].Replace("{units}", units.ToString(lang.Culture)).Replace("{perUnit}", perUnit ?? "?");
    }

    /// <summary>How the engine valued a finding, read from its explanation (Detection/Valuation.cs wording).</summary>
    public static ValueBasis Basis(FindingDocument f) => f.Explanation switch
    {
        var e when e.Contains("the shortfall is", StringComparison.Ordinal) => ValueBasis.Shortfall,
        var e when e.Contains("fee difference", StringComparison.Ordinal) => ValueBasis.FeeDifference,
        _ when f.Amount is null => ValueBasis.Unknown,
        var e when e.Contains("at your unit cost", StringComparison.Ordinal) => ValueBasis.UnitCost,
        var e when e.Contains("at the refunded price", StringComparison.Ordinal) => ValueBasis.RefundedPrice,
        var e when e.Contains("last reimbursement", StringComparison.Ordinal) => ValueBasis.LastReimbursement,
        _ => ValueBasis.Unknown,
    };

    private (string? Text, bool Uncertain) Policy(ClaimGroup g, ClaimLanguage lang)
    {
        PolicyEntry entry;
        try
        {
            entry = policies.Find(g.Marketplace, g.Type, Today(g.Marketplace));
        }
        catch (PolicyFileException)
        {
            return (null, false);
        }
        var reference = g.Findings.Min(f => f.ReferenceDate).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var window = lang.WindowFormat
            .Replace("{wait}", entry.WaitDays.ToString(lang.Culture))
            .Replace("{window}", entry.WindowDays.ToString(lang.Culture))
            .Replace("{date}", reference);
        var source = entry.Source.Length > 160 ? entry.Source[..159] + "…" : entry.Source;
        return ($"{lang.PolicyName} ({lang.HelpArticle.Replace("{0}", ClaimDestinations.PolicyArticle(g.Type))}); {window}. {lang.SourceLabel}: {source}", entry.Uncertain);
    }

    private DateOnly Today(string marketplace) => MarketplaceClock.Today(time, marketplace);

    public static string Money(decimal amount, string? currency, ClaimLanguage lang) =>
        $"{amount.ToString(Valuer.MinorUnits(currency ?? "") == 0 ? "N0" : "N2", lang.Culture)} {currency}".TrimEnd();
}

/// <summary>Today and the local date of an instant in a marketplace's time zone.</summary>
public static class MarketplaceClock
{
    public static TimeZoneInfo Zone(string marketplace)
    {
        var id = Marketplaces.FromCode(marketplace)?.TimeZone ?? "UTC";
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static DateOnly Today(TimeProvider time, string marketplace) => LocalDate(time.GetUtcNow().UtcDateTime, marketplace);

    public static DateOnly LocalDate(DateTime utc, string marketplace) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone(marketplace)));
}
