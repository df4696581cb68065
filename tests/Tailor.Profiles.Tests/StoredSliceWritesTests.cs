using Tailor.Profiles.InMemory;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Profiles.Tests;

/// <summary>
/// <see cref="StoredSliceWrites.WriteLatestSliceAsync{TDocument, TSlice}"/> with two replicas of a service (two
/// connections to one SQLite file) writing one user's slice to one cache, their writes landing in the worst order.
/// </summary>
public sealed class StoredSliceWritesTests : IDisposable
{
    private const string Collection = "ingestion.contacts";
    private const string UserId = "17850";

    private readonly SqliteReplicas _stores = new();
    private readonly HeldProfileCache _profiles = new(new InMemoryProfileCache());

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task A_writer_whose_older_slice_lands_last_writes_the_newer_document_slice_after_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var older = await SetFirstNameAsync(_stores.Documents[0], "Ada");
        _profiles.HoldNextWrite();
        var slow = _profiles.WriteLatestSliceAsync(_stores.Documents[0], Collection, UserId, older, Slice, ct);
        await _profiles.Holding;

        // Meanwhile the other replica stores a newer document and writes its slice, all before the first slice lands.
        var newer = await SetFirstNameAsync(_stores.Documents[1], "Grace");
        await _profiles.WriteLatestSliceAsync(_stores.Documents[1], Collection, UserId, newer, Slice, ct);
        _profiles.Release();
        await slow;

        Assert.Equal("Grace", (await _profiles.ReadAsync(UserId, ct))?.Contact?.FirstName);
        Assert.Equal(["Grace", "Ada", "Grace"], _profiles.Written);
    }

    [Fact]
    public async Task A_slice_landing_after_its_document_was_deleted_is_removed()
    {
        var ct = TestContext.Current.CancellationToken;
        var stored = await SetFirstNameAsync(_stores.Documents[0], "Ada");
        _profiles.HoldNextWrite();
        var slow = _profiles.WriteLatestSliceAsync(_stores.Documents[0], Collection, UserId, stored, Slice, ct);
        await _profiles.Holding;

        // The user is erased on the other replica: document first, then slice, while the first slice is on its way.
        await _stores.Documents[1].DeleteAsync(Collection, UserId, ct);
        await _profiles.RemoveSliceAsync(UserId, ContactSlice.SliceName, ct);
        _profiles.Release();
        await slow;

        Assert.Null(await _profiles.ReadAsync(UserId, ct));
    }

    [Fact]
    public async Task Many_updates_of_one_user_on_two_replicas_at_once_leave_the_newest_document_slice()
    {
        var ct = TestContext.Current.CancellationToken;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(
            async () =>
            {
                var documents = _stores.Documents[worker % 2];
                for (var i = 0; i < 25; i++)
                {
                    var written = await SetFirstNameAsync(documents, $"writer-{worker}-{i}");
                    await _profiles.WriteLatestSliceAsync(documents, Collection, UserId, written, Slice, ct);
                }
            },
            ct)));

        var newest = await _stores.Documents[0].FindAsync<Contact>(Collection, UserId, ct);
        Assert.Equal(200, newest!.Changes);
        Assert.Equal(newest.FirstName, (await _profiles.ReadAsync(UserId, ct))?.Contact?.FirstName);
    }

    private static Task<Versioned<Contact>> SetFirstNameAsync(IDocumentStore documents, string firstName) =>
        documents.UpdateAsync<Contact>(
            Collection,
            UserId,
            stored => new Contact("ada@example.com", firstName, (stored?.Changes ?? 0) + 1),
            TestContext.Current.CancellationToken)!;

    private static ContactSlice Slice(Contact contact) =>
        new(contact.Email, contact.FirstName, "United Kingdom", "Europe/London", EmailConsent: true, DateTimeOffset.UnixEpoch);

    /// <summary>A service's own per-user document, as Ingestion keeps contacts; <paramref name="Changes"/> counts its updates.</summary>
    private sealed record Contact(string Email, string FirstName, int Changes);

    /// <summary>A cache whose next slice write waits, once asked, until released: a slow network write.</summary>
    private sealed class HeldProfileCache(IProfileCache inner) : IProfileCache
    {
        private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string?> _written = [];
        private int _holdNext;

        /// <summary>Completes when the held write is waiting.</summary>
        public Task Holding => _holding.Task;

        /// <summary>The first names of the contact slices written, in the order they reached the cache.</summary>
        public IReadOnlyList<string?> Written
        {
            get
            {
                lock (_written)
                {
                    return [.. _written];
                }
            }
        }

        public void HoldNextWrite() => Volatile.Write(ref _holdNext, 1);

        public void Release() => _released.SetResult();

        public async Task WriteSliceAsync<TSlice>(string userId, TSlice slice, CancellationToken cancellationToken = default)
            where TSlice : IProfileSlice
        {
            if (Interlocked.Exchange(ref _holdNext, 0) == 1)
            {
                _holding.SetResult();
                await _released.Task.WaitAsync(cancellationToken);
            }

            await inner.WriteSliceAsync(userId, slice, cancellationToken);
            lock (_written)
            {
                _written.Add((slice as ContactSlice)?.FirstName);
            }
        }

        public Task<UserProfile?> ReadAsync(string userId, CancellationToken cancellationToken = default) => inner.ReadAsync(userId, cancellationToken);

        public IAsyncEnumerable<string> ListUserIdsAsync(CancellationToken cancellationToken = default) => inner.ListUserIdsAsync(cancellationToken);

        public Task RemoveAsync(string userId, CancellationToken cancellationToken = default) => inner.RemoveAsync(userId, cancellationToken);

        public Task RemoveSliceAsync(string userId, string sliceName, CancellationToken cancellationToken = default) =>
            inner.RemoveSliceAsync(userId, sliceName, cancellationToken);
    }
}
