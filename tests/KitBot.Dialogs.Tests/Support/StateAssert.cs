using KitBot.Dialogs.Engine;

namespace KitBot.Dialogs.Tests.Support;

/// <summary>Compares conversation states ignoring the bookkeeping every turn changes (turn count, last active).</summary>
internal static class StateAssert
{
    public static string Essence(string json) =>
        ConversationStateSerializer.Serialize(ConversationStateSerializer.Deserialize(json) with { TurnCount = 0, LastActive = null });

    public static void Unchanged(string before, Transcript after) => Assert.Equal(Essence(before), Essence(after.StateJson));
}
