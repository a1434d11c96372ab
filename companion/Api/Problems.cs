using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Refully.Companion.Api;

/// <summary>Stable, machine-readable error codes. The extension switches on these, so never rename one.</summary>
public static class ProblemCodes
{
    public const string HostNotAllowed = "HOST_NOT_ALLOWED";
    public const string OriginNotAllowed = "ORIGIN_NOT_ALLOWED";
    public const string TokenRequired = "TOKEN_REQUIRED";
    public const string TokenInvalid = "TOKEN_INVALID";
    public const string TokenInQuery = "TOKEN_IN_QUERY";
    public const string TokenWrongOrigin = "TOKEN_WRONG_ORIGIN";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string BodyTooLarge = "BODY_TOO_LARGE";
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidPage = "INVALID_PAGE";
    public const string HtmlTooLarge = "HTML_TOO_LARGE";
    public const string HtmlTooDeep = "HTML_TOO_DEEP";
    public const string PairingNotFound = "PAIRING_NOT_FOUND";
    public const string PairingCodeWrong = "PAIRING_CODE_WRONG";
    public const string TokenNotFound = "TOKEN_NOT_FOUND";
    public const string NotFound = "NOT_FOUND";
    public const string FindingNotFound = "FINDING_NOT_FOUND";
    public const string InvalidFilter = "INVALID_FILTER";
    public const string ReasonRequired = "REASON_REQUIRED";
    public const string Internal = "INTERNAL_ERROR";
    public const string DraftNotFound = "DRAFT_NOT_FOUND";
    public const string CaseIdInvalid = "CASE_ID_INVALID";
    public const string ClaimWaiting = "CLAIM_WAITING";
    public const string ClaimAlreadyFiled = "CLAIM_ALREADY_FILED";
    public const string DailyLimitReached = "DAILY_LIMIT_REACHED";
}

public static class Problems
{
    /// <summary>A ProblemDetails result carrying a stable `code` extension.</summary>
    public static ProblemHttpResult Create(int status, string code, string detail, string? title = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title ?? TitleFor(status),
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>Writes a ProblemDetails response from middleware (outside endpoint routing).</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string detail) =>
        Create(status, code, detail).ExecuteAsync(context);

    private static string TitleFor(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Unprocessable content",
        _ => "Error",
    };

    public static IServiceCollection AddCompanionProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions.TryAdd("code", c.ProblemDetails.Status switch
            {
                404 => ProblemCodes.NotFound,
                413 => ProblemCodes.BodyTooLarge,
                415 => ProblemCodes.UnsupportedMediaType,
                400 => ProblemCodes.InvalidJson,
                _ => ProblemCodes.Internal,
            });
        });
        return services;
    }

    /// <summary>Unhandled errors and bare status codes become ProblemDetails; bad request bodies get a clear code.</summary>
    public static WebApplication UseCompanionProblems(this WebApplication app)
    {
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, code, detail) = exception switch
            {
                BadHttpRequestException { StatusCode: 413 } => (413, ProblemCodes.BodyTooLarge, "The request body is larger than the companion accepts."),
                BadHttpRequestException bad when bad.InnerException is System.Text.Json.JsonException json =>
                    (400, ProblemCodes.InvalidJson, $"The request body is not valid JSON: {json.Message}"),
                BadHttpRequestException bad => (bad.StatusCode, ProblemCodes.InvalidJson, bad.Message),
                _ => (500, ProblemCodes.Internal, "The companion failed to handle this request; its log says why."),
            };
            await WriteAsync(context, status, code, detail);
        }));
        app.UseStatusCodePages();
        return app;
    }
}
