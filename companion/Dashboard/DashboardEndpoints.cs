using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Refully.Companion.Dashboard;

/// <summary>
/// The dashboard: plain HTML, CSS and JavaScript modules from <c>wwwroot/</c>, served at <c>/</c>. The files need
/// no token (they hold no data); every API call they make sends the dashboard's own token. Everything the
/// dashboard serves carries a strict Content-Security-Policy (only this origin, no inline script, no framing),
/// <c>nosniff</c> and <c>no-referrer</c>. The Host and Origin checks of <see cref="Security.LocalhostGuard"/>
/// run before this, so a DNS-rebinding page cannot load the dashboard either.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Only this origin, nothing inline, nothing framed, no plugins, forms and base URLs pinned to this origin.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the security headers to every response outside <c>/api</c>, then serves <c>index.html</c> at <c>/</c> and the static files.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers.XContentTypeOptions = "nosniff";
                    headers.XFrameOptions = "DENY";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers["Cross-Origin-Opener-Policy"] = "same-origin";
                    headers["Cross-Origin-Resource-Policy"] = "same-origin";
                    headers.CacheControl = "no-cache";
                    return Task.CompletedTask;
                });
            }
            await next(context);
        });

        var files = app.Environment.WebRootFileProvider;
        if (files is NullFileProvider)
        {
            return app; // no wwwroot in this build: nothing to serve
        }
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ServeUnknownFileTypes = false,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        return app;
    }
}
