using System.Text.Json.Nodes;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Turns;
using KitBot.Plans;

namespace KitBot.Cards;

/// <summary>
/// Renders the core's channel-neutral replies once, for whichever channel sends them: cards expanded from their
/// templates, choices as the choices card, a download as a link bound to its owner on the download card.
/// A template that fails throws here, before the turn is saved or anything is sent.
/// </summary>
public sealed class ReplyRenderer(CardRenderer cards, DownloadLinks downloads, ILogger<ReplyRenderer> logger)
{
    /// <summary>The template used to show a <see cref="ChoicesReply"/>.</summary>
    public const string ChoicesTemplate = "choices";

    /// <summary>
    /// Renders <paramref name="replies"/>; download links are bound to <paramref name="owner"/>, the state key of the
    /// person they are for (<see cref="Conversations.ConversationReference.StateKeyFor"/>).
    /// </summary>
    public IReadOnlyList<RenderedReply> Render(IReadOnlyList<Reply> replies, string owner)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var rendered = new List<RenderedReply>(replies.Count);
        foreach (var reply in replies)
        {
            rendered.Add(Render(reply, owner));
        }

        return rendered;
    }

    /// <summary>Renders one reply (see <see cref="Render(IReadOnlyList{Reply}, string)"/>).</summary>
    public RenderedReply Render(Reply reply, string owner) => reply switch
    {
        TextReply text => new RenderedText(text.Text),
        CardReply card => new RenderedCard(card.Template, cards.RenderUtf8(card.Template, card.Data), card.Summary),
        ChoicesReply choices => new RenderedCard(ChoicesTemplate, cards.RenderUtf8(ChoicesTemplate, ChoicesData(choices)), choices.Prompt),
        DownloadReply download => Download(download, owner),
        _ => throw new InvalidOperationException($"There is no rendering for a {reply.GetType().Name}."),
    };

    private RenderedCard Download(DownloadReply download, string owner)
    {
        var link = downloads.Issue(owner, download.PlanId, download.Format);
        Log.PlanLinkIssued(logger, download.PlanId, download.Format.ToString(), link.Expires);
        return new RenderedCard(PlanTemplates.Download, cards.RenderUtf8(PlanTemplates.Download, downloads.CardData(download, link)), download.Text);
    }

    private static JsonObject ChoicesData(ChoicesReply choices) => new()
    {
        ["prompt"] = choices.Prompt,
        ["choices"] = new JsonArray([.. choices.Choices.Select(c => (JsonNode)new JsonObject { ["label"] = c.Label, ["verb"] = c.Verb })]),
    };
}
