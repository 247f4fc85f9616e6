using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Cards.Templating;
using KitBot.Conversations;
using KitBot.Storage;
using KitBot.Tests.Support;
using KitBot.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KitBot.Tests.Turns;

/// <summary>One error boundary around route, save, render and send: a turn that fails is not half-done.</summary>
public sealed class TurnErrorBoundaryTests
{
    private const string Conversation = "a:boundary-chat";
    private const string User = "29:boundary-user";

    [Fact]
    public async Task ATemplateThatThrows_GivesTheKindMessage_LeavesTheStateAsBefore_AndTheHostKeepsServing()
    {
        using var host = new KitBotFactory().WithServices(services =>
        {
            services.RemoveAll<ICardTemplateEngine>();
            services.AddSingleton<ICardTemplateEngine>(new ThrowingOnTheChildCard(new AdaptiveCardTemplateEngine()));
        });
        var client = host.CreateClient();
        var store = host.Services.GetRequiredService<IConversationStore>();
        var stateKey = ConversationReference.StateKeyFor(ConversationReference.KeyFor("msteams", Conversation), User);

        await PostAsync(client, "menu");
        var before = await store.LoadStateAsync(stateKey, CancellationToken.None);
        var sentBefore = host.Connector.Sent.Count;

        // "Start a consultation" would show the card about the child, whose template now throws.
        await PostAsync(client, "start a consultation");

        var reply = Assert.Single(host.Connector.Sent.Skip(sentBefore)).Activity;
        Assert.Equal(TurnProcessor.SorryText, reply.Text);
        Assert.Null(reply.Attachments);
        var after = await store.LoadStateAsync(stateKey, CancellationToken.None);
        Assert.Equal((before.Version, before.Json), (after.Version, after.Json));

        // The host keeps serving: the next turn is answered, and it is still ready.
        sentBefore = host.Connector.Sent.Count;
        await PostAsync(client, "help");
        Assert.NotEmpty(host.Connector.Sent.Skip(sentBefore).Single().Activity.Attachments ?? []);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    private static async Task PostAsync(HttpClient client, string text)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.Personal(
            "https://smba.example.test/teams/", Conversation, User, new JsonObject { ["timestamp"] = "2026-11-16T10:00:00Z", ["text"] = text }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>The real engine, except that the card about the child fails to expand.</summary>
    private sealed class ThrowingOnTheChildCard(ICardTemplateEngine inner) : ICardTemplateEngine
    {
        public JsonNode? Expand(JsonNode template, JsonNode? data) =>
            template.ToJsonString().Contains("\"consult.child\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("A template bug.")
                : inner.Expand(template, data);
    }
}
