using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KitBot.Channels.Teams;

/// <summary>
/// A Bot Framework activity: the fields KitBot reads or writes (PROTOCOLS.md section 1). Unknown fields are
/// kept in <see cref="Extra"/> so they round-trip.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Summary { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public JsonNode? Value { get; set; }
    public string? Name { get; set; }
    public string? ReplyToId { get; set; }
    public JsonObject? ChannelData { get; set; }
    public List<JsonObject>? Entities { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? Action { get; set; }
    public string? Locale { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A user or bot account in a conversation.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The conversation an activity belongs to.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? ConversationType { get; set; }
    public bool? IsGroup { get; set; }
    public string? TenantId { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>
/// An attachment; an Adaptive Card has <see cref="ActivityTypes.AdaptiveCardContentType"/>. Its content is a node tree,
/// or JSON already rendered to UTF-8 (<see cref="ContentUtf8"/>), which is written out as it is without a tree.
/// </summary>
[JsonConverter(typeof(AttachmentJsonConverter))]
public sealed class Attachment
{
    private JsonNode? _content;
    private ReadOnlyMemory<byte>? _contentUtf8;

    public string? ContentType { get; set; }

    /// <summary>The content as a node tree (parsed from <see cref="ContentUtf8"/> when it was given as bytes).</summary>
    public JsonNode? Content
    {
        get => _content ??= _contentUtf8 is { } utf8 ? JsonNode.Parse(utf8.Span) : null;
        set
        {
            _content = value;
            _contentUtf8 = null;
        }
    }

    /// <summary>The content as UTF-8 JSON, written to the wire without re-serializing (null when given as a tree).</summary>
    public ReadOnlyMemory<byte>? ContentUtf8
    {
        get => _content is null ? _contentUtf8 : null;
        set
        {
            _contentUtf8 = value;
            _content = null;
        }
    }

    public string? Name { get; set; }
}

/// <summary>Activity type names and content types.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string ActivityMessageContentType = "application/vnd.microsoft.activity.message";
    public const string ErrorContentType = "application/vnd.microsoft.error";
}

/// <summary>The JSON options for the Bot Framework wire format: camelCase, nulls omitted.</summary>
public static class BotFrameworkJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
