using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KitBot.Channels.Teams;

/// <summary>
/// Reads and writes an <see cref="Attachment"/> as the serializer would by default (names through the naming policy,
/// nulls left out when the options say so), except that content already rendered to UTF-8 is written as it is: a card
/// is rendered once and never turned into a tree and back.
/// </summary>
internal sealed class AttachmentJsonConverter : JsonConverter<Attachment>
{
    public override Attachment? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var wire = JsonSerializer.Deserialize<Wire>(ref reader, options);
        return wire is null ? null : new Attachment { ContentType = wire.ContentType, Content = wire.Content, Name = wire.Name };
    }

    public override void Write(Utf8JsonWriter writer, Attachment value, JsonSerializerOptions options)
    {
        var skipNulls = options.DefaultIgnoreCondition == JsonIgnoreCondition.WhenWritingNull;
        writer.WriteStartObject();
        WriteString(writer, options, nameof(Attachment.ContentType), value.ContentType, skipNulls);
        if (value.ContentUtf8 is { } utf8)
        {
            writer.WritePropertyName(Name(options, nameof(Attachment.Content)));
            writer.WriteRawValue(utf8.Span, skipInputValidation: true);
        }
        else if (value.Content is { } content)
        {
            writer.WritePropertyName(Name(options, nameof(Attachment.Content)));
            content.WriteTo(writer, options);
        }
        else if (!skipNulls)
        {
            writer.WriteNull(Name(options, nameof(Attachment.Content)));
        }

        WriteString(writer, options, nameof(Attachment.Name), value.Name, skipNulls);
        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, JsonSerializerOptions options, string property, string? value, bool skipNulls)
    {
        if (value is not null)
        {
            writer.WriteString(Name(options, property), value);
        }
        else if (!skipNulls)
        {
            writer.WriteNull(Name(options, property));
        }
    }

    private static string Name(JsonSerializerOptions options, string property) =>
        options.PropertyNamingPolicy?.ConvertName(property) ?? property;

    /// <summary>The same members, read by the serializer's own rules (case, comments, numbers as the options say).</summary>
    private sealed class Wire
    {
        public string? ContentType { get; set; }
        public JsonNode? Content { get; set; }
        public string? Name { get; set; }
    }
}
