using System.Text.Json.Nodes;

namespace KitBot.Tests.Channels.Slack.Support;

/// <summary>Hand-written expanded Adaptive Cards (schema 1.5) covering every element type, and cards that push every Block Kit limit.</summary>
public static class SampleCards
{
    /// <summary>Every element, input and action type, once or more.</summary>
    public static JsonObject EveryElement() => Card(
        [
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Keeping in touch: a review", ["size"] = "Large", ["weight"] = "Bolder", ["style"] = "heading", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Contact with birth mother & siblings <under review> is **important** for *identity*. See [guidance](https://example.org/kit?a=1&b=2).\n- letterbox twice a year\n- a visit in summer", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Bold line", ["weight"] = "Bolder" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = "A subtle aside.", ["isSubtle"] = true, ["size"] = "Small" },
            new JsonObject
            {
                ["type"] = "RichTextBlock",
                ["inlines"] = new JsonArray(
                    "Plain start, ",
                    new JsonObject { ["type"] = "TextRun", ["text"] = "bold ", ["weight"] = "Bolder" },
                    new JsonObject { ["type"] = "TextRun", ["text"] = "italic", ["italic"] = true },
                    new JsonObject { ["type"] = "TextRun", ["text"] = " struck", ["strikethrough"] = true },
                    new JsonObject { ["type"] = "TextRun", ["text"] = " code", ["fontType"] = "Monospace" }),
            },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(
                    new JsonObject { ["title"] = "Child", ["value"] = "age band 5 to 10" },
                    new JsonObject { ["title"] = "Plan", ["value"] = "letterbox & one visit" }),
            },
            new JsonObject { ["type"] = "Image", ["url"] = "https://example.org/kit.png", ["altText"] = "A diagram", ["selectAction"] = new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = "https://example.org/kit", ["title"] = "Open diagram" } },
            new JsonObject { ["type"] = "Image", ["url"] = "data:image/png;base64,iVBORw0KGgo=", ["altText"] = "An inline image" },
            new JsonObject
            {
                ["type"] = "ImageSet",
                ["images"] = new JsonArray(new JsonObject { ["type"] = "Image", ["url"] = "https://example.org/a.png" }, new JsonObject { ["type"] = "Image", ["url"] = "https://example.org/b.png", ["altText"] = "B" }),
            },
            new JsonObject { ["type"] = "Media", ["sources"] = new JsonArray(new JsonObject { ["mimeType"] = "video/mp4", ["url"] = "https://example.org/kit.mp4" }), ["altText"] = "A short film" },
            new JsonObject
            {
                ["type"] = "Container",
                ["separator"] = true,
                ["selectAction"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = "Role guidance", ["data"] = new JsonObject { ["verb"] = "menu.roles" } },
                ["items"] = new JsonArray(
                    new JsonObject { ["type"] = "TextBlock", ["text"] = "Role guidance", ["weight"] = "Bolder" },
                    new JsonObject { ["type"] = "TextBlock", ["text"] = "Who is best placed to do what.", ["isSubtle"] = true }),
            },
            new JsonObject
            {
                ["type"] = "ColumnSet",
                ["columns"] = new JsonArray(
                    new JsonObject { ["type"] = "Column", ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Left column" }) },
                    new JsonObject
                    {
                        ["type"] = "Column",
                        ["selectAction"] = new JsonObject { ["type"] = "Action.Execute", ["title"] = "Pick right", ["verb"] = "pick.right", ["data"] = new JsonObject { ["side"] = "right" } },
                        ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Right column" }),
                    }),
            },
            new JsonObject
            {
                ["type"] = "Table",
                ["columns"] = new JsonArray(new JsonObject { ["width"] = 1 }, new JsonObject { ["width"] = 1 }),
                ["rows"] = new JsonArray(
                    Row("Person", "Form of contact"),
                    Row("Birth mother", "Letterbox"),
                    Row("Sibling (10 to 15)", "Visits")),
            },
            new JsonObject { ["type"] = "Input.Text", ["id"] = "summary", ["label"] = "Summary", ["placeholder"] = "A sentence or two", ["isRequired"] = true },
            new JsonObject { ["type"] = "Input.Text", ["id"] = "purpose", ["label"] = "Purpose of the plan", ["isMultiline"] = true, ["value"] = "To help the child know their story.\nReviewed yearly.", ["maxLength"] = 2000 },
            new JsonObject { ["type"] = "Input.Number", ["id"] = "visits", ["label"] = "Visits a year", ["min"] = 0, ["max"] = 12, ["value"] = 2 },
            new JsonObject { ["type"] = "Input.Date", ["id"] = "review", ["label"] = "Review date", ["value"] = "2026-03-01" },
            new JsonObject { ["type"] = "Input.Time", ["id"] = "when", ["label"] = "Time of day", ["value"] = "09:30" },
            Choices("form", "Form of contact", "expanded", multi: false, count: 4, value: "c2"),
            Choices("present", "Who is present", "compact", multi: false, count: 6, value: null),
            Choices("supports", "Support needed", "expanded", multi: true, count: 5, value: "c1,c3"),
            Choices("people", "Important people", "compact", multi: true, count: 14, value: "c2,c12"),
            Choices("authority", "Local authority", "compact", multi: false, count: 150, value: "c120"),
            new JsonObject { ["type"] = "Input.Toggle", ["id"] = "consent", ["title"] = "The adopters agree", ["value"] = "yes", ["valueOn"] = "yes", ["valueOff"] = "no" },
            new JsonObject { ["type"] = "Input.Toggle", ["id"] = "urgent", ["title"] = "Urgent" },
            new JsonObject { ["type"] = "Rating", ["max"] = 5, ["fallback"] = new JsonObject { ["type"] = "TextBlock", ["text"] = "Rating shown as text" } },
            new JsonObject { ["type"] = "ProgressBar", ["fallback"] = "drop" },
            new JsonObject { ["type"] = "CodeBlock", ["codeSnippet"] = "x" },
            new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(
                    new JsonObject { ["type"] = "Action.Submit", ["title"] = "Save", ["style"] = "positive", ["data"] = new JsonObject { ["verb"] = "plan.save", ["cid"] = "c-42", ["step"] = 3 } },
                    new JsonObject { ["type"] = "Action.Execute", ["title"] = "Check", ["verb"] = "plan.check", ["data"] = new JsonObject { ["cid"] = "c-42", ["step"] = 3 } },
                    new JsonObject { ["type"] = "Action.Submit", ["title"] = "Skip", ["associatedInputs"] = "none", ["data"] = new JsonObject { ["verb"] = "plan.skip" } },
                    new JsonObject { ["type"] = "Action.Submit", ["title"] = "Say hello", ["data"] = "hello" },
                    new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Regulations", ["url"] = "https://www.legislation.gov.uk/" },
                    new JsonObject { ["type"] = "Action.ToggleVisibility", ["title"] = "More", ["targetElements"] = new JsonArray("x") },
                    new JsonObject { ["type"] = "Action.Submit", ["title"] = "Later", ["isEnabled"] = false }),
            },
        ],
        [
            new JsonObject { ["type"] = "Action.Submit", ["title"] = "Main menu", ["data"] = new JsonObject { ["verb"] = "menu.show" } },
            new JsonObject
            {
                ["type"] = "Action.ShowCard",
                ["title"] = "Add a note",
                ["card"] = Card(
                    [new JsonObject { ["type"] = "Input.Text", ["id"] = "note", ["label"] = "Note", ["isMultiline"] = true }],
                    [new JsonObject { ["type"] = "Action.Submit", ["title"] = "Add", ["data"] = new JsonObject { ["verb"] = "note.add" } }]),
            },
        ]);

    /// <summary>A card over every limit that can be kept losslessly: long text, long labels, many facts, buttons and blocks.</summary>
    public static JsonObject OverTheLimits(out string longText, out string longHeading, out string longButton)
    {
        longText = string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"Paragraph {i}: " + string.Join(" ", Enumerable.Repeat("the child's story matters & so do <their> people.", 5))));
        longHeading = "A heading that is far too long for a Slack header block, because it goes on and on about keeping in touch after adoption, birth relatives and former foster carers";
        var button = longButton = "A button label far longer than the seventy-five characters a Slack button can show";
        var body = new List<JsonNode>
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = longHeading, ["style"] = "heading" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = longText, ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = new string('x', 3500) },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(Enumerable.Range(1, 23).Select(i => (JsonNode)new JsonObject { ["title"] = $"Fact {i}", ["value"] = $"Value {i}" })
                    .Append(new JsonObject { ["title"] = "A long fact", ["value"] = string.Concat(Enumerable.Repeat("long value ", 250)) }).ToArray()),
            },
        };
        body.AddRange(Enumerable.Range(1, 70).Select(i => (JsonNode)new JsonObject { ["type"] = "TextBlock", ["text"] = $"Line {i}" }));
        body.Add(new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray(Enumerable.Range(1, 30).Select(i => (JsonNode)new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = i == 1 ? button : $"Choice {i}",
                ["data"] = new JsonObject { ["verb"] = "pick", ["n"] = i },
            }).ToArray()),
        });
        return Card([.. body], []);
    }

    /// <summary>60 lines of text, then a form: the form must arrive whole in one message.</summary>
    public static JsonObject LongCardWithForm() => Card(
        [
            .. Enumerable.Range(1, 60).Select(i => (JsonNode)new JsonObject { ["type"] = "TextBlock", ["text"] = $"Line {i}" }),
            new JsonObject { ["type"] = "Input.Text", ["id"] = "answer", ["label"] = "Your answer" },
            Choices("pick", "Pick one", "expanded", multi: false, count: 3, value: null),
        ],
        [new JsonObject { ["type"] = "Action.Submit", ["title"] = "Send", ["data"] = new JsonObject { ["verb"] = "form.send", ["cid"] = "c-1", ["step"] = 2 } }]);

    /// <summary>A button whose data is over 2000 characters as JSON.</summary>
    public static JsonObject OversizedButtonData() => Card(
        [new JsonObject { ["type"] = "TextBlock", ["text"] = "Too much data" }],
        [new JsonObject { ["type"] = "Action.Submit", ["title"] = "Send", ["data"] = new JsonObject { ["verb"] = "x", ["blob"] = new string('a', 2100) } }]);

    public static JsonObject Card(JsonNode[] body, JsonNode[] actions) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(body),
        ["actions"] = new JsonArray(actions),
    };

    private static JsonObject Row(string a, string b) => new()
    {
        ["type"] = "TableRow",
        ["cells"] = new JsonArray(
            new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = a }) },
            new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = b }) }),
    };

    private static JsonObject Choices(string id, string label, string style, bool multi, int count, string? value)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = style,
            ["isMultiSelect"] = multi,
            ["placeholder"] = "Choose",
            ["choices"] = new JsonArray(Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject
            {
                ["title"] = i == 1 ? "The first choice, whose title is much longer than seventy-five characters allow in Slack" : $"Choice {i}",
                ["value"] = $"c{i}",
            }).ToArray()),
        };
        if (value is not null)
        {
            input["value"] = value;
        }

        return input;
    }
}
