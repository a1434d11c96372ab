using System.Globalization;
using System.Text;

namespace Refully.Companion.Claims;

/// <summary>A Selling Partner Support case's state, as Refully tracks it.</summary>
public enum CaseState
{
    Unknown,
    WorkInProgress,
    Answered,
    PendingAmazonAction,
    PendingSellerAction,
    Closed,
    Reopened,
}

/// <summary>
/// Maps the status a Case Lobby or case page shows (any UI language) or the internal code the Case Lobby JSON
/// uses (PendingAmazonAction, Closed …) to a <see cref="CaseState"/>. English words are seen in the UI and in
/// public code (seller-central-pages-2.md §4.2, domain.md §4.2); the other languages are unverified (labels.md §9):
/// exact words are tried first, then a few stems.
/// </summary>
public static class CaseStatuses
{
    private static readonly Dictionary<string, CaseState> Exact = new(StringComparer.Ordinal)
    {
        // English UI and internal codes (normalised: lower case, letters and digits only)
        ["workinprogress"] = CaseState.WorkInProgress, ["open"] = CaseState.WorkInProgress, ["inprogress"] = CaseState.WorkInProgress,
        ["answered"] = CaseState.Answered,
        ["pendingamazonaction"] = CaseState.PendingAmazonAction,
        ["pendingselleraction"] = CaseState.PendingSellerAction, ["pendingmerchantaction"] = CaseState.PendingSellerAction,
        ["awaitingselleraction"] = CaseState.PendingSellerAction, ["awaitingmerchantaction"] = CaseState.PendingSellerAction,
        ["requiresattention"] = CaseState.PendingSellerAction, ["needsattention"] = CaseState.PendingSellerAction,
        ["merchantactioncompleted"] = CaseState.PendingAmazonAction,
        ["closed"] = CaseState.Closed, ["resolved"] = CaseState.Closed, ["cancelled"] = CaseState.Closed, ["canceled"] = CaseState.Closed,
        ["reopened"] = CaseState.Reopened,
        // German (unverified)
        ["inbearbeitung"] = CaseState.WorkInProgress, ["beantwortet"] = CaseState.Answered,
        ["maßnahmevonamazonausstehend"] = CaseState.PendingAmazonAction, ["wartetaufamazon"] = CaseState.PendingAmazonAction,
        ["maßnahmeerforderlich"] = CaseState.PendingSellerAction, ["geschlossen"] = CaseState.Closed, ["abgeschlossen"] = CaseState.Closed,
        ["wiedergeöffnet"] = CaseState.Reopened, ["erneutgeöffnet"] = CaseState.Reopened,
        // French (unverified)
        ["encours"] = CaseState.WorkInProgress, ["répondu"] = CaseState.Answered, ["réponduparamazon"] = CaseState.Answered,
        ["enattentedeladactiondamazon"] = CaseState.PendingAmazonAction, ["enattentedactiondamazon"] = CaseState.PendingAmazonAction,
        ["actionrequise"] = CaseState.PendingSellerAction, ["fermé"] = CaseState.Closed, ["clôturé"] = CaseState.Closed, ["rouvert"] = CaseState.Reopened,
        // Italian (unverified)
        ["incorso"] = CaseState.WorkInProgress, ["inlavorazione"] = CaseState.WorkInProgress, ["risposto"] = CaseState.Answered,
        ["conrisposta"] = CaseState.Answered, ["inattesadiazionedapartediamazon"] = CaseState.PendingAmazonAction,
        ["azionerichiesta"] = CaseState.PendingSellerAction, ["chiuso"] = CaseState.Closed, ["riaperto"] = CaseState.Reopened,
        // Spanish (unverified)
        ["enproceso"] = CaseState.WorkInProgress, ["respondido"] = CaseState.Answered,
        ["pendientedeaccióndeamazon"] = CaseState.PendingAmazonAction, ["accionrequerida"] = CaseState.PendingSellerAction,
        ["acciónrequerida"] = CaseState.PendingSellerAction, ["cerrado"] = CaseState.Closed, ["reabierto"] = CaseState.Reopened,
        // Japanese (unverified)
        ["対応中"] = CaseState.WorkInProgress, ["作業中"] = CaseState.WorkInProgress, ["回答済み"] = CaseState.Answered,
        ["amazonの対応待ち"] = CaseState.PendingAmazonAction, ["amazon対応待ち"] = CaseState.PendingAmazonAction,
        ["出品者の対応待ち"] = CaseState.PendingSellerAction, ["要対応"] = CaseState.PendingSellerAction,
        ["クローズ"] = CaseState.Closed, ["終了"] = CaseState.Closed, ["解決済み"] = CaseState.Closed, ["再開"] = CaseState.Reopened,
    };

    public static CaseState Parse(string? shown)
    {
        if (string.IsNullOrWhiteSpace(shown))
        {
            return CaseState.Unknown;
        }
        var key = Normalise(shown);
        if (Exact.TryGetValue(key, out var state))
        {
            return state;
        }
        // Stems, for wording variants ("Pending Amazon Action (2)", "Case closed", "Geschlossen am …").
        if (key.Contains("reopen") || key.Contains("geöffnet") || key.Contains("rouvert") || key.Contains("riapert") || key.Contains("reabiert")) return CaseState.Reopened;
        if (key.Contains("amazon") && (key.Contains("pending") || key.Contains("ausstehend") || key.Contains("attente") || key.Contains("attesa") || key.Contains("pendiente") || key.Contains("待ち"))) return CaseState.PendingAmazonAction;
        if (key.Contains("closed") || key.Contains("resolved") || key.Contains("geschlossen") || key.Contains("fermé") || key.Contains("chiuso") || key.Contains("cerrado") || key.Contains("クローズ")) return CaseState.Closed;
        if (key.Contains("answered") || key.Contains("beantwortet") || key.Contains("répondu") || key.Contains("rispost") || key.Contains("respondido") || key.Contains("回答")) return CaseState.Answered;
        return CaseState.Unknown;
    }

    private static string Normalise(string text)
    {
        var b = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c)) b.Append(c);
        }
        return b.ToString();
    }
}
