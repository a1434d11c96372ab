using Refully.Companion.Api;
using Refully.Companion.Storage;

namespace Refully.Companion.Security;

/// <summary>
/// Every /api route except ping and pairing needs `Authorization: Bearer &lt;token&gt;`. Checked as middleware,
/// before routing reads any body, so an unauthenticated caller learns nothing and costs nothing. A token in
/// the query string is refused outright (it would end up in logs and history), even beside a valid header.
/// </summary>
public sealed class TokenAuthMiddleware(RequestDelegate next)
{
    private static readonly PathString[] OpenRoutes = [new("/api/ping"), new("/api/pair")];
    private static readonly string[] QueryTokenNames = ["token", "access_token", "apiKey", "api_key", "key", "auth"];

    public async Task InvokeAsync(HttpContext http, TokenStore tokens)
    {
        if (!http.Request.Path.StartsWithSegments("/api") || OpenRoutes.Any(r => http.Request.Path.StartsWithSegments(r)))
        {
            await next(http);
            return;
        }
        if (QueryTokenNames.Any(n => http.Request.Query.ContainsKey(n)))
        {
            await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, ProblemCodes.TokenInQuery,
                "Tokens are never accepted in the URL. Send it as the header Authorization: Bearer <token>.");
            return;
        }
        var origin = http.Request.Headers.Origin.ToString();
        var check = tokens.Check(BearerToken(http.Request), origin.Length > 0 ? origin : null);
        var refusal = check.Outcome switch
        {
            TokenCheck.Missing => (401, ProblemCodes.TokenRequired,
                "This call needs the companion token as the header Authorization: Bearer <token>. Pair the extension to get one."),
            TokenCheck.Invalid => (401, ProblemCodes.TokenInvalid, "The token is unknown or has been revoked. Pair the extension again."),
            TokenCheck.WrongOrigin => (403, ProblemCodes.TokenWrongOrigin, "This token was paired with another extension."),
            _ => ((int Status, string Code, string Detail)?)null,
        };
        if (refusal is { } r)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.WriteAsync(http, r.Status, r.Code, r.Detail);
            return;
        }
        http.Items[TokenItemKey] = check.Token;
        await next(http);
    }

    internal const string TokenItemKey = "refully.token";

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }
}

public static class TokenAuthExtensions
{
    public static IApplicationBuilder UseCompanionTokens(this IApplicationBuilder app) => app.UseMiddleware<TokenAuthMiddleware>();

    /// <summary>The token the current request was authorised with.</summary>
    public static TokenDocument? CurrentToken(this HttpContext context) =>
        context.Items.TryGetValue(TokenAuthMiddleware.TokenItemKey, out var token) ? token as TokenDocument : null;
}
