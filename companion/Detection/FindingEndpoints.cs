using Microsoft.AspNetCore.Http.HttpResults;
using Refully.Companion.Api;
using Refully.Companion.Storage;

namespace Refully.Companion.Detection;

public sealed record DismissRequest(string? Reason);

public static class FindingEndpoints
{
    /// <summary>
    /// `GET /api/findings?status=&amp;type=&amp;marketplace=&amp;sku=&amp;fnsku=&amp;order=&amp;shipment=`,
    /// `GET /api/findings/{id}`, `POST /api/findings/{id}/dismiss`, `POST /api/findings/{id}/confirm`, `POST /api/findings/rescan`.
    /// </summary>
    public static IEndpointRouteBuilder MapFindingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/findings").WithTags("Findings");

        group.MapGet("/", Results<Ok<List<FindingDto>>, ProblemHttpResult> (
            string? status, string? type, string? marketplace, string? sku, string? fnsku, string? order, string? shipment, FindingStore store) =>
        {
            FindingStatus? statusFilter = null;
            ClaimType? typeFilter = null;
            if (status is not null)
            {
                if (!Enum.TryParse<FindingStatus>(status, ignoreCase: true, out var s))
                {
                    return Problems.Create(400, ProblemCodes.InvalidFilter, $"Unknown status '{status}'. Use one of: {string.Join(", ", Enum.GetNames<FindingStatus>())}.");
                }
                statusFilter = s;
            }
            if (type is not null)
            {
                if (!Enum.TryParse<ClaimType>(type, ignoreCase: true, out var t))
                {
                    return Problems.Create(400, ProblemCodes.InvalidFilter, $"Unknown type '{type}'. Use one of: {string.Join(", ", Enum.GetNames<ClaimType>())}.");
                }
                typeFilter = t;
            }
            var found = store.Query(new FindingQuery(statusFilter, typeFilter, marketplace, sku, fnsku, order, shipment));
            return TypedResults.Ok(found.Select(f => f.ToDto()).ToList());
        });

        group.MapGet("/{id}", Results<Ok<FindingDetailDto>, ProblemHttpResult> (string id, FindingStore store) =>
            store.Get(id) is { } f ? TypedResults.Ok(f.ToDetailDto()) : NotFound(id));

        group.MapPost("/{id}/dismiss", Results<Ok<FindingDetailDto>, ProblemHttpResult> (string id, DismissRequest request, FindingStore store) =>
        {
            if (string.IsNullOrWhiteSpace(request.Reason))
            {
                return Problems.Create(400, ProblemCodes.ReasonRequired, "Say why the finding is dismissed (it is kept in its history).");
            }
            var reason = request.Reason.Trim();
            var doc = store.SetLifecycle(id, FindingStatus.Dismissed, "seller", reason, f => f.DismissReason = reason);
            return doc is null ? NotFound(id) : TypedResults.Ok(doc.ToDetailDto());
        });

        group.MapPost("/{id}/confirm", Results<Ok<FindingDetailDto>, ProblemHttpResult> (string id, FindingStore store) =>
        {
            var doc = store.Confirm(id, "seller");
            return doc is null ? NotFound(id) : TypedResults.Ok(doc.ToDetailDto());
        });

        group.MapPost("/rescan", (DetectionService detection) =>
            TypedResults.Ok(detection.Run(null, "rescan").Select(f => f.ToDto()).ToList()));

        return app;
    }

    private static ProblemHttpResult NotFound(string id) =>
        Problems.Create(404, ProblemCodes.FindingNotFound, $"No finding has the id '{id}'.");
}
