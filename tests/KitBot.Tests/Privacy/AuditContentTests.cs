using System.Text;
using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Reviews;
using KitBot.Privacy;
using KitBot.Tests.Plans;
using KitBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KitBot.Tests.Privacy;

/// <summary>The audit trail holds KitBot's ids only: forged button values never reach it as text.</summary>
public sealed class AuditContentTests
{
    private const string Alice = "29:alice-audit";
    private const string Bob = "29:bob-audit";

    [Fact]
    public async Task ForgedExportAndReviewValues_OfTwoHundredKilobytes_LeaveOnlyShortSubjectsWithNoneOfTheText()
    {
        var cards = new RecordingTemplateEngine();
        using var host = new KitBotFactory().WithServices(s =>
        {
            s.RemoveAll<ICardTemplateEngine>();
            s.AddSingleton<ICardTemplateEngine>(cards);
        });
        var client = host.CreateClient();
        var alice = new HostConsultation(client, cards, "a:alice-audit", Alice);
        await alice.RunCaseBAsync("alice-notes");
        var forged = Forged();

        string[] verbs = [PlanVerbs.Export, PlanVerbs.Text, ReviewVerbs.Open, ReviewVerbs.Done, ReviewVerbs.Snooze, ReviewVerbs.Reschedule, ReviewVerbs.Stop, ReviewVerbs.Confirm];
        foreach (var verb in verbs)
        {
            // One forged value a request: Teams allows activities up to 256 KB.
            foreach (var key in new[] { "plan", ReviewVerbs.ReviewId, ReviewVerbs.PlanId })
            {
                await alice.PressAsync(new JsonObject
                {
                    ["verb"] = verb,
                    [key] = forged,
                    [ReviewVerbs.Days] = "1",
                    [ReviewVerbs.Date] = "2030-01-01",
                });
            }
        }

        // A verb that is itself the content.
        await alice.PressAsync(new JsonObject { ["verb"] = "review." + forged, [ReviewVerbs.ReviewId] = "0123456789abcdef0123456789abcdef" });

        var audit = await host.Services.GetRequiredService<AuditLog>().ListAsync(null, default);
        Assert.NotEmpty(audit);
        Assert.All(audit, entry =>
        {
            Assert.True((entry.Subject?.Length ?? 0) <= AuditLog.MaxLength, $"subject of {entry.Action} is {entry.Subject?.Length} characters");
            Assert.True(entry.Action.Length <= AuditLog.MaxLength, "action too long");
            Assert.DoesNotContain("Jane", entry.Subject ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("Jane", entry.Action, StringComparison.Ordinal);
            Assert.DoesNotContain("SW1A", entry.Subject ?? "", StringComparison.Ordinal);
        });

        // None of those exports happened (no such plan), so none is recorded.
        Assert.DoesNotContain(audit, e => e.Action == AuditActions.PlanExported);
    }

    [Fact]
    public async Task ExportOfSomeoneElsesPlan_IsNotRecordedAsAnExport_ButAnExportOfYourOwnIs()
    {
        var cards = new RecordingTemplateEngine();
        using var host = new KitBotFactory().WithServices(s =>
        {
            s.RemoveAll<ICardTemplateEngine>();
            s.AddSingleton<ICardTemplateEngine>(cards);
        });
        var client = host.CreateClient();
        var store = host.Services.GetRequiredService<KitBot.Storage.IConversationStore>();
        var bob = new HostConsultation(client, cards, "a:bob-audit", Bob);
        // A turn more than Alice, so Bob's plan id differs from hers (ids come from the time and the turn count).
        await bob.PressAsync(new JsonObject { ["verb"] = "menu.help" });
        await bob.RunCaseBAsync("bob-notes");
        var bobsPlan = PlanIds(await store.LoadStateAsync(KitBot.Conversations.ConversationReference.StateKeyFor("msteams:a:bob-audit", Bob), default)).Single();
        var alice = new HostConsultation(client, cards, "a:alice-audit", Alice);
        await alice.RunCaseBAsync("alice-notes");
        var alicesPlan = PlanIds(await store.LoadStateAsync(KitBot.Conversations.ConversationReference.StateKeyFor("msteams:a:alice-audit", Alice), default)).Single();

        await alice.PressAsync(new JsonObject { ["verb"] = PlanVerbs.Export, ["plan"] = bobsPlan });
        Assert.DoesNotContain(await host.Services.GetRequiredService<AuditLog>().ListAsync(Alice, default), e => e.Action == AuditActions.PlanExported);

        await alice.PressAsync(new JsonObject { ["verb"] = PlanVerbs.Export, ["plan"] = alicesPlan });
        var exported = Assert.Single(await host.Services.GetRequiredService<AuditLog>().ListAsync(Alice, default), e => e.Action == AuditActions.PlanExported);
        Assert.Equal(alicesPlan, exported.Subject);
    }

    [Theory]
    [InlineData("pl-19c2a3b4d5e-7", true)]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("states=1;reviews=2", true)]
    [InlineData("Jane Smith", false)]
    [InlineData("JaneSmith", false)]
    [InlineData("pl-19c2a3b4d5e-7\n", false)]
    public void Safe_KeepsKitBotIds_AndHashesAnythingElse(string value, bool kept)
    {
        var stored = AuditLog.Safe(value);
        Assert.Equal(kept, stored == value);
        Assert.True(stored.Length <= AuditLog.MaxLength);
    }

    private static IEnumerable<string> PlanIds(KitBot.Storage.VersionedState stored) =>
        KitBot.Dialogs.Engine.ConversationStateSerializer.Deserialize(stored.Json).Plans.Select(p => p.Id);

    private static string Forged()
    {
        var text = new StringBuilder();
        while (text.Length < 200_000)
        {
            text.Append("Jane Smith, born 01/02/2015, 10 Downing Street, London SW1A 2AA, 07700 900123. ");
        }

        return text.ToString();
    }
}
