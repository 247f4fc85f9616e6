using System.Text.Json.Nodes;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Engine;

/// <summary>
/// Sends cards that belong to a dialog step. Every one moves <see cref="ConversationState.StepSeq"/> on and carries
/// the dialog id and the new sequence number, so a click on any earlier card (including a second click on the same
/// card) is recognised as stale by the engine and never applied twice.
/// </summary>
public static class StepCards
{
    /// <summary>Template data key for the dialog id (bound to each action's <c>cid</c>).</summary>
    public const string DialogIdKey = "cid";

    /// <summary>Template data key for the step sequence number (bound to each action's <c>step</c>).</summary>
    public const string StepKey = "step";

    /// <summary>The confirmation card's template.</summary>
    public const string ConfirmTemplate = "confirm";

    /// <summary>
    /// Moves the state to <paramref name="dialog"/> (whose <see cref="ActiveDialog.Step"/> names the card), and builds
    /// the card stamped with the dialog id and the new sequence number.
    /// </summary>
    public static (ConversationState State, CardReply Card) Show(
        ConversationState state, ActiveDialog dialog, string template, JsonObject data, string summary)
    {
        var next = state with { Dialog = dialog, StepSeq = state.StepSeq + 1 };
        data[DialogIdKey] = dialog.Id;
        data[StepKey] = next.StepSeq;
        return (next, new CardReply(template, data, summary));
    }

    /// <summary>A question with a few buttons, laid over a dialog step (for example "start again?").</summary>
    public static (ConversationState State, CardReply Card) Confirm(
        ConversationState state, ActiveDialog dialog, string title, string prompt, params (string Title, string Verb)[] options)
    {
        var data = new JsonObject
        {
            ["title"] = title,
            ["prompt"] = prompt,
            ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["title"] = o.Title, ["verb"] = o.Verb })]),
        };
        return Show(state, dialog, ConfirmTemplate, data, prompt);
    }

    /// <summary>A fresh dialog instance id, unique per conversation without any randomness (the core is pure).</summary>
    public static string NewId(string prefix, ConversationState state, DateTimeOffset now) =>
        FormattableString.Invariant($"{prefix}-{now.ToUnixTimeMilliseconds():x}-{state.TurnCount}");
}
