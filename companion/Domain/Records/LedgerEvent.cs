namespace Refully.Companion.Domain.Records;

/// <summary>Inventory Ledger event types, as Amazon writes them in the detailed view.</summary>
public enum LedgerEventType
{
    Unknown,
    Shipments,
    CustomerReturns,
    Receipts,
    Adjustments,
    VendorReturns,
    WhseTransfers,
}

/// <summary>
/// One row of the Inventory Ledger detailed view (or of the retired Inventory Adjustments report, which
/// holds the same Adjustments events). Quantity is signed: negative leaves the disposition, positive enters.
/// </summary>
public sealed class LedgerEvent : DomainRecord
{
    public DateOnly Date { get; set; }

    /// <summary>"Date and Time" of the download, when present.</summary>
    public DateTimeOffset? DateTime { get; set; }

    public string Fnsku { get; set; } = "";
    public string? Asin { get; set; }
    public string? Msku { get; set; }
    public LedgerEventType EventType { get; set; }

    /// <summary>Shipment id (Receipts), transaction item id (Adjustments), order id or other reference.</summary>
    public string? ReferenceId { get; set; }

    public int Quantity { get; set; }
    public string? FulfillmentCenter { get; set; }
    public string? Disposition { get; set; }

    /// <summary>Adjustment reason code (M, 5, F, N, E, P …); empty for other events.</summary>
    public string? Reason { get; set; }

    public string? Country { get; set; }
    public int? ReconciledQuantity { get; set; }
    public int? UnreconciledQuantity { get; set; }
    public string? Store { get; set; }

    public override DateOnly? RecordDate => Date;

    /// <summary>
    /// Reconciled/unreconciled quantities change as Amazon researches, so they are not part of the key: a
    /// later download updates the same event. Country, store, ASIN and MSKU are left out so an Adjustments
    /// row of the ledger and of the retired adjustments report are the same fact.
    /// </summary>
    public override string NaturalKey() =>
        RecordKey.Join(Date, Fnsku, EventType, ReferenceId, Quantity, FulfillmentCenter, Disposition, Reason);
}
