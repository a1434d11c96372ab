using Refully.Companion.Api;
using Refully.Companion.Claims;
using Refully.Companion.Dashboard;
using Refully.Companion.Detection;
using Refully.Companion.Detection.Detectors;
using Refully.Companion.Hosting;
using Refully.Companion.Pages;
using Refully.Companion.Reports.Import;
using Refully.Companion.Security;
using Refully.Companion.Storage;

// Sub-commands (`token`, …) run without a web server and exit.
if (CommandLine.TryRunCommand(args, out var exitCode))
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);

// Configuration: --db and a loopback-only default address.
builder.AddCompanionConfiguration(args);

// Storage: one LiteDB file, one singleton.
builder.Services.AddCompanionStorage();

// Security: Host / Origin / body guards, tokens and pairing.
builder.Services.AddCompanionSecurity();

// Features.
builder.Services.AddPageIntake();
builder.Services.AddReports();
builder.Services.AddDetection(() => DetectorRegistry.All);
builder.Services.AddClaims();

// Errors as ProblemDetails with a stable `code`, and the OpenAPI document.
builder.Services.AddCompanionProblems();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UsePageRequestTiming();
app.UseCompanionProblems();
app.UseLocalhostGuard();
// Dashboard: static files at / with a strict CSP (after the Host/Origin guard, before the token check of /api).
app.UseDashboard();
app.UseCompanionTokens();

app.MapOpenApi();
app.MapPingEndpoints();
app.MapPairingEndpoints();
app.MapTokenEndpoints();
app.MapPageEndpoints();
app.MapReportEndpoints();
app.MapFindingEndpoints();
app.MapClaimEndpoints();

app.LogStartupBanner();
app.Run();
return 0;

/// <summary>Entry point type, public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
