using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using KitBot.Cards;
using KitBot.Privacy;
using KitBot.Storage;
using KitBot.Tests.Plans;
using KitBot.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KitBot.Tests.Privacy;

/// <summary>
/// What someone with a copy of <c>kitbot.db</c> (and its <c>-wal</c>) can read: with the database alone, none of the
/// notes; with the key file beside it as well, all of them. The reader here is Data Protection itself, given the
/// copied key ring, unwrapping the copied state keys, as an attacker would use it.
/// </summary>
public sealed class CopiedDatabaseTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "kitbot-tests", "copy-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task FromACopyOfTheDatabaseAlone_NoSentinelCanBeDecrypted_AndWithTheKeyFileItCan()
    {
        var sentinel = "ZQXCOPY" + Guid.NewGuid().ToString("N")[..8];
        var cards = new RecordingTemplateEngine();
        using (var host = new KitBotFactory().WithServices(s =>
        {
            s.RemoveAll<ICardTemplateEngine>();
            s.AddSingleton<ICardTemplateEngine>(cards);
        }))
        {
            await new HostConsultation(host.CreateClient(), cards, "a:copy-chat", "29:copy-user").RunCaseBAsync(sentinel);

            // The embedded default keeps its key file beside the database, not in it.
            var keyFile = Path.ChangeExtension(host.DatabasePath, ".key");
            Assert.True(File.Exists(keyFile));
            Directory.CreateDirectory(_copy);
            foreach (var suffix in new[] { "", "-wal" })
            {
                if (File.Exists(host.DatabasePath + suffix))
                {
                    File.Copy(host.DatabasePath + suffix, Path.Combine(_copy, "kitbot.db" + suffix));
                }
            }

            File.Copy(keyFile, Path.Combine(_copy, "kitbot.key"));
        }

        var database = Path.Combine(_copy, "kitbot.db");
        var keys = Rows(database, "SELECT xml FROM data_protection_keys");
        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.DoesNotContain("<masterKey", xml[0], StringComparison.Ordinal));
        var states = Rows(database, "SELECT key, json FROM conversation_state");
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.StartsWith(StateCipher.Prefix, s[1], StringComparison.Ordinal));
        var stateKeys = Rows(database, "SELECT id, wrapped, created_at FROM state_key");
        Assert.NotEmpty(stateKeys);

        // The database alone: every Data Protection key is sealed, so no state key unwraps, and no state opens.
        var alone = Protector(database, kek: null);
        Assert.All(stateKeys, k => Assert.ThrowsAny<CryptographicException>(() => alone.Unprotect(Convert.FromBase64String(k[1]))));

        // With the key file as well: the state keys unwrap and the notes come back.
        var withKey = Protector(database, KeyEncryptionKey.Load(new KeyProtectionOptions { KeyFile = Path.Combine(_copy, "kitbot.key") }, new StorageOptions()));
        var unwrapped = stateKeys.Select(k => new StateKey(int.Parse(k[0], CultureInfo.InvariantCulture), withKey.Unprotect(Convert.FromBase64String(k[1])), default))
            .ToDictionary(k => k.Id);
        Assert.Contains(states, s => StateCipher.Open(unwrapped[StateCipher.KeyId(s[1])!.Value], s[0], s[1]).Contains(sentinel + " risk", StringComparison.Ordinal));
    }

    [Fact]
    public void KeyFromTheEnvironment_MustBeThirtyTwoBytes()
    {
        Assert.NotNull(KeyEncryptionKey.Parse(Convert.ToBase64String(new byte[32])));
        Assert.Null(KeyEncryptionKey.Parse(Convert.ToBase64String(new byte[16])));
        Assert.Null(KeyEncryptionKey.Parse("not base64"));
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var options = new KeyProtectionOptions { Key = "short" };
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), problems, true));
        Assert.Contains("DataProtection:Key", Assert.Single(problems).ErrorMessage, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }

    private static IDataProtector Protector(string database, KeyEncryptionKey? kek)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (kek is not null)
        {
            services.AddSingleton(kek);
        }

        services.AddDataProtection().SetApplicationName("KitBot").DisableAutomaticKeyGeneration();
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new CopiedKeys(database));
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector(StateKeys.Purpose);
    }

    private static List<string[]> Rows(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!)]);
        }

        return rows;
    }

    private sealed class CopiedKeys(string database) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => [.. Rows(database, "SELECT xml FROM data_protection_keys").Select(x => XElement.Parse(x[0]))];

        public void StoreElement(XElement element, string friendlyName) => throw new InvalidOperationException("read only");
    }
}
