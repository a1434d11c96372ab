namespace Refully.Companion.Claims;

/// <summary>
/// One case to file: the findings Amazon takes in one case, where to file it, and everything the form asks for,
/// written in the marketplace's language. Computed from the claimable findings on every request (never stored);
/// the id is stable because it hashes the group key. JSON field names are the contract with the extension.
/// </summary>
public sealed record ClaimDraft(
    string Id,
    string GroupKey,
    string Marketplace,
    string Language,
    bool Translated,
    string ClaimType,
    IReadOnlyList<string> FindingIds,
    ClaimLocation FileAt,
    string Subject,
    string Body,
    IReadOnlyList<ClaimField> Fields,
    IReadOnlyList<ClaimAttachment> Attachments,
    IReadOnlyList<ClaimLine> Lines,
    int Units,
    decimal? Amount,
    string? Currency,
    DateOnly Deadline,
    IReadOnlyList<string> Notes);

/// <summary>
/// Where to file: the URL to open (on the marketplace's Seller Central host), the tool or page there, the menu
/// path a person would click, whether the URL is verified for this host, and where it comes from.
/// </summary>
public sealed record ClaimLocation(string Url, string Tool, string Navigation, bool Verified, string Source);

/// <summary>One form value: a stable machine name the extension switches on, the label as the form shows it (localized), the value.</summary>
public sealed record ClaimField(string Name, string Label, string Value);

/// <summary>A document Amazon wants with the case (kind: proofOfDelivery, invoice, photos, measurementPhotos, trackingOrPod).</summary>
public sealed record ClaimAttachment(string Kind, string Label, bool Required);

/// <summary>One finding inside the draft, for forms with a row per item (the shipment Contents/Reconcile tab).</summary>
public sealed record ClaimLine(string FindingId, string? Fnsku, string? Sku, string? OrderId, string? ReferenceId, int Units, decimal? Amount);
