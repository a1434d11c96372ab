using Microsoft.AspNetCore.Http.HttpResults;
using Refully.Companion.Api;
using Refully.Companion.Hosting;
using Refully.Companion.Storage;

namespace Refully.Companion.Security;

public sealed record PingResponse(string Service, string Version, int ApiVersion);

public sealed record PairStartRequest(string? ClientName);

public sealed record PairStartResponse(string PairingId, DateTimeOffset ExpiresAt, string Message);

public sealed record PairConfirmRequest(string? PairingId, string? Code);

public sealed record PairConfirmResponse(string TokenId, string Token);

public sealed record TokenDto(string Id, string Label, string? Origin, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt, bool Current);

public sealed record StatusResponse(string Service, string Version, string TokenId, string? Origin, int PagesSeen);

public static class SecurityEndpoints
{
    public static IServiceCollection AddCompanionSecurity(this IServiceCollection services)
    {
        services.AddSingleton<IPairingNotifier, ConsolePairingNotifier>();
        services.AddSingleton<PairingService>();
        return services;
    }

    /// <summary>`GET /api/ping`: a fixed identity (body and header), no token needed.</summary>
    public static IEndpointRouteBuilder MapPingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ping", (HttpContext http) =>
        {
            http.Response.Headers[VersionInfo.IdentityHeader] = VersionInfo.Version;
            return TypedResults.Ok(new PingResponse(VersionInfo.ServiceName, VersionInfo.Version, VersionInfo.ApiVersion));
        }).WithTags("Identity").WithName("Ping");
        return app;
    }

    /// <summary>`POST /api/pair/start` and `/api/pair/confirm`: the only token-free calls besides ping.</summary>
    public static IEndpointRouteBuilder MapPairingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pair").WithTags("Pairing");
        group.MapPost("/start", (PairStartRequest? _, HttpContext http, PairingService pairing) =>
        {
            var start = pairing.Start(OriginOf(http));
            return TypedResults.Ok(new PairStartResponse(start.PairingId, start.ExpiresAt,
                "Type the 6-digit code shown in the Refully companion's window."));
        });
        group.MapPost("/confirm", Results<Ok<PairConfirmResponse>, ProblemHttpResult> (PairConfirmRequest request, HttpContext http, PairingService pairing) =>
        {
            if (string.IsNullOrWhiteSpace(request.PairingId) || string.IsNullOrWhiteSpace(request.Code))
            {
                return Problems.Create(400, ProblemCodes.PairingCodeWrong, "Both pairingId and code are required.");
            }
            var result = pairing.Confirm(request.PairingId, request.Code, OriginOf(http));
            return result.Outcome switch
            {
                PairingOutcome.Paired => TypedResults.Ok(new PairConfirmResponse(result.Token!.Id, result.Token.Token)),
                PairingOutcome.WrongCode => Problems.Create(403, ProblemCodes.PairingCodeWrong,
                    result.AttemptsLeft > 0
                        ? $"That is not the code the companion shows. {result.AttemptsLeft} attempts left."
                        : "Too many wrong codes: start pairing again."),
                _ => Problems.Create(404, ProblemCodes.PairingNotFound, "This pairing request has expired or does not exist: start pairing again."),
            };
        });
        return app;
    }

    /// <summary>`GET /api/status`, `GET /api/tokens`, `DELETE /api/tokens/{id}`: token-protected.</summary>
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/status", (HttpContext http, PageStore pages) =>
        {
            var token = http.CurrentToken()!;
            return TypedResults.Ok(new StatusResponse(VersionInfo.ServiceName, VersionInfo.Version, token.Id, token.Origin, pages.CountVisits()));
        }).WithTags("Identity");

        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("/", (HttpContext http, TokenStore store) =>
            TypedResults.Ok(store.List().Select(t => t.ToDto(http.CurrentToken()?.Id)).ToList()));
        tokens.MapDelete("/{id}", Results<NoContent, ProblemHttpResult> (string id, TokenStore store) =>
            store.Revoke(id) ? TypedResults.NoContent() : Problems.Create(404, ProblemCodes.TokenNotFound, $"No live token has the id '{id}'."));
        return app;
    }

    private static TokenDto ToDto(this TokenDocument t, string? currentId) =>
        new(t.Id, t.Label, t.Origin, t.CreatedAt, t.LastUsedAt, t.RevokedAt, t.Id == currentId);

    private static string? OriginOf(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        return origin.Length > 0 ? origin : null;
    }
}
