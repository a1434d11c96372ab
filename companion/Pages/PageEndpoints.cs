using Microsoft.AspNetCore.Http.HttpResults;
using Refully.Companion.Api;
using Refully.Companion.Security;
using Refully.Companion.Storage;

namespace Refully.Companion.Pages;

public static class PageEndpoints
{
    public static IServiceCollection AddPageIntake(this IServiceCollection services) =>
        services.AddSingleton<PageRecordStore>().AddSingleton<PageCaptureCache>().AddSingleton<PageIntake>().AddHostedService<PageWarmUp>();

    /// <summary>`POST /api/pages`: a captured page in, what was recognised on it out.</summary>
    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/api/pages").WithTags("Pages");
        pages.MapPost("/", Results<Ok<PageAnswer>, ProblemHttpResult> (PageCaptureRequest request, PageIntake intake, HttpContext context) =>
        {
            var (answer, rejection) = intake.Accept(request, out var timings);
            if (timings is not null)
            {
                // parse / store / detect / total milliseconds inside the companion, for the extension's own timing.
                context.Response.Headers["Server-Timing"] = timings.ToHeader();
            }
            return rejection is null ? TypedResults.Ok(answer!) : Problems.Create(rejection.Status, rejection.Code, rejection.Detail);
        });
        return app;
    }
}
