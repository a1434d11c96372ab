using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Refully.Companion.Api;
using Refully.Companion.Hosting;
using Refully.Companion.Storage;

namespace Refully.Companion.Security;

/// <summary>
/// The localhost boundary, applied to every request before routing:
/// 1. the Host header must be 127.0.0.1 or localhost with the port we listen on (defeats DNS rebinding);
/// 2. an Origin header, when present, must be the dashboard's own origin or a Chrome extension's origin;
///    web pages (and the opaque "null" origin) are refused, and no CORS header is ever sent;
/// 3. request bodies must be JSON (multipart only where a route says so) and within the size limit; a JSON body may
///    come gzip-compressed (<c>Content-Encoding: gzip</c>, what the extension sends for large captures), and the limit
///    then holds for the decompressed bytes (<see cref="GzipBody"/>).
/// Token checks happen per route group (see <see cref="TokenAuthFilter"/>).
/// </summary>
public sealed class LocalhostGuard(RequestDelegate next, IServer server, IOptionsMonitor<CompanionOptions> options, ILogger<LocalhostGuard> logger)
{
    private static readonly string[] LoopbackNames = ["127.0.0.1", "localhost"];

    public async Task InvokeAsync(HttpContext context)
    {
        var port = ListeningPort(context);
        if (!IsAllowedHost(context.Request.Host, port))
        {
            logger.LogWarning("Refused a request with Host {Host}: not this companion's loopback address", context.Request.Host.Value);
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, ProblemCodes.HostNotAllowed,
                $"Requests must be addressed to 127.0.0.1:{port} or localhost:{port}.");
            return;
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsAllowedOrigin(origin, port))
        {
            logger.LogWarning("Refused a request from a web page origin");
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, ProblemCodes.OriginNotAllowed,
                "Web pages may not call the companion. Only the paired Refully extension and the companion's own dashboard may.");
            return;
        }

        if (HasBody(context.Request))
        {
            var limit = IsMultipartRoute(context.Request.Path) ? options.CurrentValue.MaxUploadBytes : options.CurrentValue.MaxBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge,
                    $"The request body has {context.Request.ContentLength} bytes; the companion accepts at most {limit}.");
                return;
            }
            var sizeFeature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (sizeFeature is { IsReadOnly: false })
            {
                sizeFeature.MaxRequestBodySize = limit;
            }
            if (!IsAllowedContentType(context))
            {
                await Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType,
                    "The companion accepts only application/json request bodies (multipart/form-data for report uploads).");
                return;
            }
            var encoding = context.Request.Headers.ContentEncoding;
            if (encoding.Count > 0)
            {
                if (encoding.Count != 1 || !string.Equals(encoding[0]?.Trim(), "gzip", StringComparison.OrdinalIgnoreCase)
                    || !context.Request.HasJsonContentType())
                {
                    await Problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType,
                        "The companion accepts a Content-Encoding only as gzip, and only on application/json bodies.");
                    return;
                }
                context.Request.Body = GzipBody(context.Request.Body, limit);
                context.Response.RegisterForDispose(context.Request.Body);
                context.Request.Headers.ContentEncoding = default;
                context.Request.Headers.ContentLength = null;
            }
        }

        await next(context);
    }

    /// <summary>
    /// A gzip request body read decompressed, at most <paramref name="limit"/> bytes of it: one byte more is a 413 (as
    /// for an uncompressed body over the limit), so a small body that unpacks to gigabytes costs nothing; broken gzip is a 400.
    /// </summary>
    private static LimitedStream GzipBody(Stream compressed, long limit) => new(
        new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true), limit,
        () => new BadHttpRequestException($"The request body is larger than {limit} bytes once decompressed.", StatusCodes.Status413PayloadTooLarge),
        broken => new BadHttpRequestException("The request body is not valid gzip data.", StatusCodes.Status400BadRequest, broken),
        disposeInner: true);

    internal static bool IsAllowedHost(HostString host, int port) =>
        host.HasValue
        && LoopbackNames.Contains(host.Host, StringComparer.OrdinalIgnoreCase)
        && host.Port == port;

    private static bool IsAllowedOrigin(string origin, int port)
    {
        if (origin.StartsWith("chrome-extension://", StringComparison.Ordinal))
        {
            // Which extension may use which token is checked with the token; pairing is open to extensions.
            return origin.Length > "chrome-extension://".Length && !origin[19..].Contains('/');
        }
        return LoopbackNames.Any(name => string.Equals(origin, $"http://{name}:{port}", StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0
        || HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);

    private static bool IsAllowedContentType(HttpContext context)
    {
        var request = context.Request;
        if (string.IsNullOrEmpty(request.ContentType) && request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0)
        {
            return true; // no body at all (e.g. POST /api/findings/{id}/confirm)
        }
        if (request.HasJsonContentType())
        {
            return true;
        }
        return request.HasFormContentType
            && request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && IsMultipartRoute(request.Path);
    }

    private static bool IsMultipartRoute(PathString path) => MultipartRoutes.Any(r => path.StartsWithSegments(r));

    /// <summary>Routes that take report uploads as multipart/form-data.</summary>
    internal static readonly PathString[] MultipartRoutes = [new("/api/reports")];

    private int ListeningPort(HttpContext context)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { Count: > 0 })
        {
            foreach (var address in addresses)
            {
                if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Port > 0)
                {
                    return uri.Port;
                }
            }
        }
        // In-memory test server: no socket, the configured port stands in.
        return context.Connection.LocalPort > 0 ? context.Connection.LocalPort : options.CurrentValue.Port;
    }
}

public static class LocalhostGuardExtensions
{
    public static IApplicationBuilder UseLocalhostGuard(this IApplicationBuilder app) => app.UseMiddleware<LocalhostGuard>();
}
