namespace Refully.Companion.Storage;

/// <summary>
/// What an in-memory copy of the records knows about which ids are stored, as of <see cref="Generation"/> (a value of
/// <see cref="CompanionDatabase.RecordWrites"/>). <see cref="PageRecordStore"/> uses it to skip looking up ids it proves
/// new; a wrong answer can only cost a retry (an id thought new but stored fails the insert, and the page is stored again
/// with every id looked up), never a wrong merge.
/// </summary>
public interface IStoredIds
{
    /// <summary>The <see cref="CompanionDatabase.RecordWrites"/> value the answers hold at.</summary>
    long Generation { get; }

    /// <summary>True or false when the copy holds every record of <paramref name="recordType"/>; null when it does not know the type.</summary>
    bool? Contains(Type recordType, string id);
}
