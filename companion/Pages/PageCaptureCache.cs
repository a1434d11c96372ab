using System.Runtime.InteropServices;
using System.IO.Hashing;
using Refully.Companion.Pages.Parsers;

namespace Refully.Companion.Pages;

/// <summary>What reading a captured page gave, independent of the store: kept so an identical capture is not parsed again.</summary>
public sealed record ParsedPage(
    PageParse Parse, int ShadowRoots, int MaxDepth, IReadOnlyList<PageTable> Tables, IReadOnlyList<string> Headings, string DocumentTitle);

/// <summary>
/// The last few pages read, by URL and a 128-bit xxHash (XXH3) of their HTML, for <see cref="Lifetime"/>. The extension
/// re-captures a page on every DOM change and the seller reloads and paginates back, so the same HTML arrives
/// again and again; parsing it is the costly part of the intake (docs/pages.md "Performance"). A hit skips the
/// parse only: the records are still merged into the store and the findings read fresh, so the answer is what a
/// full parse would give. Only the hash is kept, never the page. Parses are immutable once cached (ids assigned).
/// </summary>
public sealed class PageCaptureCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public const int Capacity = 8;

    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    /// <summary>
    /// The key of a capture: its URL and the hash of its HTML. XXH128 reads the 4 MB of a 2 MB page in ≈ 0.3 ms, where
    /// SHA-256 took 2.8 ms of every capture; a cache key needs no resistance to crafted collisions (a page could only
    /// collide with another capture of the same URL within minutes, and Seller Central writes its pages).
    /// </summary>
    public static (string Url, byte[] Hash) Key(Uri url, string html) =>
        (url.ToString(), XxHash128.Hash(MemoryMarshal.AsBytes(html.AsSpan())));

    public ParsedPage? Find((string Url, byte[] Hash) key) => Find(key, out _);

    /// <summary>
    /// The page read for <paramref name="key"/>, and the <see cref="Storage.CompanionDatabase.RecordWrites"/> value right after
    /// its records were last merged into the store (<see cref="Stored"/>), or null.
    /// </summary>
    public ParsedPage? Find((string Url, byte[] Hash) key, out long? storedAt)
    {
        lock (_gate)
        {
            Expire();
            var index = _entries.FindIndex(e => e.Url == key.Url && e.Hash.AsSpan().SequenceEqual(key.Hash));
            storedAt = index < 0 ? null : _entries[index].StoredAt;
            return index < 0 ? null : _entries[index].Page;
        }
    }

    /// <summary>
    /// The page's records were merged into the store and <paramref name="generation"/> is the record-write generation right
    /// after, with no other write in between: while the generation stays there, merging them again would change nothing.
    /// </summary>
    public void Stored((string Url, byte[] Hash) key, long generation)
    {
        lock (_gate)
        {
            var index = _entries.FindIndex(e => e.Url == key.Url && e.Hash.AsSpan().SequenceEqual(key.Hash));
            if (index >= 0)
            {
                _entries[index].StoredAt = generation;
            }
        }
    }

    public void Add((string Url, byte[] Hash) key, ParsedPage page)
    {
        lock (_gate)
        {
            Expire();
            _entries.RemoveAll(e => e.Url == key.Url);
            _entries.Add(new Entry(key.Url, key.Hash, time.GetUtcNow(), page));
            if (_entries.Count > Capacity)
            {
                _entries.RemoveAt(0);
            }
        }
    }

    private void Expire()
    {
        var oldest = time.GetUtcNow() - Lifetime;
        _entries.RemoveAll(e => e.At < oldest);
    }

    private sealed record Entry(string Url, byte[] Hash, DateTimeOffset At, ParsedPage Page)
    {
        public long? StoredAt { get; set; }
    }
}
