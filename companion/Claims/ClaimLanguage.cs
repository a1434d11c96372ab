using System.Globalization;
using Refully.Companion.Detection;

namespace Refully.Companion.Claims;

/// <summary>Where a claim is filed; the destination decides the URL and the navigation text.</summary>
public enum ClaimDestination
{
    FcLostTool,
    FcDamagedTool,
    CustomerReturnTool,
    InboundShipment,
    RemovalTool,
    ContactUs,
}

/// <summary>How a finding's value was worked out (from the engine's valuation), for the body's computation line.</summary>
public enum ValueBasis
{
    UnitCost,
    RefundedPrice,
    LastReimbursement,
    Shortfall,
    FeeDifference,
    Unknown,
}

/// <summary>
/// The words of a draft in one language. English and German are complete; French, Italian, Spanish and
/// Japanese have the subject, the body skeleton (headings, greeting, request, closing), field and attachment
/// labels and type names; their <see cref="Intros"/>, <see cref="Computations"/> and <see cref="Navigation"/>
/// are null and the drafter uses the English sentences inside the localized skeleton (and says so).
/// Labels marked "verified" in docs/claims-filing.md come from Amazon's own pages; the rest are our wording.
/// </summary>
public sealed class ClaimLanguage
{
    public required string Code { get; init; }
    public required CultureInfo Culture { get; init; }
    public required string SubjectFormat { get; init; } // {type} {keyLabel} {key}
    public required string Greeting { get; init; }
    public required string Closing { get; init; }
    public required string EvidenceHeading { get; init; }
    public required string[] Columns { get; init; } // date, reference, item, qty, note
    public required string UnitsLabel { get; init; }
    public required string ValueLabel { get; init; }
    public required string ComputationLabel { get; init; }
    public required string PolicyLabel { get; init; }
    public required string SourceLabel { get; init; }
    public required string DeadlineLabel { get; init; }
    public required string HelpArticle { get; init; } // {0} = article id
    public required string WindowFormat { get; init; } // {wait} {window} {date}
    public required string PolicyName { get; init; }
    public required string Request { get; init; } // {units}
    public required string AttachmentsLabel { get; init; }
    public required string MoreRows { get; init; } // {0}
    public required string ValueUnknown { get; init; }
    public required string EnglishInsideNote { get; init; }
    public required IReadOnlyDictionary<ClaimType, string> TypeNames { get; init; }
    public required IReadOnlyDictionary<string, string> FieldLabels { get; init; }
    public required IReadOnlyDictionary<string, string> AttachmentLabels { get; init; }

    /// <summary>One sentence per claim type ({units}, {key}, {fnsku}); null where not translated.</summary>
    public IReadOnlyDictionary<ClaimType, string>? Intros { get; init; }

    /// <summary>The computation per value basis ({units}, {perUnit}); null where not translated.</summary>
    public IReadOnlyDictionary<ValueBasis, string>? Computations { get; init; }

    /// <summary>"Several values" computation sentence; null where not translated.</summary>
    public string? MixedComputation { get; init; }

    /// <summary>The menu path per destination; null where not translated.</summary>
    public IReadOnlyDictionary<ClaimDestination, string>? Navigation { get; init; }

    public bool Complete => Intros is not null && Computations is not null && Navigation is not null && MixedComputation is not null;
}

public static class ClaimLanguages
{
    private static readonly Dictionary<string, ClaimLanguage> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ClaimTextsEnglish.Language,
        ["de"] = ClaimTextsGerman.Language,
        ["fr"] = ClaimTextsSkeletons.French,
        ["it"] = ClaimTextsSkeletons.Italian,
        ["es"] = ClaimTextsSkeletons.Spanish,
        ["ja"] = ClaimTextsSkeletons.Japanese,
    };

    public static ClaimLanguage English => ByCode["en"];

    public static IReadOnlyCollection<string> Codes => ByCode.Keys;

    /// <summary>The language's texts, or null when Refully has none for it (the drafter then writes English).</summary>
    public static ClaimLanguage? Find(string code) => ByCode.GetValueOrDefault(code);
}
