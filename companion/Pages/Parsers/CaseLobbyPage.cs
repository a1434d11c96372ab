using AngleSharp.Dom;
using Refully.Companion.Domain.Records;
using static Refully.Companion.Pages.Parsers.PageColumn;

namespace Refully.Companion.Pages.Parsers;

/// <summary>
/// The Case Lobby (Case Log, /cu/case-lobby): one row per support case with its id, subject, status, creation
/// and last activity. Gives <see cref="CaseRecord"/>s keyed by case id. The column headers were never seen on a
/// live page (seller-central-pages-2.md §4.2); the labels follow the case list's API fields and the help text.
/// </summary>
public sealed class CaseLobbyPage : IPageParser
{
    private static readonly PageColumn[] Columns =
    [
        Req("case", PageLabels.CaseId),
        Req("subject", "Subject", "Short description", "Betreff", "Objet", "Oggetto", "Asunto", "件名"),
        Opt("status", PageLabels.Status),
        Opt("created", "Created", "Creation date", "Case creation date", "Erstellt", "Créé", "Date de création", "Creato", "Data di creazione", "Creado", "Fecha de creación", "作成日"),
        Opt("updated", "Last updated", "Last activity", "Zuletzt aktualisiert", "Dernière mise à jour", "Ultimo aggiornamento", "Última actualización", "最終更新日"),
    ];

    public PageKind Kind => PageKind.CaseLobby;

    public bool MatchesUrl(Uri url) => PageRecognizer.Recognise(url) == Kind;

    public bool ReadsTablesOnly => true;

    public bool MatchesDom(IDocument document) => PageTables.Find(document, Columns, PageTables.FormatFor(null)) is not null;

    public PageParse Parse(IDocument document, Uri url, string? marketplace)
    {
        var result = new PageParseBuilder(Kind, marketplace);
        var table = PageTables.Find(document, Columns, PageTables.FormatFor(marketplace));
        foreach (var row in table?.Rows ?? [])
        {
            var caseId = row.Text("case");
            result.Anchor(caseId);
            if (caseId is null)
            {
                result.Skip();
                continue;
            }
            result.Add(new CaseRecord
            {
                CaseId = caseId,
                Subject = row.Text("subject"),
                Status = row.Text("status"),
                Created = row.Date("created"),
                LastActivity = row.Date("updated"),
            });
        }
        return result.Build(PageFacts.Live);
    }
}
