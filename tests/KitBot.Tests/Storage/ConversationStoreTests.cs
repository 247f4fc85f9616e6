using KitBot.Conversations;
using KitBot.Dialogs.Reviews;
using KitBot.Privacy;
using KitBot.Storage;
using KitBot.Tests.Support;
using Microsoft.AspNetCore.DataProtection;

namespace KitBot.Tests.Storage;

/// <summary>The conversation store, keys, audit and retention behave the same on SQLite and on a real PostgreSQL server.</summary>
public sealed class ConversationStoreTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    public static TheoryData<string> Providers() => ["Sqlite", "PostgreSql"];

    private async Task<StoreProvider?> OpenAsync(string provider)
    {
        var store = await StoreProvider.CreateAsync(provider, postgres);
        if (store is null)
        {
            // Outside CI, with no PostgreSQL binaries (in CI the fixture fails instead).
            Skip.If(true, "PostgreSQL: " + postgres.SkipReason);
        }

        return store;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task State_SavesOnlyAtTheVersionRead(string provider)
    {
        await using var s = await OpenAsync(provider);
        if (s is null)
        {
            return;
        }

        var store = s.Conversations;
        var now = s.Clock.GetUtcNow();
        Assert.Equal(new VersionedState(null, 0), await store.LoadStateAsync("k", default));
        Assert.True(await store.TrySaveStateAsync("k", "{\"a\":1}", 0, now, default));
        Assert.False(await store.TrySaveStateAsync("k", "{\"a\":2}", 0, now, default));
        Assert.False(await store.TrySaveStateAsync("k", "{\"a\":3}", 2, now, default));
        Assert.True(await store.TrySaveStateAsync("k", "{\"a\":4}", 1, now, default));
        Assert.Equal(new VersionedState("{\"a\":4}", 2), await store.LoadStateAsync("k", default));
        Assert.True(await store.PingAsync(default));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task State_RacingSavesAtOneVersion_HaveExactlyOneWinner(string provider)
    {
        await using var s = await OpenAsync(provider);
        if (s is null)
        {
            return;
        }

        var store = s.Conversations;
        var now = s.Clock.GetUtcNow();
        Assert.True(await store.TrySaveStateAsync("race", "{}", 0, now, default));
        for (var version = 1; version <= 5; version++)
        {
            var expected = version;
            var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
                Task.Run(() => store.TrySaveStateAsync("race", $"{{\"by\":{i}}}", expected, now, default))));
            Assert.Single(results, r => r);
        }

        var firsts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => store.TrySaveStateAsync("new-race", $"{{\"by\":{i}}}", 0, now, default))));
        Assert.Single(firsts, r => r);
        Assert.Equal(6, (await store.LoadStateAsync("race", default)).Version);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task References_AreSaved_Refreshed_AndMarkedUnreachable(string provider)
    {
        await using var s = await OpenAsync(provider);
        if (s is null)
        {
            return;
        }

        var store = s.Conversations;
        var now = s.Clock.GetUtcNow();
        var reference = new ConversationReference("msteams:c1", "msteams", "c1", "https://smba.example/", "29:u", "28:b", "t1", false);
        Assert.Null(await store.GetReferenceAsync("msteams:c1", default));
        await store.SaveReferenceAsync(reference, now, default);
        Assert.Equal(reference, await store.GetReferenceAsync("msteams:c1", default));

        await store.MarkUnreachableAsync("msteams:c1", now, default);
        Assert.True((await store.GetReferenceAsync("msteams:c1", default))!.Unreachable);

        var moved = reference with { ServiceUrl = "https://smba.example/emea/", TenantId = null, IsGroup = true };
        await store.SaveReferenceAsync(moved, now, default);
        Assert.Equal(moved, await store.GetReferenceAsync("msteams:c1", default));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task DataProtectionKeys_AreSharedThroughTheDatabase(string provider)
    {
        await using var s = await OpenAsync(provider);
        if (s is null)
        {
            return;
        }

        // Two key managers on one database, as two instances: what one encrypts, the other decrypts.
        var one = Protector(s.Connections);
        var secret = one.Protect("shared");
        Assert.Equal("shared", Protector(s.Connections).Unprotect(secret));
        Assert.NotEmpty(new DatabaseXmlRepository(s.Connections).GetAllElements());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Retention_AndForgetMe_DeleteWhatTheyShould_AndAudit(string provider)
    {
        await using var s = await OpenAsync(provider);
        if (s is null)
        {
            return;
        }

        var store = s.Conversations;
        var now = s.Clock.GetUtcNow();
        Assert.True(await store.TrySaveStateAsync("msteams:c1:29:old", "{}", 0, now.AddDays(-91), default));
        Assert.True(await store.TrySaveStateAsync("msteams:c1:29:kept", "{}", 0, now.AddDays(-90), default));
        Assert.True(await store.TrySaveStateAsync("msteams:c2:29:alice", "{}", 0, now, default));
        Assert.True(await store.TrySaveStateAsync("slack:T1:D1:29:alice", "{}", 0, now, default));
        Assert.True(await store.TrySaveStateAsync("msteams:c3:x29:alice", "{}", 0, now, default));
        await store.SaveReferenceAsync(new ConversationReference("msteams:c2", "msteams", "c2", "https://s/", "29:alice", null, null, false), now, default);
        var due = now.AddDays(30);
        await s.Reviews.AddAsync(
            [new StoredReview("r1", "p", "msteams:c2", "29:alice", ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1, "Statutory review 1",
                DateOnly.FromDateTime(due.UtcDateTime), "Europe/London", due, due, ReviewState.Pending)],
            now, default);

        Assert.Equal(1, await s.Retention.PurgeAsync(default));
        await s.Retention.ForgetAsync("29:alice", default);

        Assert.Null((await store.LoadStateAsync("msteams:c1:29:old", default)).Json);
        Assert.NotNull((await store.LoadStateAsync("msteams:c1:29:kept", default)).Json);
        Assert.Null((await store.LoadStateAsync("msteams:c2:29:alice", default)).Json);
        Assert.Null((await store.LoadStateAsync("slack:T1:D1:29:alice", default)).Json);
        Assert.NotNull((await store.LoadStateAsync("msteams:c3:x29:alice", default)).Json); // another person whose id ends the same
        Assert.Null(await store.GetReferenceAsync("msteams:c2", default));
        Assert.Null(await s.Reviews.GetAsync("r1", default));
        Assert.Equal(
            [AuditActions.RetentionPurged, AuditActions.Forgotten],
            (await s.Audit.ListAsync(null, default)).Select(a => a.Action));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Reviews_AreAddedListedAndClaimedOnce(string provider)
    {
        await using var s = await OpenAsync(provider);
        if (s is null)
        {
            return;
        }

        var now = s.Clock.GetUtcNow();
        var review = new StoredReview("r1", "p1", "msteams:c", "29:u", ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1, "Statutory review 1",
            DateOnly.FromDateTime(now.UtcDateTime), "Europe/London", now.AddMinutes(-1), now.AddMinutes(-1), ReviewState.Pending);
        await s.Reviews.AddAsync([review], now, default);

        Assert.Equal("r1", Assert.Single(await s.Reviews.ListOpenAsync("29:u", null, default)).Id);
        Assert.Equal(["r1"], await s.Reviews.DueAsync(now, 10, default));
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => s.Reviews.TryClaimAsync("r1", now, now.AddMinutes(5), default))));
        Assert.Single(claims, c => c is not null);
        Assert.True(await s.Reviews.MarkSentAsync("r1", now, default));
        Assert.Equal(ReviewState.Sent, (await s.Reviews.GetAsync("r1", default))!.State);
    }

    private static IDataProtector Protector(StorageConnections connections) =>
        DataProtectionProvider.Create(new DirectoryInfo(Path.GetTempPath()), b =>
                b.SetApplicationName("KitBot").AddKeyManagementOptions(o => o.XmlRepository = new DatabaseXmlRepository(connections)))
            .CreateProtector("test");
}
