using KitBot.Dialogs.Turns;

namespace KitBot.Turns;

/// <summary>What one turn did, for the channel's own answer to the request (a Teams invoke response, say).</summary>
/// <param name="Replies">What the person was told.</param>
/// <param name="Failed">True when the turn failed and the person was given the kind message instead (nothing was saved).</param>
public sealed record TurnOutcome(IReadOnlyList<Reply> Replies, bool Failed)
{
    /// <summary>A one-line acknowledgement of the turn (the first reply's text or summary).</summary>
    public string Acknowledgement => Replies.FirstOrDefault() switch
    {
        TextReply text => text.Text,
        CardReply card => card.Summary,
        ChoicesReply choices => choices.Prompt,
        DownloadReply download => download.Text,
        _ => "Done.",
    };
}
