using LiteDB;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Storage;

/// <summary>
/// The record a read of a stored document gives, without the trip through the binary form where it changes nothing:
/// the documents <see cref="RecordMapping"/> writes by hand (<see cref="LedgerEvent"/>, <see cref="Transaction"/>,
/// <see cref="OrderLine"/>) hold only strings, 32-bit integers, decimals and booleans, which
/// <see cref="BsonSerializer"/> gives back as they were. (A reflection-mapped type may hold a DateTime, which the data
/// file keeps to the millisecond and reads back in local time, so it still goes through the binary form.)
/// </summary>
internal static class StoredForm
{
    /// <summary>True for the types whose documents <see cref="RecordMapping.ToDocument"/> writes by hand.</summary>
    public static bool WrittenByHand(Type type) => type == typeof(LedgerEvent) || type == typeof(Transaction) || type == typeof(OrderLine);

    /// <summary>The record of a document of a type <see cref="WrittenByHand"/>, as a read of the stored document gives it.</summary>
    public static DomainRecord Read(BsonMapper mapper, Type type, BsonDocument document) => (DomainRecord)mapper.ToObject(type, document);
}
