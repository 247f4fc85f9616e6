using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Channels.Teams;
using KitBot.Conversations;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Turns;
using KitBot.Storage;
using KitBot.Testing;
using KitBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Plans;

/// <summary>Plans in Teams: the download button brings a link that works for this person's plan; every plan card fits a message.</summary>
public sealed class PlanTeamsTests
{
    private const string Conversation = "a:alice-chat";
    private const string User = "29:alice";

    private static JsonObject Submit(JsonObject value) => TeamsActivities.Personal(
        "https://smba.example.test/teams/", Conversation, User, new JsonObject { ["timestamp"] = "2025-03-03T10:00:00Z", ["value"] = value });

    [SkippableFact]
    public async Task DownloadButton_BringsACardWithALink_ThatDownloadsThisPersonsPlan()
    {
        var engine = new RecordingTemplateEngine();
        using var host = new KitBotFactory().WithServices(services =>
        {
            services.RemoveAll<ICardTemplateEngine>();
            services.AddSingleton<ICardTemplateEngine>(engine);
        });
        var plan = PlanDriver.CaseB(User);
        var stateKey = ConversationReference.StateKeyFor(ConversationReference.KeyFor("msteams", Conversation), User);
        Assert.True(await host.Services.GetRequiredService<IConversationStore>()
            .TrySaveStateAsync(stateKey, ConversationStateSerializer.Serialize(plan.State), 0, DateTimeOffset.UnixEpoch, default));
        var client = host.CreateClient();

        using var posted = await client.PostAsJsonAsync("/api/messages", Submit(new JsonObject
        {
            ["verb"] = PlanVerbs.Export, ["plan"] = plan.Plan.Id, ["format"] = "docx",
        }));

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var sent = Assert.Single(host.Connector.Sent).Activity;
        Assert.Equal(ActivityTypes.AdaptiveCardContentType, Assert.Single(sent.Attachments!).ContentType);
        Assert.Equal(plan.Plan.Title + ", as a Word document.", sent.Summary);
        var card = engine.Data.Single(d => d.ContainsKey("url"));
        Assert.Equal("Download as Word", card["linkTitle"]!.GetValue<string>());
        Assert.Equal(5, card["minutes"]!.GetValue<int>());

        using var file = await client.GetAsync(new Uri(card["url"]!.GetValue<string>()).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
    }

    [SkippableFact]
    public async Task EveryCardOfTheLargestPlan_FitsATeamsMessage()
    {
        await NodeTools.RequireAsync();

        using var host = new KitBotFactory();
        var sender = host.Services.GetRequiredService<TeamsSender>();
        var limit = host.Services.GetRequiredService<IOptions<TeamsOptions>>().Value.MaxOutgoingActivityBytes;
        var reference = new ConversationReference(
            ConversationReference.KeyFor("msteams", "a:" + new string('c', 120)), "msteams", "a:" + new string('c', 120),
            "https://smba.trafficmanager.net/emea/", "29:" + new string('u', 90), "28:" + new string('b', 40), "tenant", false);
        var cards = PlanDriver.Largest("語").PlanCards.Concat(PlanDriver.Largest().PlanCards).ToList();
        var templates = Path.Combine(RepositoryRoot.Path, "cards");

        // Expanded by the reference templating engine, placed in the activity Teams would be sent, serialised as sent.
        var lines = cards.Select((c, i) => new JsonObject
        {
            ["name"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["template"] = JsonNode.Parse(File.ReadAllText(Path.Combine(templates, c.Template + ".json"))),
            ["data"] = c.Data.DeepClone(),
            ["show"] = true,
        }.ToJsonString());
        var (code, output) = await NodeTools.NodeAsync("dialog-cards.js", string.Join('\n', lines), TimeSpan.FromMinutes(2));
        Assert.True(code == 0, output);
        var expanded = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["card"]!).ToList();
        Assert.Equal(cards.Count, expanded.Count);

        for (var i = 0; i < cards.Count; i++)
        {
            var activity = TeamsSender.ToActivity(reference, new RenderedText(""));
            activity.Attachments = [new Attachment { ContentType = ActivityTypes.AdaptiveCardContentType }];
            activity.Attachments![0].Content = expanded[i].DeepClone();
            var bytes = JsonSerializer.SerializeToUtf8Bytes(activity, BotFrameworkJson.Options).Length;
            Assert.True(bytes < limit, $"plan card {i} is {bytes} bytes as a Teams activity; the limit is {limit}");
        }
    }
}
