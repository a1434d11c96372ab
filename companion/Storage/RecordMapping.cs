using System.Globalization;
using LiteDB;
using Refully.Companion.Domain.Records;

namespace Refully.Companion.Storage;

/// <summary>
/// How domain records become LiteDB documents: DateOnly as "yyyy-MM-dd", DateTimeOffset as ISO-8601 with its
/// offset as written (sortable within one offset, readable in any LiteDB viewer), computed properties
/// (<see cref="DomainRecord.RecordDate"/>) left out. Registered on the one mapper of <see cref="CompanionDatabase"/>.
/// </summary>
internal static class RecordMapping
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public static BsonMapper Register(BsonMapper mapper)
    {
        mapper.RegisterType(
            d => new BsonValue(d.ToString(DateFormat, CultureInfo.InvariantCulture)),
            b => DateOnly.ParseExact(b.AsString, DateFormat, CultureInfo.InvariantCulture));
        mapper.RegisterType(
            t => new BsonValue(t.ToString(TimestampFormat, CultureInfo.InvariantCulture)),
            b => DateTimeOffset.ParseExact(b.AsString, TimestampFormat, CultureInfo.InvariantCulture));
        mapper.ResolveMember = (type, member, memberMapper) =>
        {
            if (typeof(DomainRecord).IsAssignableFrom(type) && member is System.Reflection.PropertyInfo { CanWrite: false })
            {
                memberMapper.FieldName = null;
            }
        };
        return mapper;
    }
}
