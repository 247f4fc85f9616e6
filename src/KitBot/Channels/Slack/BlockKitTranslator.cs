using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KitBot.Channels.Slack;

/// <summary>
/// A generic translation of an expanded Adaptive Card into Block Kit (DESIGN.md, cards), element by element, so
/// every template works in Slack without Slack-specific code. Block Kit's limits are kept without losing content:
/// long text is split, long labels are shortened with a visible note, a long card becomes several messages, and a
/// form too large for one message (a button only sends its own message's inputs) goes to a modal (<see cref="Translate"/>).
/// What cannot be kept (a button's data over 2000 characters, a form larger than a modal) throws
/// <see cref="BlockKitLimitException"/> instead of being dropped silently.
/// </summary>
public static partial class BlockKitTranslator
{
    public const int MaxBlocksPerMessage = 50;
    public const int MaxBlocksPerModal = 100;
    public const int MaxSectionText = 3000;
    public const int MaxFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxHeaderText = 150;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxId = 255;
    public const int MaxActionsElements = 25;
    public const int MaxSelectOptions = 100;
    public const int MaxOptionGroups = 100;
    public const int MaxListOptions = 10;
    public const int MaxOptionText = 75;
    public const int MaxOptionValue = 150;
    public const int MaxInputValue = 3000;
    public const int MaxLabel = 2000;
    public const int MaxPlaceholder = 150;
    public const int MaxUrl = 3000;
    public const int MaxModalTitle = 24;
    public const int MaxPrivateMetadata = 3000;

    /// <summary>Action ids of buttons that submit the message's inputs with their data.</summary>
    public const string SubmitPrefix = "ac.btn.";

    /// <summary>Action ids of buttons that submit their data only (<c>associatedInputs: none</c>).</summary>
    public const string SubmitWithoutInputsPrefix = "ac.btn0.";

    /// <summary>Action ids of link buttons: Slack reports their clicks too; KitBot ignores them.</summary>
    public const string LinkPrefix = "ac.url.";

    /// <summary>The action id of the "Open the form" button, whose value is a stored form's id.</summary>
    public const string OpenFormActionId = "ac.form";

    /// <summary>The text of the button that opens a form too large for a message.</summary>
    public const string OpenFormTitle = "Open the form";

    /// <summary>Action ids of inputs; the block id is the Adaptive Card input id.</summary>
    public const string InputPrefix = "ac.in.";

    /// <summary>Action ids of toggles; the rest of the id is the toggle's <c>valueOff</c>, sent when it is unticked.</summary>
    public const string TogglePrefix = "ac.toggle.";

    private static readonly JsonSerializerOptions ValueJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Translates a card into one or more messages of at most 50 blocks, in order.</summary>
    /// <param name="card">An expanded Adaptive Card.</param>
    /// <param name="fallbackText">The notification text (the reply's summary).</param>
    public static IReadOnlyList<SlackMessage> ToMessages(JsonObject card, string fallbackText)
    {
        var built = Build(card);
        if (built.FormLength > MaxBlocksPerMessage)
        {
            throw new BlockKitLimitException("blocks per message",
                $"The card's form (its inputs and the buttons that send them) needs {built.FormLength} blocks; one Slack message holds {MaxBlocksPerMessage}.");
        }

        return ToMessages(built, fallbackText);
    }

    private static IReadOnlyList<SlackMessage> ToMessages(Built built, string fallbackText)
    {
        var text = string.IsNullOrWhiteSpace(fallbackText) ? "KitBot" : Escape(fallbackText);

        var messages = new List<SlackMessage>();
        var current = new JsonArray();
        for (var i = 0; i < built.Blocks.Count; i++)
        {
            // A form's inputs and buttons stay in one message: a button only sends the inputs of its own message.
            var startsForm = i == built.FormStart && current.Count + built.FormLength > MaxBlocksPerMessage;
            if (current.Count == MaxBlocksPerMessage || (startsForm && current.Count > 0))
            {
                messages.Add(new SlackMessage(messages.Count == 0 ? text : text + " (continued)", current));
                current = [];
            }

            current.Add(built.Blocks[i]);
        }

        messages.Add(new SlackMessage(messages.Count == 0 ? text : text + " (continued)", current));
        return messages;
    }

