using Refully.Companion.Domain.Records;
using Refully.Companion.Reports.Core;
using static Refully.Companion.Reports.Core.ReportColumn;

namespace Refully.Tests.Reports.Core;

/// <summary>A small ledger-like record, so the infrastructure is tested apart from the real readers.</summary>
public sealed class TestEvent : DomainRecord
{
    public DateOnly Date { get; set; }
    public DateTimeOffset? At { get; set; }
    public string Fnsku { get; set; } = "";
    public string Event { get; set; } = "";
    public int Quantity { get; set; }
    public decimal? Amount { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? City { get; set; }

    public override DateOnly? RecordDate => Date;

    public override string NaturalKey() => RecordKey.Join(Date, Fnsku, Event, Quantity);
}

/// <summary>Reads "Date, FNSKU, Event Type, Quantity" files; skips Shipments like the real ledger reader.</summary>
public sealed class TestLedgerReader : ITabularReportReader
{
    public string Report => "TestLedger";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("date", "Date", "Datum"),
        Req("fnsku", "FNSKU"),
        Req("event", "Event Type"),
        Req("quantity", "Quantity", "Menge"),
        Opt("at", "Date and Time"),
        Opt("amount", "Amount", "Betrag"),
        Opt("title", "Title"),
        Opt("email", "buyer-email"),
        Opt("city", "ship-city"),
        Opt("country", "Country"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
        if (row.Is("event", "Shipments"))
        {
            return;
        }
        sink.Add(new TestEvent
        {
            Date = row.Date("date", required: true) ?? default,
            At = row.Timestamp("at"),
            Fnsku = row.Id("fnsku", required: true) ?? "",
            Event = row.Text("event", required: true) ?? "",
            Quantity = row.Int("quantity", required: true) ?? 0,
            Amount = row.Decimal("amount"),
            Title = row.Text("title"),
            Email = row.Text("email"),
            City = row.Text("city"),
            Marketplace = row.Text("country"),
        });
    }
}

/// <summary>A second report, so recognition has something to choose between.</summary>
public sealed class TestReimbursementsReader : ITabularReportReader
{
    public string Report => "TestReimbursements";

    public IReadOnlyList<ReportColumn> Columns { get; } =
    [
        Req("approval", "approval-date"),
        Req("id", "reimbursement-id"),
        Req("reason", "reason"),
        Req("fnsku", "fnsku"),
        Req("total", "amount-total"),
    ];

    public void Read(ReportRow row, IRecordSink sink)
    {
    }
}

public static class TestReaders
{
    public static IReadOnlyList<ITabularReportReader> All { get; } = [new TestReimbursementsReader(), new TestLedgerReader()];

    public static ReportRecognizer Recognizer { get; } = new(All);
}
