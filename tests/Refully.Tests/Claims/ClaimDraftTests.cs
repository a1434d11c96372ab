using Refully.Companion.Claims;
using Refully.Companion.Detection;
using static Refully.Tests.Claims.ClaimWorld;

namespace Refully.Tests.Claims;

public sealed class ClaimDraftTests : IDisposable
{
    private readonly ClaimWorld _world = new();

    public void Dispose() => _world.Dispose();

    private ClaimDraft Only(Candidate candidate, string? language = null)
    {
        _world.Seed(candidate);
        return _world.Drafter.Drafts(language: language).Should().ContainSingle().Subject;
    }

    [Theory]
    [InlineData(ClaimType.LostWarehouse, "US", "https://sellercentral.amazon.com/gp/help/external/GGEV4254LJJ9BAEG", true)]
    [InlineData(ClaimType.LostWarehouse, "DE", "https://sellercentral.amazon.de/gp/help/external/GEV4254LJJ9BAEG", true)]
    [InlineData(ClaimType.LostWarehouse, "JP", "https://sellercentral.amazon.co.jp/gp/help/external/GGEV4254LJJ9BAEG", true)]
    [InlineData(ClaimType.LostWarehouse, "IT", "https://sellercentral.amazon.it/gp/help/external/GEV4254LJJ9BAEG", false)]
    [InlineData(ClaimType.DamagedWarehouse, "UK", "https://sellercentral.amazon.co.uk/gp/help/external/GEV4254LJJ9BAEG", true)]
    [InlineData(ClaimType.RefundNotReturned, "US", "https://sellercentral.amazon.com/gp/help/external/G9N934L7Y4SFWPJ4", true)]
    [InlineData(ClaimType.RefundNotReturned, "DE", "https://sellercentral.amazon.de/gp/help/external/9N934L7Y4SFWPJ4", true)]
    [InlineData(ClaimType.RefundNotReturned, "ES", "https://sellercentral.amazon.es/gp/help/external/G9N934L7Y4SFWPJ4", false)]
    [InlineData(ClaimType.RemovalShortage, "DE", "https://sellercentral.amazon.de/gp/help/external/9ZB3H4DP4H72U6R", true)]
    [InlineData(ClaimType.InboundShortage, "US", "https://sellercentral.amazon.com/fba/inbound-shipment/summary/FBA15Q6QQ08T", true)]
    [InlineData(ClaimType.InboundShortage, "FR", "https://sellercentral.amazon.fr/fba/inbound-shipment/summary/FBA15Q6QQ08T", false)]
    [InlineData(ClaimType.ReimbursedBelowCost, "US", "https://sellercentral.amazon.com/help/hub/contact-us", true)]
    [InlineData(ClaimType.ReimbursedBelowCost, "JP", "https://sellercentral.amazon.co.jp/help/hub/contact-us", false)]
    public void EachTypeIsFiledAtItsPageOnTheMarketplaceHost(ClaimType type, string marketplace, string url, bool verified)
    {
        var draft = Only(C(type, "k", marketplace, orderId: "028-1234567-1234567", shipmentId: "FBA15Q6QQ08T", removalOrderId: "R-1",
            referenceId: "7001", fixedAmount: type == ClaimType.ReimbursedBelowCost ? 1m : null, currency: type == ClaimType.ReimbursedBelowCost ? "USD" : null));

        draft.FileAt.Url.Should().Be(url);
        draft.FileAt.Verified.Should().Be(verified);
        draft.FileAt.Source.Should().NotBeNullOrWhiteSpace();
        if (!verified)
        {
            draft.Notes.Should().Contain(n => n.Contains("best guess"));
        }
    }

    [Theory]
    [InlineData(ClaimType.LostWarehouse, new[] { "fnsku", "quantity", "subject", "description" })]
    [InlineData(ClaimType.DamagedWarehouse, new[] { "transactionItemId", "fnsku", "quantity", "subject", "description" })]
    [InlineData(ClaimType.RefundNotReturned, new[] { "orderId", "fnsku", "quantity", "subject", "description" })]
    [InlineData(ClaimType.InboundShortage, new[] { "shipmentId", "fnsku", "quantity", "subject", "description" })]
    [InlineData(ClaimType.RemovalShortage, new[] { "removalOrderId", "fnsku", "quantity", "subject", "description" })]
    public void FieldsCarryStableNamesAndTheValuesTheFormAsksFor(ClaimType type, string[] names)
    {
        var draft = Only(C(type, "k", units: 3, orderId: "111-0000001-0000001", shipmentId: "FBA15Q6QQ08T", removalOrderId: "R-1", referenceId: "7001"));

        draft.Fields.Select(f => f.Name).Should().Equal(names);
        draft.Fields.Single(f => f.Name == "quantity").Value.Should().Be("3");
        draft.Fields.Single(f => f.Name == "subject").Value.Should().Be(draft.Subject);
        draft.Fields.Single(f => f.Name == "description").Value.Should().Be(draft.Body);
        draft.Fields.Should().OnlyContain(f => f.Label.Length > 0 && f.Value.Length > 0);
    }

