namespace Refully.Companion.Reports.Core;

/// <summary>Month names and abbreviations in the languages of Amazon's reports (EN, DE, FR, IT, ES, NL, PT).</summary>
internal static class Months
{
    private static readonly Dictionary<string, int> ByName = Build(
        ["january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug", "september sep sept", "october oct", "november nov", "december dec"],
        ["januar jän", "februar", "märz mär mrz", "april", "mai", "juni", "juli", "august", "september", "oktober okt", "november", "dezember dez"],
        ["janvier janv", "février févr fév", "mars", "avril avr", "mai", "juin", "juillet juil", "août aou", "septembre", "octobre", "novembre", "décembre déc"],
        ["gennaio gen", "febbraio", "marzo", "aprile", "maggio mag", "giugno giu", "luglio lug", "agosto ago", "settembre set", "ottobre ott", "novembre", "dicembre dic"],
        ["enero ene", "febrero", "marzo", "abril abr", "mayo", "junio", "julio", "agosto", "septiembre setiembre", "octubre", "noviembre", "diciembre"],
        ["januari", "februari", "maart mrt", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        ["janeiro", "fevereiro fev", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro out", "novembro", "dezembro"]);

    public static bool TryGet(ReadOnlySpan<char> word, out int month)
    {
        Span<char> lower = stackalloc char[Math.Min(word.Length, 16)];
        if (word.Length > 16)
        {
            month = 0;
            return false;
        }
        word.ToLowerInvariant(lower);
        return ByName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lower, out month);
    }

    private static Dictionary<string, int> Build(params string[][] languages)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            for (var m = 0; m < 12; m++)
            {
                foreach (var name in language[m].Split(' '))
                {
                    map.TryAdd(name, m + 1);
                }
            }
        }
        return map;
    }
}