    /// <summary>
    /// Translates a card into messages; when its form needs more than one message (a button only sends its own message's
    /// inputs), the form goes to a modal instead: the messages keep the card's other content and end with an
    /// "Open the form" button whose value is <paramref name="formId"/>.
    /// </summary>
    /// <param name="card">An expanded Adaptive Card.</param>
    /// <param name="fallbackText">The notification text (the reply's summary).</param>
    /// <param name="formId">The id the form is stored under when it needs a modal.</param>
    public static SlackCard Translate(JsonObject card, string fallbackText, string formId)
    {
        var built = Build(card);
        if (built.FormLength <= MaxBlocksPerMessage)
        {
            return new SlackCard(ToMessages(built, fallbackText), null);
        }

        var start = built.FormStart!.Value;
        var formBlocks = built.Blocks.Skip(start).Take(built.FormLength).Select(b => (JsonObject)b.DeepClone()).ToList();
        if (formBlocks.Count > MaxBlocksPerModal)
        {
            throw new BlockKitLimitException("blocks per modal",
                $"The card's form needs {formBlocks.Count} blocks; a Slack modal holds {MaxBlocksPerModal}.");
        }

        var (label, data) = TakeMainSubmit(formBlocks);
        if (data is null)
        {
            // Slack refuses a modal with inputs and no submit, and inputs nobody can send are no use: say so.
            throw new BlockKitLimitException("modal submit",
                "The card's form is too large for a message and has no button that sends its inputs as data, which a modal's submit needs.");
        }

        var rest = built.Blocks.Take(start).Concat(built.Blocks.Skip(start + built.FormLength)).ToList();
        rest.Add(new JsonObject
        {
            ["type"] = "section",
            ["text"] = Mrkdwn("_This form is too long for one Slack message. Press the button to fill it in._"),
        });
        rest.Add(new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["text"] = Plain(OpenFormTitle, MaxButtonText),
                ["action_id"] = OpenFormActionId,
                ["value"] = formId,
                ["style"] = "primary",
            }),
        });
        var title = string.IsNullOrWhiteSpace(fallbackText) ? "KitBot" : fallbackText;
        var form = new SlackForm(Shorten(title, MaxModalTitle), new JsonArray([.. formBlocks]), Shorten(label, MaxModalTitle), data);
        return new SlackCard(ToMessages(new Built(rest, null, 0), fallbackText), form);
    }

    /// <summary>A stored form as a modal view; <paramref name="privateMetadata"/> carries where to answer and the submit data.</summary>
    public static JsonObject FormModal(SlackForm form, string privateMetadata)
    {
        if (form.Blocks.Count > MaxBlocksPerModal)
        {
            throw new BlockKitLimitException("blocks per modal", $"The form needs {form.Blocks.Count} blocks; a modal holds {MaxBlocksPerModal}.");
        }

        if (privateMetadata.Length > MaxPrivateMetadata)
        {
            throw new BlockKitLimitException("private_metadata", $"The modal's metadata is {privateMetadata.Length} characters; Slack allows {MaxPrivateMetadata}.");
        }

        var view = new JsonObject
        {
            ["type"] = "modal",
            ["title"] = Plain(form.Title, MaxModalTitle),
            ["close"] = Plain("Close", MaxModalTitle),
            ["private_metadata"] = privateMetadata,
            ["blocks"] = form.Blocks.DeepClone(),
        };
        if (form.SubmitData is not null)
        {
            view["submit"] = Plain(form.SubmitLabel, MaxModalTitle);
        }

        return view;
    }

    /// <summary>
    /// The form's main submit button (the first primary one that sends the inputs, else the first that does) becomes the
    /// modal's submit: it is taken out of the blocks, its label and data returned. Other buttons stay where they are.
    /// </summary>
    private static (string Label, JsonObject? Data) TakeMainSubmit(List<JsonObject> blocks)
    {
        var candidates = blocks
            .Where(b => Str(b, "type") == "actions")
            .SelectMany(b => (b["elements"] as JsonArray ?? []).OfType<JsonObject>().Select(e => (Block: b, Button: e)))
            .Where(c => Str(c.Button, "action_id").StartsWith(SubmitPrefix, StringComparison.Ordinal))
            .ToList();
        if (candidates.Count == 0)
        {
            return ("Send", null);
        }

        var (block, button) = candidates.FirstOrDefault(c => Str(c.Button, "style") == "primary", candidates[0]);
        JsonObject? data;
        try
        {
            data = JsonNode.Parse(Str(button, "value")) as JsonObject;
        }
        catch (JsonException)
        {
            data = null;
        }

        if (data is null)
        {
            // Data that is not an object is a thing to say, not a form's submit: leave the button as it is.
            return ("Send", null);
        }

        var elements = (JsonArray)block["elements"]!;
        elements.Remove(button);
        if (elements.Count == 0)
        {
            blocks.Remove(block);
        }

        return (Str(button["text"] as JsonObject, "text") is { Length: > 0 } text ? text : "Send", data);
    }

    /// <summary>Translates a card into a modal view (at most 100 blocks): for a form too large for a message.</summary>
    public static JsonObject ToModal(JsonObject card, string title, string privateMetadata, string submitLabel = "Send")
    {
        var built = Build(card);
        if (built.Blocks.Count > MaxBlocksPerModal)
        {
            throw new BlockKitLimitException("blocks per modal", $"The card needs {built.Blocks.Count} blocks; a modal holds {MaxBlocksPerModal}.");
        }

        if (privateMetadata.Length > MaxPrivateMetadata)
        {
            throw new BlockKitLimitException("private_metadata", $"The modal's metadata is {privateMetadata.Length} characters; Slack allows {MaxPrivateMetadata}.");
        }

        var view = new JsonObject
        {
            ["type"] = "modal",
            ["title"] = Plain(title, MaxModalTitle),
            ["close"] = Plain("Close", MaxModalTitle),
            ["private_metadata"] = privateMetadata,
            ["blocks"] = new JsonArray([.. built.Blocks]),
        };
        if (built.FormStart is not null)
        {
            view["submit"] = Plain(submitLabel, MaxModalTitle);
        }

        return view;
    }

    /// <summary>Escapes text for Slack's mrkdwn and <c>text</c> fields (only &amp;, &lt; and &gt; are special).</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Shortens text to <paramref name="max"/> characters, ending with an ellipsis, never splitting a surrogate pair.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }

    /// <summary>Splits text into pieces of at most <paramref name="max"/> characters at paragraph, line or word breaks.</summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var window = rest[..max];
            var cut = Best(window.LastIndexOf("\n\n", StringComparison.Ordinal), window.LastIndexOf('\n'), window.LastIndexOf(' '));
            if (cut <= 0)
            {
                cut = max;
                if (char.IsLowSurrogate(rest[cut]))
                {
                    cut--;
                }

                // Never cut an escaped entity (&amp; &lt; &gt;) in half.
                var amp = window.LastIndexOf('&');
                if (amp >= 0 && amp > max - 5 && window.IndexOf(';', amp) < 0)
                {
                    cut = amp;
                }
            }

            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            pieces.Add(rest);
        }

        return pieces;

        // A break in the second half of the window; otherwise a hard cut keeps pieces from getting tiny.
        int Best(params int[] candidates) => candidates.FirstOrDefault(c => c >= max / 2, -1);
    }

    /// <summary>Adaptive Card markdown (bold, italic, links, lists) as Slack mrkdwn, with &amp;, &lt; and &gt; escaped.</summary>
    public static string ToMrkdwn(string markdown)
    {
        var text = new StringBuilder();
        var last = 0;
        foreach (Match link in MarkdownLink().Matches(markdown))
        {
            text.Append(Escape(markdown[last..link.Index]));
            text.Append('<').Append(EscapeUrl(link.Groups[2].Value)).Append('|').Append(Escape(link.Groups[1].Value)).Append('>');
            last = link.Index + link.Length;
        }

        text.Append(Escape(markdown[last..]));
        var result = MarkdownBold().Replace(text.ToString(), "\u0001$1\u0001");
        result = MarkdownItalic().Replace(result, "_$1_");
        result = MarkdownBullet().Replace(result, "$1• ");
        // A user mention (<@U123>, as SlackSender names a colleague) stays a mention rather than showing escaped.
        result = EscapedMention().Replace(result, "<@$1>");
        return result.Replace('\u0001', '*');
    }

    private static Built Build(JsonObject card)
    {
        var builder = new Builder();
        builder.Walk(card["body"] as JsonArray);
        builder.Actions(card["actions"] as JsonArray);
        return builder.Finish();
    }

    private static JsonObject Plain(string text, int max) => new()
    {
        ["type"] = "plain_text",
        ["text"] = Shorten(string.IsNullOrWhiteSpace(text) ? "-" : text, max),
        ["emoji"] = true,
    };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static string EscapeUrl(string url) =>
        url.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);

    private static string Bold(string mrkdwn) =>
        string.Join('\n', mrkdwn.Split('\n').Select(line => line.Trim() is { Length: > 0 } t && !t.StartsWith('*') ? $"*{t}*" : line));

    private static string Str(JsonObject? node, string name) =>
        node?[name] is JsonValue value ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.ToJsonString(),
        } : "";

    private static bool Flag(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private static bool IsHttpUrl(string url) =>
        url.Length <= MaxUrl && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"\[([^\]\r\n]+)\]\(((?:https?|mailto):[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\*\*(?=\S)(.+?)(?<=\S)\*\*")]
    private static partial Regex MarkdownBold();

    [GeneratedRegex(@"(?<![*\w])\*(?=[^\s*])([^*\r\n]+?)(?<=\S)\*(?![*\w])")]
    private static partial Regex MarkdownItalic();

    [GeneratedRegex(@"(^|\n)[ \t]*[-*+] (?=\S)")]
    private static partial Regex MarkdownBullet();

    [GeneratedRegex("&lt;@([UW][A-Z0-9]{2,20})&gt;")]
    private static partial Regex EscapedMention();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\d{2}:\d{2}$")]
    private static partial Regex IsoTime();

    private sealed record Built(IReadOnlyList<JsonObject> Blocks, int? FormStart, int FormLength);

    /// <summary>Walks the card in reading order, appending blocks.</summary>
    private sealed class Builder
    {
        private readonly List<JsonObject> _blocks = [];
        private readonly HashSet<string> _inputIds = new(StringComparer.Ordinal);
        private readonly List<int> _inputBlocks = [];
        private readonly List<int> _submitBlocks = [];
        private int _buttons;

        /// <summary>
        /// The form is the run of blocks from the first input to the last input or submit button, which must share
        /// one message; submit buttons above the first input join it when that still fits.
        /// </summary>
        public Built Finish()
        {
            if (_inputBlocks.Count == 0)
            {
                return new Built(_blocks, null, 0);
            }

            var start = _inputBlocks[0];
            var end = Math.Max(_inputBlocks[^1], _submitBlocks.Count > 0 ? _submitBlocks[^1] : -1);
            if (_submitBlocks.Count > 0 && _submitBlocks[0] < start && end - _submitBlocks[0] + 1 <= MaxBlocksPerMessage)
            {
                start = _submitBlocks[0];
            }

            return new Built(_blocks, start, end - start + 1);
        }

        public void Walk(JsonArray? elements)
        {
            foreach (var element in (elements ?? []).OfType<JsonObject>())
            {
                if (Flag(element, "separator") && _blocks.Count > 0)
                {
                    Add(new JsonObject { ["type"] = "divider" });
                }

                Element(element);
            }
        }

        private void Element(JsonObject element)
        {
            var type = Str(element, "type");
            switch (type)
            {
                case "TextBlock":
                    TextBlock(element);
                    break;
                case "RichTextBlock":
                    RichTextBlock(element);
                    break;
                case "FactSet":
                    FactSet(element);
                    break;
                case "Image":
                    Image(element);
                    break;
                case "ImageSet":
                    foreach (var image in (element["images"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        Image(image);
                    }

                    break;
                case "Media":
                    Media(element);
                    break;
                case "Container" or "Column":
                    Walk(element["items"] as JsonArray);
                    break;
                case "ColumnSet":
                    foreach (var column in (element["columns"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        Walk(column["items"] as JsonArray);
                        SelectAction(column);
                    }

                    break;
                case "ActionSet":
                    Actions(element["actions"] as JsonArray);
                    break;
                case "Table":
                    Table(element);
                    break;
                case "Input.Text":
                    TextInput(element);
                    break;
                case "Input.Number":
                    NumberInput(element);
                    break;
                case "Input.Date":
                    DateInput(element);
                    break;
                case "Input.Time":
                    TimeInput(element);
                    break;
                case "Input.ChoiceSet":
                    ChoiceSet(element);
                    break;
                case "Input.Toggle":
                    Toggle(element);
                    break;
                default:
                    Fallback(element, type);
                    return;
            }

            // Image and Column handle their own; everything else that can be clicked becomes a button after it.
            if (type is not "Image")
            {
                SelectAction(element);
            }
        }

        private void Fallback(JsonObject element, string type)
        {
            // The card author's fallback decides first: another element, or "drop" to leave it out on purpose.
            switch (element["fallback"])
            {
                case JsonObject alternative:
                    Element(alternative);
                    break;
                case JsonValue drop when drop.ToString() == "drop":
                    break;
                default:
                    Note($"Part of this card ({(type.Length == 0 ? "an unnamed element" : type)}) cannot be shown in Slack.");
                    break;
            }
        }

        private void TextBlock(JsonObject element)
        {
            var text = Str(element, "text");
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            var size = Str(element, "size");
            var heading = Str(element, "style") == "heading" || size is "Large" or "ExtraLarge" or "large" or "extraLarge";
            if (heading && text.Length <= MaxHeaderText && !text.Contains('\n'))
            {
                Add(new JsonObject { ["type"] = "header", ["text"] = Plain(text, MaxHeaderText) });
                return;
            }

            // A heading too long for a header block stays whole, as bold text.
            var mrkdwn = ToMrkdwn(text);
            if (heading || Str(element, "weight") is "Bolder" or "bolder")
            {
                mrkdwn = Bold(mrkdwn);
            }

            if (Flag(element, "isSubtle") || size is "Small" or "small")
            {
                Context(mrkdwn);
            }
            else
            {
                Sections(mrkdwn);
            }
        }

        private void RichTextBlock(JsonObject element)
        {
            var text = new StringBuilder();
            foreach (var inline in element["inlines"] as JsonArray ?? [])
            {
                switch (inline)
                {
                    case JsonValue plain:
                        text.Append(Escape(plain.ToString()));
                        break;
                    case JsonObject run:
                        var runText = Str(run, "text");
                        var core = Escape(runText.Trim());
                        if (core.Length > 0)
                        {
                            core = Str(run, "weight") is "Bolder" or "bolder" ? $"*{core}*" : core;
                            core = Flag(run, "italic") ? $"_{core}_" : core;
                            core = Flag(run, "strikethrough") ? $"~{core}~" : core;
                            core = Str(run, "fontType") is "Monospace" or "monospace" ? $"`{core}`" : core;
                        }

                        // Keep the run's own spaces outside the markers, or Slack shows the markers literally.
                        text.Append(runText[..(runText.Length - runText.TrimStart().Length)])
                            .Append(core)
                            .Append(runText[runText.TrimEnd().Length..]);
                        break;
                }
            }

            Sections(text.ToString());
            foreach (var run in (element["inlines"] as JsonArray ?? []).OfType<JsonObject>())
            {
                SelectAction(run);
            }
        }

        private void FactSet(JsonObject element)
        {
            var fields = new JsonArray();
            foreach (var fact in (element["facts"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var title = Bold(Escape(Str(fact, "title")));
                var value = ToMrkdwn(Str(fact, "value"));
                if (title.Length > MaxFieldText || value.Length > MaxFieldText)
                {
                    // Too long for a field: the fact gets its own section(s), whole.
                    Flush(ref fields);
                    Sections(title + "\n" + value);
                    continue;
                }

                // Slack refuses empty text; a dash shows the gap.
                fields.Add(Mrkdwn(title.Length == 0 ? "-" : title));
                fields.Add(Mrkdwn(value.Length == 0 ? "-" : value));
                if (fields.Count == MaxFields)
                {
                    Flush(ref fields);
                }
            }

            Flush(ref fields);

            void Flush(ref JsonArray pending)
            {
                if (pending.Count > 0)
                {
                    Add(new JsonObject { ["type"] = "section", ["fields"] = pending });
                    pending = [];
                }
            }
        }

        private void Image(JsonObject element)
        {
            var url = Str(element, "url");
            var alt = Str(element, "altText");
            if (IsHttpUrl(url))
            {
                Add(new JsonObject
                {
                    ["type"] = "image",
                    ["image_url"] = url,
                    ["alt_text"] = Shorten(alt.Length > 0 ? alt : "Image", MaxLabel),
                });
            }
            else
            {
                // Slack only fetches images from public http(s) URLs (not data: URIs).
                Note(alt.Length > 0 ? $"An image that Slack cannot show: {alt}" : "An image that Slack cannot show.");
            }

            SelectAction(element);
        }

        private void Media(JsonObject element)
        {
            var url = (element["sources"] as JsonArray ?? []).OfType<JsonObject>().Select(s => Str(s, "url")).FirstOrDefault(IsHttpUrl);
            var alt = Str(element, "altText");
            var label = Escape(alt.Length > 0 ? alt : "Media");
            if (url is null)
            {
                Note($"Media that Slack cannot play: {alt}".TrimEnd(' ', ':'));
            }
            else
            {
                Sections($"<{EscapeUrl(url)}|{label}>");
            }
        }

        private void Table(JsonObject element)
        {
            var lines = new List<string>();
            var header = element["firstRowAsHeader"] is not JsonValue first || first.GetValueKind() != JsonValueKind.False;
            foreach (var row in (element["rows"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var cells = (row["cells"] as JsonArray ?? []).OfType<JsonObject>()
                    .Select(cell => Escape(PlainText(cell["items"] as JsonArray).Replace('\n', ' ').Trim()));
                var line = string.Join("  |  ", cells);
                lines.Add(header && lines.Count == 0 && line.Length > 0 ? Bold(line) : line);
            }

            Sections(string.Join('\n', lines));
        }

        private void TextInput(JsonObject element)
        {
            var value = Str(element, "value");
            var max = element["maxLength"] is JsonValue m && m.TryGetValue<int>(out var n) && n > 0 ? Math.Min(n, MaxInputValue) : MaxInputValue;
            var input = new JsonObject
            {
                ["type"] = "plain_text_input",
                ["action_id"] = InputPrefix + "text",
                ["multiline"] = Flag(element, "isMultiline"),
                ["max_length"] = max,
            };
            string? hint = null;
            if (value.Length > max)
            {
                // Slack's box holds 3000 characters: show the whole text above so nothing is lost, and say so.
                Sections(Escape(value));
                hint = $"The current text ({value.Length} characters) is longer than a Slack text box holds, so it is shown above in full. Type or paste the version you want here.";
            }
            else if (value.Length > 0)
            {
                input["initial_value"] = value;
            }

            Placeholder(element, input);
            InputBlock(element, input, Label(element, "Your answer"), hint);
        }

        private void NumberInput(JsonObject element)
        {
            var input = new JsonObject
            {
                ["type"] = "number_input",
                ["action_id"] = InputPrefix + "number",
                ["is_decimal_allowed"] = true,
            };
            foreach (var (from, to) in new[] { ("value", "initial_value"), ("min", "min_value"), ("max", "max_value") })
            {
                if (element[from] is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
                {
                    input[to] = number.ToJsonString();
                }
            }

            Placeholder(element, input);
            InputBlock(element, input, Label(element, "A number"), null);
        }

        private void DateInput(JsonObject element)
        {
            var input = new JsonObject { ["type"] = "datepicker", ["action_id"] = InputPrefix + "date" };
            if (IsoDate().IsMatch(Str(element, "value")))
            {
                input["initial_date"] = Str(element, "value");
            }

            Placeholder(element, input);
            InputBlock(element, input, Label(element, "A date"), null);
        }

        private void TimeInput(JsonObject element)
        {
            var input = new JsonObject { ["type"] = "timepicker", ["action_id"] = InputPrefix + "time" };
            if (IsoTime().IsMatch(Str(element, "value")))
            {
                input["initial_time"] = Str(element, "value");
            }

            Placeholder(element, input);
            InputBlock(element, input, Label(element, "A time"), null);
        }

        private void ChoiceSet(JsonObject element)
        {
            var choices = (element["choices"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(c => (Title: Str(c, "title"), Value: Str(c, "value"))).ToList();
            if (choices.Count == 0)
            {
                Note($"{Label(element, "A question")}: there are no choices to show.");
                return;
            }

            var multi = Flag(element, "isMultiSelect");
            var selected = multi
                ? Str(element, "value").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal) { Str(element, "value") };
            var shown = Math.Min(choices.Count, MaxSelectOptions * MaxOptionGroups);
            var options = new List<JsonObject>();
            var shortened = new List<string>();
            for (var i = 0; i < shown; i++)
            {
                var (title, value) = choices[i];
                if (value.Length > MaxOptionValue)
                {
                    throw new BlockKitLimitException("option value",
                        $"Choice {i + 1} of input '{Str(element, "id")}' has a value of {value.Length} characters; Slack allows {MaxOptionValue}.");
                }

                if (title.Length > MaxOptionText)
                {
                    shortened.Add($"{i + 1}. {title}");
                }

                options.Add(new JsonObject { ["text"] = Plain(title.Length > 0 ? title : value, MaxOptionText), ["value"] = value });
            }

            var expanded = Str(element, "style") is "expanded" or "Expanded";
            var (kind, action) = (multi, options.Count <= MaxListOptions) switch
            {
                (true, true) => ("checkboxes", "multi"),
                (true, false) => ("multi_static_select", "multi"),
                (false, true) when expanded => ("radio_buttons", "choice"),
                _ => ("static_select", "choice"),
            };
            var input = new JsonObject { ["type"] = kind, ["action_id"] = InputPrefix + action };
            var initial = options.Where(o => selected.Contains(Str(o, "value"))).Select(o => (JsonNode)o.DeepClone()).ToArray();
            if (kind is "static_select" or "multi_static_select" && options.Count > MaxSelectOptions)
            {
                // More than 100 choices: groups of 100 keep every one selectable.
                input["option_groups"] = new JsonArray(options.Chunk(MaxSelectOptions).Select((group, g) => (JsonNode)new JsonObject
                {
                    ["label"] = Plain($"Choices {g * MaxSelectOptions + 1} to {g * MaxSelectOptions + group.Length}", MaxOptionText),
                    ["options"] = new JsonArray([.. group]),
                }).ToArray());
            }
            else
            {
                input["options"] = new JsonArray([.. options]);
            }

            if (multi && initial.Length > 0)
            {
                input["initial_options"] = new JsonArray(initial);
            }
            else if (!multi && initial.Length > 0)
            {
                input["initial_option"] = initial[0];
            }

            if (kind.EndsWith("select", StringComparison.Ordinal))
            {
                Placeholder(element, input);
            }

            var notes = new List<string>();
            if (shortened.Count > 0)
            {
                notes.Add("Some choices are shortened here. In full: " + string.Join("; ", shortened));
            }

            if (shown < choices.Count)
            {
                notes.Add($"Only the first {shown} of {choices.Count} choices can be shown in Slack.");
            }

            InputBlock(element, input, Label(element, "Choose"), notes.Count > 0 ? string.Join(" ", notes) : null);
        }

        private void Toggle(JsonObject element)
        {
            var on = element["valueOn"] is JsonValue v1 ? v1.ToString() : "true";
            var off = element["valueOff"] is JsonValue v0 ? v0.ToString() : "false";
            var title = Str(element, "title");
            var actionId = TogglePrefix + off;
            if (actionId.Length > MaxId)
            {
                throw new BlockKitLimitException("action_id", $"Toggle '{Str(element, "id")}' has a valueOff too long to carry in an action id.");
            }

            if (on.Length > MaxOptionValue)
            {
                throw new BlockKitLimitException("option value", $"Toggle '{Str(element, "id")}' has a valueOn of {on.Length} characters; Slack allows {MaxOptionValue}.");
            }

            var option = new JsonObject { ["text"] = Plain(title.Length > 0 ? title : "Yes", MaxOptionText), ["value"] = on };
            var input = new JsonObject { ["type"] = "checkboxes", ["action_id"] = actionId, ["options"] = new JsonArray(option) };
            if (Str(element, "value") == on)
            {
                input["initial_options"] = new JsonArray(option.DeepClone());
            }

            var label = Str(element, "label");
            InputBlock(element, input, label.Length > 0 ? label : title.Length > 0 ? title : "Yes or no",
                title.Length > MaxOptionText ? "In full: " + title : null);
        }

        private void InputBlock(JsonObject element, JsonObject input, string label, string? hint)
        {
            var id = Str(element, "id");
            if (id.Length == 0 || id.Length > MaxId)
            {
                throw new BlockKitLimitException("block_id", $"An {Str(element, "type")} has an id of {id.Length} characters; Slack needs 1 to {MaxId}.");
            }

            if (!_inputIds.Add(id))
            {
                throw new BlockKitLimitException("block_id", $"Two inputs on the card share the id '{id}'.");
            }

            var block = new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = id,
                ["label"] = Plain(label, MaxLabel),
                ["optional"] = !Flag(element, "isRequired"),
                ["element"] = input,
            };
            if (hint is not null)
            {
                block["hint"] = Plain(hint, MaxLabel);
            }

            Add(block);
            _inputBlocks.Add(_blocks.Count - 1);
        }

        private static void Placeholder(JsonObject element, JsonObject input)
        {
            var placeholder = Str(element, "placeholder");
            if (placeholder.Length > 0)
            {
                input["placeholder"] = Plain(placeholder, MaxPlaceholder);
            }
        }

        private static string Label(JsonObject element, string otherwise)
        {
            var label = Str(element, "label");
            var placeholder = Str(element, "placeholder");
            return label.Length > 0 ? label : placeholder.Length > 0 ? placeholder : otherwise;
        }

        /// <summary>Buttons for a list of actions, 25 to an actions block, with a note for shortened titles.</summary>
        public void Actions(JsonArray? actions)
        {
            var buttons = new List<JsonObject>();
            var shortened = new List<string>();
            var shown = new List<JsonObject>();
            var submits = false;
            foreach (var action in (actions ?? []).OfType<JsonObject>())
            {
                var button = Button(action, "Choose", shortened);
                if (button is not null)
                {
                    buttons.Add(button);
                    submits |= Str(button, "action_id").StartsWith(SubmitPrefix, StringComparison.Ordinal);
                }

                if (Str(action, "type") == "Action.ShowCard" && action["card"] is JsonObject card)
                {
                    shown.Add(action);
                }
            }

            foreach (var chunk in buttons.Chunk(MaxActionsElements))
            {
                Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk]) });
                if (submits)
                {
                    _submitBlocks.Add(_blocks.Count - 1);
                }
            }

            if (shortened.Count > 0)
            {
                Note("Some button labels are shortened. In full: " + string.Join("; ", shortened));
            }

            // Slack cannot reveal a card on a click, so a ShowCard's card is shown straight away, under its title.
            foreach (var action in shown)
            {
                Sections(Bold(Escape(Str(action, "title"))));
                var card = (JsonObject)action["card"]!;
                Walk(card["body"] as JsonArray);
                Actions(card["actions"] as JsonArray);
            }
        }

        /// <summary>A container's, column's or image's <c>selectAction</c>, as a button after its content.</summary>
        private void SelectAction(JsonObject element)
        {
            if (element["selectAction"] is not JsonObject action)
            {
                return;
            }

            var shortened = new List<string>();
            var button = Button(action, Str(action, "type") == "Action.OpenUrl" ? "Open" : "Choose", shortened);
            if (button is null)
            {
                return;
            }

            Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(button) });
            if (Str(button, "action_id").StartsWith(SubmitPrefix, StringComparison.Ordinal))
            {
                _submitBlocks.Add(_blocks.Count - 1);
            }

            if (shortened.Count > 0)
            {
                Note("The button label is shortened. In full: " + shortened[0]);
            }
        }

        private JsonObject? Button(JsonObject action, string defaultTitle, List<string> shortened)
        {
            var type = Str(action, "type");
            var title = Str(action, "title");
            if (title.Length == 0)
            {
                title = defaultTitle;
            }

            if (action["isEnabled"] is JsonValue enabled && enabled.GetValueKind() == JsonValueKind.False)
            {
                Note($"{title} (not available now)");
                return null;
            }

            JsonObject button;
            switch (type)
            {
                case "Action.Submit" or "Action.Execute":
                    var prefix = Str(action, "associatedInputs") is "none" or "None" ? SubmitWithoutInputsPrefix : SubmitPrefix;
                    button = new JsonObject
                    {
                        ["type"] = "button",
                        ["action_id"] = prefix + _buttons++.ToString(CultureInfo.InvariantCulture),
                        ["value"] = ButtonValue(action, type),
                    };
                    break;
                case "Action.OpenUrl" when IsHttpUrl(Str(action, "url")):
                    button = new JsonObject
                    {
                        ["type"] = "button",
                        ["action_id"] = LinkPrefix + _buttons++.ToString(CultureInfo.InvariantCulture),
                        ["url"] = Str(action, "url"),
                    };
                    break;
                case "Action.ToggleVisibility" or "Action.ShowCard":
                    // Slack shows everything at once, so there is nothing to toggle or reveal.
                    return null;
                default:
                    Note($"A button that Slack cannot offer: {title}");
                    return null;
            }

            if (title.Length > MaxButtonText)
            {
                shortened.Add(title);
            }

            button["text"] = Plain(title, MaxButtonText);
            switch (Str(action, "style"))
            {
                case "positive":
                    button["style"] = "primary";
                    break;
                case "destructive":
                    button["style"] = "danger";
                    break;
            }

            // Slack's own key order reads better in logs and the Block Kit Builder: type, text, then the rest.
            return Reorder(button, "type", "text");
        }

        private static string ButtonValue(JsonObject action, string type)
        {
            var data = action["data"]?.DeepClone();
            string value;
            if (data is null or JsonObject)
            {
                var obj = data as JsonObject ?? [];
                if (type == "Action.Execute" && Str(action, "verb") is { Length: > 0 } verb)
                {
                    obj["verb"] = verb;
                }

                value = obj.ToJsonString(ValueJson);
            }
            else
            {
                // Data that is not an object (a string) is sent as the person's message, as Teams does.
                value = data.ToJsonString(ValueJson);
            }

            if (value.Length > MaxButtonValue)
            {
                throw new BlockKitLimitException("button value",
                    $"The data of button '{Shorten(Str(action, "title"), 40)}' is {value.Length} characters as JSON; a Slack button value holds {MaxButtonValue}.");
            }

            return value;
        }

        private static JsonObject Reorder(JsonObject node, params string[] first)
        {
            var ordered = new JsonObject();
            foreach (var key in first.Concat(node.Select(p => p.Key).Where(k => !first.Contains(k))).ToList())
            {
                if (node[key] is { } value)
                {
                    node.Remove(key);
                    ordered[key] = value;
                }
            }

            return ordered;
        }

        private void Sections(string mrkdwn)
        {
            foreach (var piece in Split(mrkdwn, MaxSectionText))
            {
                Add(new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(piece) });
            }
        }

        private void Context(string mrkdwn)
        {
            foreach (var piece in Split(mrkdwn, MaxSectionText))
            {
                Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn(piece)) });
            }
        }

        /// <summary>A visible note where something could not be shown as it is.</summary>
        private void Note(string text) => Context("_" + Escape(Shorten(text, MaxSectionText - 2)) + "_");

        private void Add(JsonObject block) => _blocks.Add(block);
    }

    /// <summary>The plain text of card elements (for table cells).</summary>
    private static string PlainText(JsonArray? elements)
    {
        var text = new StringBuilder();
        foreach (var element in (elements ?? []).OfType<JsonObject>())
        {
            switch (Str(element, "type"))
            {
                case "TextBlock":
                    text.Append(Str(element, "text")).Append(' ');
                    break;
                case "RichTextBlock":
                    foreach (var inline in element["inlines"] as JsonArray ?? [])
                    {
                        text.Append(inline is JsonObject run ? Str(run, "text") : inline?.ToString());
                    }

                    text.Append(' ');
                    break;
                case "FactSet":
                    foreach (var fact in (element["facts"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        text.Append(Str(fact, "title")).Append(": ").Append(Str(fact, "value")).Append(' ');
                    }

                    break;
                case "Container" or "Column":
                    text.Append(PlainText(element["items"] as JsonArray));
                    break;
                case "ColumnSet":
                    foreach (var column in (element["columns"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        text.Append(PlainText(column["items"] as JsonArray));
                    }

                    break;
                case "Image":
                    text.Append(Str(element, "altText")).Append(' ');
                    break;
            }
        }

        return text.ToString();
    }
}
