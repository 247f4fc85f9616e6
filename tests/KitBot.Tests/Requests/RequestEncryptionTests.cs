using System.Text;

namespace KitBot.Tests.Requests;

/// <summary>A practitioner's question to the consultants is readable to KitBot, never in the database file.</summary>
public sealed class RequestEncryptionTests
{
    private const string Sentinel = "Zebra-Quince-Sentinel about the letterbox plan";

    [Fact]
    public async Task QuestionAndWhen_AreEncryptedAtRest_AndReadBackIntact()
    {
        await using var s = await RequestScenario.StartAsync("2026-11-24T10:00:00Z");

        await s.SubmitAsync(Sentinel, when: "Sentinel-Walrus afternoons");

        var stored = await s.OnlyRequestAsync();
        Assert.Equal(Sentinel, stored.Question);
        Assert.Equal("Sentinel-Walrus afternoons", stored.When);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var bytes = Directory.EnumerateFiles(s.Host.DataFolder).SelectMany(File.ReadAllBytes).ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("Zebra-Quince", text);
        Assert.DoesNotContain("Sentinel-Walrus", text);
    }

    [Fact]
    public async Task SameQuestionTwice_WhileOpen_GivesTheSameReference()
    {
        await using var s = await RequestScenario.StartAsync("2026-11-24T10:00:00Z");

        var first = RequestScenario.Text(await s.SubmitAsync(Sentinel));
        var second = RequestScenario.Text(await s.SubmitAsync(Sentinel));

        var reference = (await s.OnlyRequestAsync()).Reference;
        Assert.Contains(reference, first);
        Assert.Contains(reference, second);
    }
}
