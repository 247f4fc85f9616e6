using System.Text;
using KitBot.Cards;
using KitBot.Conversations;
using KitBot.Privacy;
using KitBot.Storage;
using KitBot.Tests.Plans;
using KitBot.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace KitBot.Tests.Privacy;

/// <summary>Free-text notes are encrypted at rest and never logged.</summary>
public sealed class StateEncryptionTests
{
    private const string Conversation = "a:privacy-chat";
    private const string User = "29:privacy-user";

    [Fact]
    public async Task AfterAConsultationWithSentinelNotes_TheSentinelIsInNeitherTheDatabaseFileNorTheLogs()
    {
        var sentinel = "ZQXSENTINEL" + Guid.NewGuid().ToString("N")[..8];
        var cards = new RecordingTemplateEngine();
        var logs = new CapturingLoggerProvider();
        using var host = new KitBotFactory()
            .WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .WithSetting("Logging:LogLevel:System.Net.Http.HttpClient", "Trace")
            .WithServices(services =>
            {
                services.RemoveAll<ICardTemplateEngine>();
                services.AddSingleton<ICardTemplateEngine>(cards);
                services.AddSingleton<ILoggerProvider>(logs);
            });
        var consultation = new HostConsultation(host.CreateClient(), cards, Conversation, User);

        await consultation.RunCaseBAsync(sentinel);

        // The notes were kept (KitBot reads them back) and the consultation reached its plan...
        var stateKey = ConversationReference.StateKeyFor(ConversationReference.KeyFor("msteams", Conversation), User);
        var state = await host.Services.GetRequiredService<IConversationStore>().LoadStateAsync(stateKey, default);
        Assert.Contains(sentinel + " risk", state.Json, StringComparison.Ordinal);
        Assert.Contains(sentinel + " adopters", state.Json, StringComparison.Ordinal);
        var audit = await host.Services.GetRequiredService<AuditLog>().ListAsync(User, default);
        Assert.Contains(audit, a => a.Action == AuditActions.ConsultationFinished);
        Assert.Contains(audit, a => a.Action == AuditActions.PlanCreated);

        // ...but the database file and its write-ahead log hold no note, and no log line does.
        SqliteConnection.ClearAllPools();
        var bytes = new[] { host.DatabasePath, host.DatabasePath + "-wal" }.Where(File.Exists).SelectMany(File.ReadAllBytes).ToArray();
        Assert.NotEmpty(bytes);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(sentinel)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(sentinel)));
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(sentinel, StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => (a.Subject ?? "").Contains(sentinel, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoredState_IsCiphertext_AndTheVersionCheckStillRefusesAStaleSave()
    {
        using var host = new KitBotFactory();
        var store = host.Services.GetRequiredService<IConversationStore>();

        Assert.True(await store.TrySaveStateAsync("k", """{"note":"secret words"}""", 0, DateTimeOffset.UnixEpoch, default));
        Assert.False(await store.TrySaveStateAsync("k", """{"note":"stale"}""", 0, DateTimeOffset.UnixEpoch, default));
        Assert.True(await store.TrySaveStateAsync("k", """{"note":"newer words"}""", 1, DateTimeOffset.UnixEpoch, default));
        Assert.False(await store.TrySaveStateAsync("k", """{"note":"stale"}""", 1, DateTimeOffset.UnixEpoch, default));

        var loaded = await store.LoadStateAsync("k", default);
        Assert.Equal(("""{"note":"newer words"}""", 2L), (loaded.Json, loaded.Version));
        using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM conversation_state WHERE key = 'k'";
        var raw = (string)command.ExecuteScalar()!;
        Assert.StartsWith("enc2:1:", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("words", raw, StringComparison.Ordinal);
        Assert.True(host.CountRows("data_protection_keys") >= 1);
        Assert.Equal(1, host.CountRows("state_key"));
    }

    [Fact]
    public async Task StateSealedWithDataProtection_BeforeStateKeys_StillLoads_AndIsResealedOnItsNextSave()
    {
        using var host = new KitBotFactory();
        var store = host.Services.GetRequiredService<IConversationStore>();
        var old = "enc1:" + host.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(EncryptingConversationStore.Purpose).Protect("""{"note":"from last year"}""");
        Execute(host, "INSERT INTO conversation_state (key, json, version, updated_at) VALUES ('old', $json, 4, '2025-01-01')", ("$json", old));

        var loaded = await store.LoadStateAsync("old", default);
        Assert.Equal(("""{"note":"from last year"}""", 4L), (loaded.Json, loaded.Version));
        Assert.True(await store.TrySaveStateAsync("old", """{"note":"this year"}""", 4, DateTimeOffset.UnixEpoch, default));
        Assert.StartsWith("enc2:", Raw(host, "old"), StringComparison.Ordinal);
        Assert.Equal("""{"note":"this year"}""", (await store.LoadStateAsync("old", default)).Json);
    }

    [Fact]
    public async Task StateMovedUnderAnotherConversationsKey_DoesNotOpen()
    {
        using var host = new KitBotFactory();
        var store = host.Services.GetRequiredService<IConversationStore>();
        Assert.True(await store.TrySaveStateAsync("mine", """{"note":"mine"}""", 0, DateTimeOffset.UnixEpoch, default));
        Assert.True(await store.TrySaveStateAsync("theirs", """{"note":"theirs"}""", 0, DateTimeOffset.UnixEpoch, default));

        Execute(host, "UPDATE conversation_state SET json = $json WHERE key = 'theirs'", ("$json", Raw(host, "mine")));

        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => store.LoadStateAsync("theirs", default));
        Assert.Equal("""{"note":"mine"}""", (await store.LoadStateAsync("mine", default)).Json);
    }

    [Fact]
    public async Task AfterNinetyDays_NewStateIsSealedWithANewKey_AndStateSealedWithTheOldOneStillLoads()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        using var host = new KitBotFactory().WithServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(clock);
        });
        var store = host.Services.GetRequiredService<IConversationStore>();
        Assert.True(await store.TrySaveStateAsync("a", """{"note":"january"}""", 0, clock.GetUtcNow(), default));

        clock.Advance(StateKeys.Lifetime - TimeSpan.FromMinutes(1));
        Assert.True(await store.TrySaveStateAsync("b", """{"note":"still the first key"}""", 0, clock.GetUtcNow(), default));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await store.TrySaveStateAsync("c", """{"note":"april"}""", 0, clock.GetUtcNow(), default));

        Assert.StartsWith("enc2:1:", Raw(host, "a"), StringComparison.Ordinal);
        Assert.StartsWith("enc2:1:", Raw(host, "b"), StringComparison.Ordinal);
        Assert.StartsWith("enc2:2:", Raw(host, "c"), StringComparison.Ordinal);
        Assert.Equal(2, host.CountRows("state_key"));
        Assert.Equal("""{"note":"january"}""", (await store.LoadStateAsync("a", default)).Json);
        Assert.Equal("""{"note":"april"}""", (await store.LoadStateAsync("c", default)).Json);
    }

    [Fact]
    public async Task AStateKeyThatNoLongerUnwraps_IsPassedOver_AndNewStateIsSealedWithANewOne()
    {
        // As after the key-encryption key was replaced: the stored key cannot be opened by this key ring.
        using var host = new KitBotFactory();
        var store = host.Services.GetRequiredService<IConversationStore>();
        Execute(host, "INSERT INTO state_key (id, wrapped, created_at) VALUES (1, $wrapped, $at)",
            ("$wrapped", Convert.ToBase64String(new byte[64])), ("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

        Assert.True(await store.TrySaveStateAsync("k", """{"note":"after the change"}""", 0, DateTimeOffset.UnixEpoch, default));

        Assert.StartsWith("enc2:2:", Raw(host, "k"), StringComparison.Ordinal);
        Assert.Equal("""{"note":"after the change"}""", (await store.LoadStateAsync("k", default)).Json);

        // State sealed with the key that no longer unwraps stays closed (it is not re-read as if it were new).
        Execute(host, "INSERT INTO conversation_state (key, json, version, updated_at) VALUES ('before', $json, 1, '2026-01-01')",
            ("$json", "enc2:1:" + Convert.ToBase64String(new byte[48])));
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => store.LoadStateAsync("before", default));
    }

    private static string Raw(KitBotFactory host, string key)
    {
        using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM conversation_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return (string)command.ExecuteScalar()!;
    }

    private static void Execute(KitBotFactory host, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
