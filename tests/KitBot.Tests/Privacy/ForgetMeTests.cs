using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Conversations;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Privacy;
using KitBot.Dialogs.Reviews;
using KitBot.Privacy;
using KitBot.Storage;
using KitBot.Tests.Plans;
using KitBot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KitBot.Tests.Privacy;

/// <summary>"Forget me", confirmed, leaves nothing of the practitioner but audit entries; others' data stays.</summary>
public sealed class ForgetMeTests
{
    private const string Alice = "29:alice-forget";
    private const string Bob = "29:bob-stays";

    [Fact]
    public async Task ConfirmedForgetMe_DeletesTheirStateInEveryConversation_ReferencesAndReviews_AndKeepsOnlyAudit()
    {
        var cards = new RecordingTemplateEngine();
        using var host = new KitBotFactory().WithServices(s =>
        {
            s.RemoveAll<ICardTemplateEngine>();
            s.AddSingleton<ICardTemplateEngine>(cards);
        });
        var client = host.CreateClient();
        var alice = new HostConsultation(client, cards, "a:alice-chat", Alice);
        await alice.RunCaseBAsync("alice-notes");
        await new HostConsultation(client, cards, "a:alice-other", Alice).PressAsync(new JsonObject { ["verb"] = "menu.help" });
        await new HostConsultation(client, cards, "a:bob-chat", Bob).RunCaseBAsync("bob-notes");
        var reviews = host.Services.GetRequiredService<IReviewStore>();
        var due = new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero);
        await reviews.AddAsync(
        [
            new StoredReview("alice-review", "p", "msteams:a:alice-chat", Alice, ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1, "Statutory review 1", new DateOnly(2030, 1, 1), "Europe/London", due, due, ReviewState.Pending),
            new StoredReview("bob-review", "p", "msteams:a:bob-chat", Bob, ReviewStage.PlacedForAdoption, ReviewKind.Statutory, 1, "Statutory review 1", new DateOnly(2030, 1, 1), "Europe/London", due, due, ReviewState.Pending),
        ], DateTimeOffset.UtcNow, default);

        // Typing it only asks; nothing is deleted yet.
        await alice.PressTextAsync("forget me");
        var confirm = cards.Data.Last(d => d.ContainsKey("options"));
        Assert.Contains(confirm["options"]!.AsArray(), o => o!["verb"]!.GetValue<string>() == PrivacyVerbs.ForgetConfirm);
        Assert.NotNull(await reviews.GetAsync("alice-review", default));

        await alice.NextAsync(PrivacyVerbs.ForgetConfirm);

        Assert.Contains("deleted", host.Connector.Sent.Last().Activity.Text, StringComparison.Ordinal);
        Assert.Empty(RowsMentioning(host.DatabasePath, "alice"));
        var audit = await host.Services.GetRequiredService<AuditLog>().ListAsync(Alice, default);
        Assert.Contains(audit, a => a.Action == AuditActions.Forgotten);
        Assert.Contains(audit, a => a.Action == AuditActions.ConsultationFinished);

        // Bob's consultation, reference and review are untouched.
        var store = host.Services.GetRequiredService<IConversationStore>();
        var bobState = await store.LoadStateAsync(ConversationReference.StateKeyFor("msteams:a:bob-chat", Bob), default);
        Assert.Contains("bob-notes", bobState.Json, StringComparison.Ordinal);
        Assert.NotNull(await store.GetReferenceAsync("msteams:a:bob-chat", default));
        Assert.NotNull(await reviews.GetAsync("bob-review", default));
    }

    [Fact]
    public async Task ForgetMe_AnsweredNo_DeletesNothing_AndCarriesOnTheConsultation()
    {
        var cards = new RecordingTemplateEngine();
        using var host = new KitBotFactory().WithServices(s =>
        {
            s.RemoveAll<ICardTemplateEngine>();
            s.AddSingleton<ICardTemplateEngine>(cards);
        });
        var alice = new HostConsultation(host.CreateClient(), cards, "a:alice-chat", Alice);
        await alice.PressAsync(new JsonObject { ["verb"] = "menu.consult" });

        await alice.PressTextAsync("forget me");
        await alice.NextAsync(PrivacyVerbs.ForgetCancel);

        var state = await host.Services.GetRequiredService<IConversationStore>()
            .LoadStateAsync(ConversationReference.StateKeyFor("msteams:a:alice-chat", Alice), default);
        Assert.Contains("consultation", state.Json, StringComparison.Ordinal);
        Assert.NotEmpty(RowsMentioning(host.DatabasePath, "alice"));
        Assert.DoesNotContain(await host.Services.GetRequiredService<AuditLog>().ListAsync(Alice, default), a => a.Action == AuditActions.Forgotten);
    }

    /// <summary>Every row of every table but the audit trail whose text mentions <paramref name="who"/>.</summary>
    private static List<string> RowsMentioning(string path, string who)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit', 'sqlite_sequence')";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        var found = new List<string>();
        foreach (var table in names)
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i).ToString()!.Contains(who, StringComparison.Ordinal))
                    {
                        found.Add($"{table}: {reader.GetName(i)}");
                    }
                }
            }
        }

        return found;
    }
}
