using Microsoft.AspNetCore.Http.HttpResults;
using Refully.Companion.Api;
using Refully.Companion.Security;
using Refully.Companion.Storage;

namespace Refully.Companion.Pages;

public static class PageEndpoints
{
    public static IServiceCollection AddPageIntake(this IServiceCollection services) =>
        services.AddSingleton<PageRecordStore>().AddSingleton<PageCaptureCache>().AddSingleton<PageIntake>().AddHostedService<PageWarmUp>();

    /// <summary>
    /// Adds `request;dur=` to the Server-Timing of every `POST /api/pages` answer: the whole request inside the companion,
    /// from the first middleware to the answer's headers (reading and decoding the body, the JSON, the token check and
    /// the intake), beside the intake's own parse / store / detect / total. Put it first in the pipeline.
    /// </summary>
    public static IApplicationBuilder UsePageRequestTiming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/pages"))
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                var ms = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                context.Response.Headers.Append("Server-Timing", FormattableString.Invariant($"request;dur={ms:0.0}"));
                return Task.CompletedTask;
            });
        }
        await next(context);
    });

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
        }).Accepts<PageCaptureRequest>("application/json"); // the body is bound by PageCaptureRequest.BindAsync
        return app;
    }
}
