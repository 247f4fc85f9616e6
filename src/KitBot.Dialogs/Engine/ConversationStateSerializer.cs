using System.Text.Json;
using System.Text.Json.Serialization;

namespace KitBot.Dialogs.Engine;

/// <summary>Reads and writes <see cref="ConversationState"/> as JSON, the form the host stores.</summary>
public static class ConversationStateSerializer
{
    /// <summary>Serialises state to JSON.</summary>
    public static string Serialize(ConversationState state) =>
        JsonSerializer.Serialize(state, StateJsonContext.Default.ConversationState);

    /// <summary>
    /// Reads state written by this or an earlier build. Null or empty input is a new conversation. State from a
    /// newer schema than this build knows is refused rather than half-read.
    /// </summary>
    public static ConversationState Deserialize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return ConversationState.New;
        }

        var state = JsonSerializer.Deserialize(json, StateJsonContext.Default.ConversationState)
            ?? ConversationState.New;
        if (state.SchemaVersion > ConversationState.CurrentSchemaVersion)
        {
            throw new NotSupportedException(
                $"Conversation state schema {state.SchemaVersion} is newer than this build ({ConversationState.CurrentSchemaVersion}).");
        }

        return state with { SchemaVersion = ConversationState.CurrentSchemaVersion };
    }
}

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationState))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
