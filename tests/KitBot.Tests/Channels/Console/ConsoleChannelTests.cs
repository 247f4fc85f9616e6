using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Channels.Console;
using KitBot.Conversations;

namespace KitBot.Tests.Channels.Console;

/// <summary>The terminal numbers each kind of card's buttons the same way every time.</summary>
public sealed class ConsoleChannelTests
{
    private static readonly ConversationReference Terminal = new("console:local", "console", "local", "", "console-user", null, null, IsGroup: false);

    [Fact]
    public async Task AButton_KeepsItsNumber_OnEveryCardOfItsKind_WhateverElseTheCardShows()
    {
        var channel = new ConsoleChannel();
        var screen = new StringWriter();
        channel.Attach(screen);

        await channel.SendAsync(Terminal, [Card("plan-sections", "Save changes", "Send as plain text", "Set up reviews")], null, CancellationToken.None);
        await channel.SendAsync(Terminal, [Card("plan-sections", "Send as plain text")], null, CancellationToken.None);
        await channel.SendAsync(Terminal, [Card("plans-list", "Open", "Open", "Delete")], null, CancellationToken.None);

        Assert.Equal(["Open", "Open", "Delete"], channel.Numbered.OrderBy(n => n.Key).Select(n => n.Value.Title));
        Assert.Equal([1, 2, 3], channel.Numbered.Keys.Order());
        Assert.Equal("2", channel.Numbered[2].Data!["plan"]!.GetValue<string>());
        // "Send as plain text" was 2 on the first plan card and is 2 again on the second, which has no button 1.
        var planCards = screen.ToString().Split("A plans-list card")[0];
        Assert.Equal(2, planCards.Split("2) Send as plain text").Length - 1);
    }

    private static RenderedCard Card(string template, params string[] titles) => new(
        template,
        new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = $"A {template} card" }),
            ["actions"] = new JsonArray([.. titles.Select((t, i) => (JsonNode)new JsonObject
            {
                ["type"] = "Action.Submit", ["title"] = t, ["data"] = new JsonObject { ["verb"] = "x." + i, ["plan"] = (i + 1).ToString() },
            })]),
        },
        template);
}
