using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// One case's page (/cu/case-dashboard/view-case?caseID=…): the case summary (ID, status, subject) and its
/// message thread, whose newest date is the last activity. Gives one <see cref="CaseRecord"/>, the same record
/// the Case Lobby gives for the case. The DOM check wants the case summary's id or status label.
/// </summary>
public sealed partial class CaseViewPage : IPageParser
{
    private static readonly string[] IdLabels = ["Case ID", "ID", "Fall-ID", "ID de la demande", "ID caso", "ID de caso", "ケースID"];
    private static readonly string[] StatusLabels = ["Status", "Case status", "Fallstatus", "Statut", "Stato", "Estado", "ステータス"];
    private static readonly string[] SubjectLabels = ["Subject", "Short description", "Betreff", "Objet", "Oggetto", "Asunto", "件名"];

    public PageKind Kind => PageKind.CaseView;

    public bool MatchesUrl(Uri url) => PageRecognizer.Recognise(url) == Kind;

    public bool ReadsTablesOnly => false; // it reads headings, labelled fields or tabs too

    public bool MatchesDom(IDocument document) =>
        CaseIdIn(PageValues.Field(document, IdLabels)) is not null && PageValues.Field(document, StatusLabels) is not null
        && document.QuerySelector("kat-table, table") is null;

    public PageParse Parse(IDocument document, Uri url, string? marketplace)
    {
        var result = new PageParseBuilder(Kind, marketplace);
        var caseId = CaseIdIn(PageValues.Query(url, "caseID")) ?? CaseIdIn(PageValues.Field(document, IdLabels));
        if (caseId is null)
        {
            result.Skip();
            return result.Build(PageFacts.Live);
        }
        result.Anchor(caseId);
        var format = PageTables.FormatFor(marketplace);
        var dates = document.QuerySelectorAll("time, .message-date, [data-testid*=date], .case-message-date")
            .Select(e => e.GetAttribute("datetime") ?? Text.Normalize(e.TextContent))
            .Select(t => Reports.Core.ReportValues.TryParseDate(t, format, out var d) ? d : (DateOnly?)null)
            .Where(d => d is not null)
            .ToList();
        result.Add(new CaseRecord
        {
            CaseId = caseId,
            Status = PageValues.Field(document, StatusLabels),
            Subject = PageValues.Field(document, SubjectLabels) ?? Text.Normalize(document.QuerySelector("h1")?.TextContent).NullIfEmpty(),
            Created = dates.Count > 0 ? dates.Min() : null,
            LastActivity = dates.Count > 0 ? dates.Max() : null,
        });
        return result.Build(PageFacts.Live);
    }

    private static string? CaseIdIn(string? text) => text is not null && CasePattern().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"\b\d{8,12}\b")]
    private static partial Regex CasePattern();
}

internal static class StringExtensions
{
    public static string? NullIfEmpty(this string text) => text.Length == 0 ? null : text;
}