    [Fact]
    public void InboundDraftsAskForProofOfDeliveryAndInvoiceAndFeesForMeasurementPhotos()
    {
        var inbound = new ClaimWorld();
        inbound.Seed(C(ClaimType.InboundShortage, "s", shipmentId: "FBA1"));
        inbound.Drafter.Drafts().Single().Attachments.Select(a => (a.Kind, a.Required))
            .Should().Equal(("proofOfDelivery", true), ("invoice", true));
        inbound.Dispose();

        var removal = new ClaimWorld();
        removal.Seed(C(ClaimType.RemovalShortage, "r", removalOrderId: "R-1"));
        removal.Drafter.Drafts().Single().Attachments.Should().Contain(a => a.Kind == "photos" && a.Required);
        removal.Dispose();

        var fee = new ClaimWorld();
        var f = fee.Seed(C(ClaimType.FeeOvercharge, "fee")).Single();
        fee.Findings.Confirm(f.Id, "seller");
        fee.Drafter.Drafts().Single().Attachments.Should().ContainSingle(a => a.Kind == "measurementPhotos" && a.Required);
        fee.Dispose();
    }

    [Fact]
    public void EnglishBodyHasFactsEvidenceUnitsValueComputationAndPolicy()
    {
        var draft = Only(C(ClaimType.LostWarehouse, "k", units: 3, fnsku: "X00AAA0001", referenceId: "7001", evidenceRows: 2));

        draft.Language.Should().Be("en");
        draft.Translated.Should().BeTrue();
        draft.Subject.Should().Be("Reimbursement request: units lost in fulfillment center, FNSKU X00AAA0001");
        draft.Body.Should().Contain("3 unit(s) of FNSKU X00AAA0001 were recorded as lost")
            .And.Contain("Date").And.Contain("Reference").And.Contain("7001000").And.Contain("7001001")
            .And.Contain("Units: 3")
            .And.Contain("Value: 26.10 USD")
            .And.Contain("Computed as: 3 × 8.70 USD (my unit cost)")
            .And.Contain("Policy: FBA inventory reimbursement policy (Seller Central help GEV4254LJJ9BAEG); window 30 to 60 days after")
            .And.Contain("Source: Amazon FBA reimbursement policy update")
            .And.Contain($"Claim deadline: {draft.Deadline:yyyy-MM-dd}");
        draft.Amount.Should().Be(26.10m);
        draft.Currency.Should().Be("USD");
    }

    [Fact]
    public void GermanDraftsAreCompletelyGerman()
    {
        var draft = Only(C(ClaimType.DamagedWarehouse, "k", "DE", units: 2, fnsku: "X00AAA0001", referenceId: "7001"));
        var english = ClaimLanguages.English;

        draft.Language.Should().Be("de");
        draft.Translated.Should().BeTrue();
        draft.Notes.Should().NotContain(n => n.Contains("English"));
        draft.Subject.Should().Be("Erstattungsantrag: im Logistikzentrum beschädigte Einheiten, Transaktionsartikel-ID 7001");
        draft.Body.Should().StartWith("Guten Tag,")
            .And.Contain("2 Einheit(en) der FNSKU X00AAA0001 wurden in einem Logistikzentrum von Amazon als beschädigt verbucht (Transaktionsartikel-ID 7001)")
            .And.Contain("Nachweise (aus meinen Berichten):")
            .And.Contain("Wert: 17,40 EUR")
            .And.Contain("Berechnung: 2 × 8,70 EUR (mein Einstandspreis pro Einheit)")
            .And.Contain("Richtlinie: Richtlinie für die \"Versand durch Amazon\"-Erstattung für Lagerbestand")
            .And.Contain("Bitte prüfen Sie den Vorgang")
            .And.EndWith("Vielen Dank.");
        draft.Body.Should().NotContain(english.Intros![ClaimType.DamagedWarehouse][..20]).And.NotContain(english.Request[..15]);
        draft.Fields.Select(f => f.Label).Should().Equal("Transaktionsartikel-ID", "FNSKU", "Menge", "Betreff", "Beschreibung");
        draft.FileAt.Navigation.Should().StartWith("Hilfe › Unterstützung anfordern");
    }

