using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Refully.Tests.Infrastructure;

namespace Refully.Tests.Reports.Import;

public sealed class ReportEndpointsTests : IDisposable
{
    private readonly CompanionFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static MultipartFormDataContent Files(params (string Name, string Text)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(content, "files", name);
        }
        return form;
    }

    private const string Ledger = "Date\tFNSKU\tEvent Type\tReference ID\tQuantity\tCountry\n"
        + "09/01/2026\tX1\tReceipts\tFBA15DF2763D\t4\tUS\n09/02/2026\tX1\tAdjustments\t123456\t-1\tUS\n";

    private static async Task<JsonElement> WaitForJob(HttpClient client, string location)
    {
        for (var i = 0; i < 200; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("state").GetString() == "done")
            {
                return job;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("the import job did not finish");
    }

    [Fact]
    public async Task AnUploadAnswers202WithAJobThatReportsEachFile()
    {
        var client = _factory.Client(_factory.IssueToken());
        var response = await client.PostAsync("/api/reports", Files(("ledger.tsv", Ledger), ("notes.txt", "hello\n")));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var location = response.Headers.Location!.ToString();
        location.Should().StartWith("/api/reports/jobs/");
        var job = await WaitForJob(client, location);
        var files = job.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("file").GetString()).Should().Equal("ledger.tsv", "notes.txt");
        files[0].GetProperty("state").GetString().Should().Be("imported");
        files[0].GetProperty("rows").GetInt64().Should().Be(2);
        files[0].GetProperty("import").GetProperty("report").GetString().Should().Be("InventoryLedgerDetail");
        files[0].GetProperty("import").GetProperty("marketplaces")[0].GetString().Should().Be("US");
        files[1].GetProperty("state").GetString().Should().Be("rejected");
        files[1].GetProperty("import").GetProperty("report").ValueKind.Should().Be(JsonValueKind.Null);
        files[1].GetProperty("import").GetProperty("problems")[0].GetString().Should().Contain("not a known report");
    }

    [Fact]
    public async Task UploadsNeedTheToken()
    {
        var response = await _factory.Client().PostAsync("/api/reports", Files(("ledger.tsv", Ledger)));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("TOKEN_REQUIRED");
    }

    [Fact]
    public async Task AnUploadWithoutFilesIsAProblemWithACode()
    {
        var form = new MultipartFormDataContent { { new StringContent("x"), "comment" } };
        var response = await _factory.Client(_factory.IssueToken()).PostAsync("/api/reports", form);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("REPORT_NO_FILES");
    }

    [Fact]
    public async Task AnUnknownJobIsNotFound()
    {
        var response = await _factory.Client(_factory.IssueToken()).GetAsync("/api/reports/jobs/nope");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("REPORT_JOB_NOT_FOUND");
    }

    [Fact]
    public async Task AnUploadLargerThanTheGeneralBodyLimitIsAccepted()
    {
        using var factory = new CompanionFactory(new() { ["Companion:MaxBodyBytes"] = "1000" });
        var client = factory.Client(factory.IssueToken());
        var rows = string.Concat(Enumerable.Range(1, 200).Select(i => $"09/01/2026\tX{i}\tReceipts\tFBA15DF2763D\t4\tUS\n"));
        var response = await client.PostAsync("/api/reports", Files(("ledger.tsv", "Date\tFNSKU\tEvent Type\tReference ID\tQuantity\tCountry\n" + rows)));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var job = await WaitForJob(client, response.Headers.Location!.ToString());
        job.GetProperty("files")[0].GetProperty("rows").GetInt64().Should().Be(200);
    }
}
