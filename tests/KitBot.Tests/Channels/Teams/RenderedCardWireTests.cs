using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Channels.Teams;
using KitBot.Conversations;

namespace KitBot.Tests.Channels.Teams;

/// <summary>
/// A card rendered once to UTF-8 goes onto the Teams wire as it is: the activity JSON the connector receives is
/// byte for byte what the card as a node tree gave, and the other channels still read the card as a tree.
/// </summary>
public sealed class RenderedCardWireTests
{
    private static readonly ConversationReference Reference = new(
        "msteams:conv-1", "msteams", "conv-1", "https://smba.example/", "user-1", "bot-1", "tenant-1", IsGroup: false);

    // Non-ASCII, HTML-sensitive characters and numbers: what an encoder or a number format would change.
    private const string CardJson = """
        {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Grandmother's <b>visits</b> & calls: café ✓","size":12.5,"wrap":true}],"actions":[{"type":"Action.Submit","title":"Save","data":{"verb":"consult.save","n":0,"list":[1,null,"x"]}}]}
        """;

    [Fact]
    public void A_card_rendered_as_bytes_is_sent_exactly_as_the_same_card_as_a_tree_would_be()
    {
        var tree = JsonNode.Parse(CardJson)!.AsObject();
        var asTree = TeamsSender.ToActivity(Reference, new RenderedCard("t", tree, "Summary"));
        var asBytes = TeamsSender.ToActivity(Reference, new RenderedCard("t", JsonSerializer.SerializeToUtf8Bytes(tree), "Summary"));

        var wireFromTree = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(asTree, BotFrameworkJson.Options));
        var wireFromBytes = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(asBytes, BotFrameworkJson.Options));

        Assert.Equal(wireFromTree, wireFromBytes);
        var sent = JsonNode.Parse(wireFromBytes)!;
        Assert.Equal(ActivityTypes.AdaptiveCardContentType, sent["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(tree, sent["attachments"]![0]!["content"]));
        Assert.Null(sent["attachments"]![0]!["name"]);
    }

    [Fact]
    public void An_attachment_reads_back_from_the_wire_with_its_content_as_a_tree()
    {
        var json = """{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","n":3},"name":"card"}""";

        var attachment = JsonSerializer.Deserialize<Attachment>(json, BotFrameworkJson.Options)!;

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Equal(3, attachment.Content!["n"]!.GetValue<int>());
        Assert.Equal("card", attachment.Name);
        Assert.Equal(json, JsonSerializer.Serialize(attachment, BotFrameworkJson.Options));
    }

    [Fact]
    public void Without_the_wire_options_an_attachment_serializes_as_a_plain_object_would()
    {
        var attachment = new Attachment { ContentType = "text/plain", ContentUtf8 = Encoding.UTF8.GetBytes("""{"a":1}""") };

        Assert.Equal("""{"ContentType":"text/plain","Content":{"a":1},"Name":null}""", JsonSerializer.Serialize(attachment));
    }

    [Fact]
    public void A_card_rendered_as_bytes_reads_as_a_tree_and_a_change_to_the_tree_is_what_is_sent()
    {
        var card = new RenderedCard("t", Encoding.UTF8.GetBytes(CardJson.Trim()), "Summary");

        Assert.Equal("AdaptiveCard", card.Card["type"]!.GetValue<string>());
        card.Card["version"] = "1.4";

        var sent = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(TeamsSender.ToActivity(Reference, card), BotFrameworkJson.Options))!;
        Assert.Equal("1.4", sent["attachments"]![0]!["content"]!["version"]!.GetValue<string>());
    }
}
