using Microsoft.AspNetCore.Http.HttpResults;
using Refully.Companion.Api;
using Refully.Companion.Detection;

namespace Refully.Companion.Claims;

/// <summary>Body of `POST /api/claims/drafts/{id}/filed`: the case id Seller Central gave, who reports it, and whether to record it over the daily limit.</summary>
public sealed record FiledRequest(string? CaseId, string? Source = null, bool AcknowledgeLimit = false);

/// <summary>Body of `POST /api/claims/filed`: the same for findings named directly (a badge or the panel without a draft).</summary>
public sealed record FindingsFiledRequest(IReadOnlyList<string>? FindingIds, string? CaseId, string? Source = null, bool AcknowledgeLimit = false);

/// <summary>The answer to a filing: the findings now Filed (with history), the day's limit, and a warning near it.</summary>
public sealed record FiledResponse(
    string CaseId, string Marketplace, string? DraftId, bool AlreadyRecorded, IReadOnlyList<FindingDetailDto> Findings, DailyLimit Limit, string? Warning);

public sealed record TrackResponse(int Changes);

public static class ClaimEndpoints
{
    /// <summary>
    /// `GET /api/claims/drafts?marketplace=&amp;findingId=&amp;language=`, `GET /api/claims/drafts/{id}?language=`,
    /// `POST /api/claims/drafts/{id}/filed`, `POST /api/claims/filed`, `GET /api/claims/limits?marketplace=`,
    /// `POST /api/claims/track`. Token-protected like every /api route (TokenAuthMiddleware).
    /// </summary>
    public static IEndpointRouteBuilder MapClaimEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/claims").WithTags("Claims");

        group.MapGet("/drafts", (string? marketplace, string? findingId, string? language, ClaimDrafter drafter) =>
            TypedResults.Ok(drafter.Drafts(marketplace, findingId, language).ToList()));

        group.MapGet("/drafts/{id}", Results<Ok<ClaimDraft>, ProblemHttpResult> (string id, string? language, ClaimDrafter drafter) =>
            drafter.Draft(id, language) is { } draft
                ? TypedResults.Ok(draft)
                : Problems.Create(404, ProblemCodes.DraftNotFound, $"No claimable findings make the draft '{id}' (filed, dismissed or expired?)."));

        group.MapPost("/drafts/{id}/filed", Results<Ok<FiledResponse>, ProblemHttpResult> (string id, FiledRequest request, ClaimTracker tracker) =>
            Filing(() => tracker.MarkDraftFiled(id, request.CaseId ?? "", Source(request.Source), request.AcknowledgeLimit)));

        group.MapPost("/filed", Results<Ok<FiledResponse>, ProblemHttpResult> (FindingsFiledRequest request, ClaimTracker tracker) =>
            Filing(() => tracker.MarkFiled(request.FindingIds ?? [], request.CaseId ?? "", Source(request.Source), request.AcknowledgeLimit)));

        group.MapGet("/limits", (string? marketplace, ClaimTracker tracker) => TypedResults.Ok(tracker.Limits(marketplace)));

        group.MapPost("/track", (ClaimTracker tracker) => TypedResults.Ok(new TrackResponse(tracker.Track())));

        return app;
    }

    private static string Source(string? source) =>
        string.IsNullOrWhiteSpace(source) ? "extension" : source.Trim()[..Math.Min(40, source.Trim().Length)];

    private static Results<Ok<FiledResponse>, ProblemHttpResult> Filing(Func<FilingResult> file)
    {
        try
        {
            var r = file();
            return TypedResults.Ok(new FiledResponse(r.CaseId, r.Marketplace, r.DraftId, r.AlreadyRecorded,
                r.Findings.Select(f => f.ToDetailDto()).ToList(), r.Limit, r.Limit.Warning));
        }
        catch (ClaimException e)
        {
            return Problems.Create(e.Status, e.Code, e.Message, e.Status switch { 409 => "Conflict", 429 => "Too many cases today", _ => null });
        }
    }
}
