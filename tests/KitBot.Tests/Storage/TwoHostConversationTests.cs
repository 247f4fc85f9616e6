using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitBot.Conversations;
using KitBot.Dialogs.Engine;
using KitBot.Privacy;
using KitBot.Storage;
using KitBot.Tests.Support;

namespace KitBot.Tests.Storage;

/// <summary>
/// Two KitBot hosts on one PostgreSQL database: 50 practitioners consult at once, each turn sent to either host,
/// and every conversation ends with its whole consultation, each turn counted once and each reply sent once.
/// </summary>
public sealed class TwoHostConversationTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const int Conversations = 50;

    [SkippableFact]
    public async Task FiftyConcurrentConsultations_AcrossTwoHosts_LoseAndDoubleNothing()
    {
        Skip.If(postgres.SkipReason is not null, "PostgreSQL: " + postgres.SkipReason);

        var database = await postgres.CreateDatabaseAsync("two_hosts_turns");
        await using var connector = await FakeConnector.StartAsync();
        string[] settings = PostgresServer.HostSettings(database, "Security:TurnsPerMinutePerUser=1000");
        await using var a = await ReminderHost.StartAsync(settings: settings);
        await using var b = await ReminderHost.StartAsync(settings: settings);
        using var clientA = new HttpClient { BaseAddress = new Uri(a.Url) };
        using var clientB = new HttpClient { BaseAddress = new Uri(b.Url) };
        HttpClient[] clients = [clientA, clientB];

        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(i => Task.Run(async () =>
        {
            var conversation = $"a:two-{i:00}";
            var user = $"29:user-{i:00}";
            var step = 0;
            HttpClient Next() => clients[(i + step++) % 2];

            await PostAsync(Next(), connector, conversation, user, new JsonObject { ["value"] = new JsonObject { ["verb"] = "menu.consult" } });
            await PressAsync(Next(), connector, conversation, user, "consult.child", ("ageBand", "5-10"), ("journey", "adopted"), ("wishes", "said"), ("childNote", $"note {i}"));
            await PressAsync(Next(), connector, conversation, user, "consult.people", ("rel0", "birth-father"), ("label0", "Birth father"));
            await PressAsync(Next(), connector, conversation, user, "consult.person", ("f.child-positive", "yes"), ("f.person-risk", "no"));
            await PressAsync(Next(), connector, conversation, user, "consult.adopters", ("f.adopters-open", "yes"));
            await PressAsync(Next(), connector, conversation, user, "consult.finish");
            await PressAsync(Next(), connector, conversation, user, "consult.arrangement", ("kitFrequency", "once a year"));

            // Then four messages at once, two to each host: they conflict on the shared row and must all count.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(k =>
                PostAsync(clients[k % 2], connector, conversation, user, new JsonObject { ["text"] = "help" })));
        })));

        var store = a.Get<IConversationStore>();
        var audit = await b.Get<AuditLog>().ListAsync(null, default);
        var callsPer = connector.Calls.GroupBy(c => c.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Conversations, callsPer.Count);
        Assert.Single(callsPer.Values.Distinct()); // every conversation got exactly the same replies: none lost, none doubled
        for (var i = 0; i < Conversations; i++)
        {
            var user = $"29:user-{i:00}";
            var stored = await store.LoadStateAsync(ConversationReference.StateKeyFor($"msteams:a:two-{i:00}", user), default);
            var state = ConversationStateSerializer.Deserialize(stored.Json);
            Assert.Equal(11, state.TurnCount);
            Assert.Equal(11, stored.Version);
            Assert.NotNull(state.Consultation?.Completed);
            Assert.Contains($"note {i}", stored.Json, StringComparison.Ordinal);
            Assert.Single(state.Plans);
            Assert.Single(audit, e => e.UserKey == user && e.Action == AuditActions.ConsultationFinished);
        }

        // At rest in PostgreSQL the notes are ciphertext, sealed with the one state key both hosts share.
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var raw = new Npgsql.NpgsqlCommand("SELECT json FROM conversation_state", connection);
        await using var reader = await raw.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            Assert.StartsWith("enc2:1:", reader.GetString(0), StringComparison.Ordinal);
            Assert.DoesNotContain("note ", reader.GetString(0), StringComparison.Ordinal);
        }

        Assert.Equal(Conversations, rows);
    }

    private static Task PressAsync(HttpClient client, FakeConnector connector, string conversation, string user, string verb, params (string Key, string Value)[] values)
    {
        // The button's data as the last card sent to this conversation carries it (dialog id and step).
        var data = connector.Calls.Where(c => c.ConversationId == conversation).Reverse()
            .Select(c => FindAction(c.Activity, verb)).First(d => d is not null)!;
        var value = (JsonObject)data.DeepClone();
        foreach (var (key, text) in values)
        {
            value[key] = text;
        }

        return PostAsync(client, connector, conversation, user, new JsonObject { ["value"] = value });
    }

    private static JsonObject? FindAction(JsonNode? node, string verb) => node switch
    {
        JsonObject o when o["verb"] is JsonValue v && v.ToString() == verb && o.ContainsKey(StepCards.DialogIdKey) => o,
        JsonObject o => o.Select(p => FindAction(p.Value, verb)).FirstOrDefault(f => f is not null),
        JsonArray arr => arr.Select(n => FindAction(n, verb)).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static async Task PostAsync(HttpClient client, FakeConnector connector, string conversation, string user, JsonObject content)
    {
        var activity = TeamsActivities.Personal(connector.ServiceUrl, conversation, user, content);
        activity["timestamp"] = "2025-03-03T10:00:00Z";
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
