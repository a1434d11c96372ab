using System.Text.RegularExpressions;
using FluentAssertions;
using Refully.Companion.Pages;
using Xunit;

namespace Refully.Tests.Pages;

public sealed class TextNormalizeTests
{
    [Fact]
    public void Normalize_collapses_and_trims_white_space_and_gives_clean_text_back_as_it_is()
    {
        var random = new Random(7);
        const string alphabet = "ab ' \t\n\u00A0\u2003\r";
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var expected = Regex.Replace(text, @"[\s\u00A0]+", " ").Trim();
            var normalized = Text.Normalize(text);
            normalized.Should().Be(expected, "for \"{0}\"", Regex.Escape(text));
            if (normalized == text && text.Length > 0)
            {
                normalized.Should().BeSameAs(text, "clean text is not copied");
            }
        }
    }
}