    [Fact]
    public void GermanTextsCoverEveryClaimTypeAndValueBasis()
    {
        var de = ClaimLanguages.Find("de")!;
        var en = ClaimLanguages.English;

        de.Complete.Should().BeTrue();
        foreach (var type in Enum.GetValues<ClaimType>())
        {
            de.Intros![type].Should().NotBe(en.Intros![type]);
            de.TypeNames[type].Should().NotBe(en.TypeNames[type]);
        }
        de.Computations!.Keys.Should().BeEquivalentTo(Enum.GetValues<ValueBasis>());
        de.Navigation!.Keys.Should().BeEquivalentTo(Enum.GetValues<ClaimDestination>());
        de.FieldLabels.Keys.Should().BeEquivalentTo(en.FieldLabels.Keys);
        de.AttachmentLabels.Keys.Should().BeEquivalentTo(en.AttachmentLabels.Keys);
    }

    [Theory]
    [InlineData("FR", "fr", "Demande de remboursement : ", "Numéro de la commande client", "(Certaines phrases ci-dessous sont en anglais.)")]
    [InlineData("IT", "it", "Richiesta di rimborso: ", "Numero ordine cliente", "(Alcune frasi qui sotto sono in inglese.)")]
    [InlineData("ES", "es", "Solicitud de reembolso: ", "Número de pedido del cliente", "(Algunas frases a continuación están en inglés.)")]
    [InlineData("JP", "ja", "補てん申請：", "注文番号", "（以下の一部の文は英語です。）")]
    public void OtherLanguagesHaveSubjectSkeletonAndLabelsWithEnglishSentencesInside(string marketplace, string language, string subjectStart, string orderLabel, string note)
    {
        var draft = Only(C(ClaimType.RefundNotReturned, "k", marketplace, units: 1, orderId: "249-0814575-0394263"));
        var lang = ClaimLanguages.Find(language)!;

        draft.Language.Should().Be(language);
        draft.Translated.Should().BeFalse();
        draft.Subject.Should().StartWith(subjectStart).And.Contain(lang.TypeNames[ClaimType.RefundNotReturned]).And.Contain("249-0814575-0394263");
        draft.Fields.First().Should().Be(new ClaimField("orderId", orderLabel, "249-0814575-0394263"));
        draft.Fields.Single(f => f.Name == "subject").Label.Should().Be(lang.FieldLabels["subject"]).And.NotBe("Subject");
        draft.Body.Should().StartWith(lang.Greeting).And.Contain(note).And.Contain(lang.EvidenceHeading)
            .And.Contain("The customer of order 249-0814575-0394263 was refunded for 1 unit(s)")
            .And.Contain(lang.Request.Replace("{units}", "1")).And.EndWith(lang.Closing);
        draft.Notes.Should().Contain(n => n.Contains("in English inside them"));
    }

    [Fact]
    public void MarketplacesWithoutTextsGetEnglishAndSaySo()
    {
        var draft = Only(C(ClaimType.LostWarehouse, "k", "NL"));

        draft.Language.Should().Be("en");
        draft.Notes.Should().Contain(n => n.Contains("no 'nl' texts"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("de")]
    [InlineData("ja")]
    public void BodiesStayUnderTheComposerLimitByLeavingEvidenceRowsOut(string language)
    {
        _world.Seed(Enumerable.Range(0, 30).Select(i => C(ClaimType.InboundShortage, $"FBA1|{i}", units: 3, shipmentId: "FBA15Q6QQ08T",
            fnsku: $"X00AAA{i:D4}", sku: $"SKU-{i}", referenceId: $"88{i:D3}", evidenceRows: 3)).ToArray());

        var draft = _world.Drafter.Drafts(language: language).Single();

        draft.Body.Length.Should().BeLessThan(2000);
        draft.Body.Should().EndWith(ClaimLanguages.Find(language)!.Closing);
        draft.Notes.Should().Contain(n => n.Contains("row(s) left out"));
        draft.Units.Should().Be(90);
        draft.Lines.Should().HaveCount(30, "the lines still carry every finding for the form's rows");
    }

    [Fact]
    public void SmallBodiesKeepEveryEvidenceRow()
    {
        var draft = Only(C(ClaimType.LostWarehouse, "k", evidenceRows: 4, referenceId: "5"));

        draft.Body.Length.Should().BeLessThan(2000);
        draft.Notes.Should().NotContain(n => n.Contains("left out"));
        foreach (var i in Enumerable.Range(0, 4))
        {
            draft.Body.Should().Contain($"5{i:D3}");
        }
    }
}
