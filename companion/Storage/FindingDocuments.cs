using LiteDB;
using Refully.Companion.Detection;

namespace Refully.Companion.Storage;

/// <summary>
/// The stored document of a <see cref="FindingDocument"/>, written by hand: a scan stores tens of thousands of
/// findings, and LiteDB's reflection mapper (boxing every value, testing its type, walking the nested lists) was a
/// fifth of that (docs/performance.md). The document is the one the mapper writes, field for field, in the same
/// order and with the same values (FindingDocumentsTests compares them byte for byte): the public readable properties
/// in declaration order, the computed <see cref="FindingDocument.Status"/> included, <c>Id</c> as <c>_id</c>, null
/// values left out (a null <c>_id</c> stays), enums as their names, DateOnly as "yyyy-MM-dd", DateTime as BSON
/// dates. Reading stays with the mapper.
/// </summary>
internal static class FindingDocuments
{
    private static readonly string?[] TypeNames = RecordMapping.Names<ClaimType>();
    private static readonly string?[] ConfidenceNames = RecordMapping.Names<Confidence>();
    private static readonly string?[] StatusNames = RecordMapping.Names<FindingStatus>();

    public static BsonDocument ToDocument(FindingDocument f)
    {
        var d = new BsonDocument
        {
            ["_id"] = f.Id,
            ["Type"] = RecordMapping.Name(f.Type, TypeNames),
            ["Confidence"] = RecordMapping.Name(f.Confidence, ConfidenceNames),
            ["ComputedStatus"] = Status(f.ComputedStatus),
        };
        if (f.Lifecycle is { } lifecycle)
        {
            d["Lifecycle"] = Status(lifecycle);
        }
        RecordMapping.Optional(d, "Marketplace", f.Marketplace);
        RecordMapping.Optional(d, "Currency", f.Currency);
        RecordMapping.Optional(d, "Fnsku", f.Fnsku);
        RecordMapping.Optional(d, "Sku", f.Sku);
        RecordMapping.Optional(d, "Asin", f.Asin);
        RecordMapping.Optional(d, "OrderId", f.OrderId);
        RecordMapping.Optional(d, "ShipmentId", f.ShipmentId);
        RecordMapping.Optional(d, "RemovalOrderId", f.RemovalOrderId);
        RecordMapping.Optional(d, "ReferenceId", f.ReferenceId);
        d["Units"] = f.Units;
        if (f.Amount is { } amount)
        {
            d["Amount"] = amount;
        }
        d["ReferenceDate"] = RecordMapping.FormatDate(f.ReferenceDate);
        d["EligibleFrom"] = RecordMapping.FormatDate(f.EligibleFrom);
        d["Deadline"] = RecordMapping.FormatDate(f.Deadline);
        if (f.Evidence is { } evidence)
        {
            var array = new BsonArray();
            foreach (var e in evidence)
            {
                array.Add(e is null ? BsonValue.Null : Evidence(e));
            }
            d["Evidence"] = array;
        }
        RecordMapping.Optional(d, "Explanation", f.Explanation);
        RecordMapping.Optional(d, "CaseId", f.CaseId);
        if (f.AmountRecovered is { } recovered)
        {
            d["AmountRecovered"] = recovered;
        }
        RecordMapping.Optional(d, "DismissReason", f.DismissReason);
        d["Confirmed"] = f.Confirmed;
        d["Detected"] = f.Detected;
        d["FirstSeenAt"] = f.FirstSeenAt;
        d["LastSeenAt"] = f.LastSeenAt;
        if (f.History is { } history)
        {
            var array = new BsonArray();
            foreach (var h in history)
            {
                array.Add(h is null ? BsonValue.Null : Change(h));
            }
            d["History"] = array;
        }
        if (f.FiledAt is { } filedAt)
        {
            d["FiledAt"] = filedAt;
        }
        RecordMapping.Optional(d, "DraftId", f.DraftId);
        RecordMapping.Optional(d, "FiledUnits", f.FiledUnits);
        RecordMapping.Optional(d, "FiledAmount", f.FiledAmount);
        RecordMapping.Optional(d, "CaseStatus", f.CaseStatus);
        RecordMapping.Optional(d, "CaseStatusText", f.CaseStatusText);
        if (f.CaseStatusDate is { } statusDate)
        {
            d["CaseStatusDate"] = RecordMapping.FormatDate(statusDate);
        }
        if (f.CaseClosedOn is { } closedOn)
        {
            d["CaseClosedOn"] = RecordMapping.FormatDate(closedOn);
        }
        if (f.UnitsRecovered is { } unitsRecovered)
        {
            d["UnitsRecovered"] = unitsRecovered;
        }
        if (f.ReimbursementIds is { } ids)
        {
            var array = new BsonArray();
            foreach (var id in ids)
            {
                array.Add(id);
            }
            d["ReimbursementIds"] = array;
        }
        d["Status"] = Status(f.Status);
        return d;
    }

    private static BsonDocument Evidence(EvidenceDocument e)
    {
        var d = new BsonDocument();
        RecordMapping.Optional(d, "Source", e.Source);
        d["Date"] = RecordMapping.FormatDate(e.Date);
        RecordMapping.Optional(d, "ReferenceId", e.ReferenceId);
        d["Quantity"] = e.Quantity;
        RecordMapping.Optional(d, "Note", e.Note);
        return d;
    }

    private static BsonDocument Change(StatusChangeDocument h)
    {
        var d = new BsonDocument { ["At"] = h.At, ["Status"] = Status(h.Status) };
        RecordMapping.Optional(d, "Source", h.Source);
        RecordMapping.Optional(d, "Note", h.Note);
        return d;
    }

    private static string Status(FindingStatus status) => RecordMapping.Name(status, StatusNames);
}
