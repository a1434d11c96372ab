using Microsoft.AspNetCore.Http.HttpResults;
using Refully.Companion.Api;
using Refully.Companion.Security;

namespace Refully.Companion.Pages;

public static class PageEndpoints
{
    public static IServiceCollection AddPageIntake(this IServiceCollection services) => services.AddSingleton<PageIntake>();

    /// <summary>`POST /api/pages`: a captured page in, what was recognised on it out.</summary>
    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/api/pages").WithTags("Pages");
        pages.MapPost("/", Results<Ok<PageAnswer>, ProblemHttpResult> (PageCaptureRequest request, PageIntake intake) =>
        {
            var (answer, rejection) = intake.Accept(request);
            return rejection is null ? TypedResults.Ok(answer!) : Problems.Create(rejection.Status, rejection.Code, rejection.Detail);
        });
        return app;
    }
}
