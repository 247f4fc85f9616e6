using System.Text.Json.Nodes;
using KitBot.Channels.Slack;
using KitBot.Dialogs.Turns;
using KitBot.Tests.Channels.Slack.Support;

namespace KitBot.Tests.Channels.Slack;

/// <summary>The Adaptive Card to Block Kit translation: what each element becomes, and Block Kit's limits kept without silent loss.</summary>
public sealed class BlockKitTranslatorTests
{
    private static JsonArray Blocks(IReadOnlyList<SlackMessage> messages) => new([.. messages.SelectMany(m => m.Blocks).Select(b => b!.DeepClone())]);

    private static JsonObject Block(JsonArray blocks, string blockId) =>
        blocks.OfType<JsonObject>().Single(b => b["block_id"]?.GetValue<string>() == blockId);

    private static string AllText(JsonArray blocks) => blocks.ToJsonString();

    private static IEnumerable<string> SectionTexts(JsonArray blocks) =>
        blocks.OfType<JsonObject>().Select(b => b["text"]?["text"]?.GetValue<string>() ?? "");

    [Fact]
    public void EveryElement_BecomesTheMatchingBlocks()
    {
        var messages = BlockKitTranslator.ToMessages(SampleCards.EveryElement(), "A review & more");
        var message = Assert.Single(messages);
        Assert.Empty(BlockKitLimits.Violations(message.Blocks));
        Assert.Equal("A review &amp; more", message.Text);
        var blocks = message.Blocks;
        var json = AllText(blocks);

        var header = blocks.OfType<JsonObject>().First();
        Assert.Equal("header", header["type"]!.GetValue<string>());
        Assert.Equal("Keeping in touch: a review", header["text"]!["text"]!.GetValue<string>());

        var prose = SectionTexts(blocks).Single(t => t.StartsWith("Contact with", StringComparison.Ordinal));
        Assert.Equal(
            "Contact with birth mother &amp; siblings &lt;under review&gt; is *important* for _identity_. See <https://example.org/kit?a=1&amp;b=2|guidance>.\n• letterbox twice a year\n• a visit in summer",
            prose);
        Assert.Contains("*Bold line*", SectionTexts(blocks));
        Assert.Contains(blocks.OfType<JsonObject>(), b => b["type"]!.GetValue<string>() == "context" && b.ToJsonString().Contains("A subtle aside.", StringComparison.Ordinal));
        Assert.Contains("Plain start, *bold* _italic_ ~struck~ `code`", SectionTexts(blocks));

        var facts = blocks.OfType<JsonObject>().Single(b => b["fields"] is not null)["fields"]!.AsArray();
        Assert.Equal(["*Child*", "age band 5 to 10", "*Plan*", "letterbox &amp; one visit"], facts.Select(f => f!["text"]!.GetValue<string>()));

        Assert.Contains(blocks.OfType<JsonObject>(), b => b["type"]!.GetValue<string>() == "image" && b["image_url"]!.GetValue<string>() == "https://example.org/kit.png");
        Assert.Contains("An image that Slack cannot show: An inline image", json);
        Assert.Contains("<https://example.org/kit.mp4|A short film>", SectionTexts(blocks));
        Assert.Contains("*Person  |  Form of contact*\nBirth mother  |  Letterbox\nSibling (10 to 15)  |  Visits", SectionTexts(blocks));
        Assert.Contains(blocks.OfType<JsonObject>(), b => b["type"]!.GetValue<string>() == "divider");

        // Inputs: the block id is the Adaptive Card input id.
        var summary = Block(blocks, "summary");
        Assert.False(summary["optional"]!.GetValue<bool>());
        Assert.Equal("plain_text_input", summary["element"]!["type"]!.GetValue<string>());
        Assert.Equal("A sentence or two", summary["element"]!["placeholder"]!["text"]!.GetValue<string>());
        var purpose = Block(blocks, "purpose")["element"]!;
        Assert.True(purpose["multiline"]!.GetValue<bool>());
        Assert.Equal("To help the child know their story.\nReviewed yearly.", purpose["initial_value"]!.GetValue<string>());
        Assert.Equal("Purpose of the plan", Block(blocks, "purpose")["label"]!["text"]!.GetValue<string>());
        Assert.Equal("number_input", Block(blocks, "visits")["element"]!["type"]!.GetValue<string>());
        Assert.Equal("2026-03-01", Block(blocks, "review")["element"]!["initial_date"]!.GetValue<string>());
        Assert.Equal("09:30", Block(blocks, "when")["element"]!["initial_time"]!.GetValue<string>());

        var form = Block(blocks, "form")["element"]!;
        Assert.Equal("radio_buttons", form["type"]!.GetValue<string>());
        Assert.Equal("c2", form["initial_option"]!["value"]!.GetValue<string>());
        Assert.Equal("static_select", Block(blocks, "present")["element"]!["type"]!.GetValue<string>());
        var supports = Block(blocks, "supports")["element"]!;
        Assert.Equal("checkboxes", supports["type"]!.GetValue<string>());
        Assert.Equal(["c1", "c3"], supports["initial_options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()));
        Assert.Equal("multi_static_select", Block(blocks, "people")["element"]!["type"]!.GetValue<string>());
        var authority = Block(blocks, "authority")["element"]!;
        Assert.Equal([100, 50], authority["option_groups"]!.AsArray().Select(g => g!["options"]!.AsArray().Count));
        Assert.Equal("c120", authority["initial_option"]!["value"]!.GetValue<string>());

        // A choice title over 75 characters is shortened in the option, and shown in full in the hint.
        var firstOption = form["options"]![0]!["text"]!["text"]!.GetValue<string>();
        Assert.True(firstOption.Length <= 75 && firstOption.EndsWith('…'));
        Assert.Contains("The first choice, whose title is much longer than seventy-five characters allow in Slack", Block(blocks, "form")["hint"]!["text"]!.GetValue<string>());

        var consent = Block(blocks, "consent")["element"]!;
        Assert.Equal("checkboxes", consent["type"]!.GetValue<string>());
        Assert.Equal("ac.toggle.no", consent["action_id"]!.GetValue<string>());
        Assert.Equal("yes", consent["initial_options"]![0]!["value"]!.GetValue<string>());
        Assert.Null(Block(blocks, "urgent")["element"]!["initial_options"]);

        // Unknown elements: the author's fallback, a deliberate drop, or a visible note.
        Assert.Contains("Rating shown as text", SectionTexts(blocks));
        Assert.DoesNotContain("ProgressBar", json);
        Assert.Contains("Part of this card (CodeBlock) cannot be shown in Slack.", json);

        // Buttons carry the action's data as JSON; every action id is unique.
        var buttons = SlackRequests.Elements(blocks).Where(e => e["type"]!.GetValue<string>() == "button").ToList();
        Assert.Equal(buttons.Count, buttons.Select(b => b["action_id"]!.GetValue<string>()).Distinct().Count());
        var save = SlackRequests.Button(blocks, "Save");
        Assert.Equal("primary", save["style"]!.GetValue<string>());
        Assert.Equal(new JsonObject { ["verb"] = "plan.save", ["cid"] = "c-42", ["step"] = 3 }.ToJsonString(), save["value"]!.GetValue<string>());
        Assert.Contains("\"verb\":\"plan.check\"", SlackRequests.Button(blocks, "Check")["value"]!.GetValue<string>());
        Assert.StartsWith(BlockKitTranslator.SubmitWithoutInputsPrefix, SlackRequests.Button(blocks, "Skip")["action_id"]!.GetValue<string>());
        Assert.Equal("\"hello\"", SlackRequests.Button(blocks, "Say hello")["value"]!.GetValue<string>());
        Assert.Equal("https://www.legislation.gov.uk/", SlackRequests.Button(blocks, "Regulations")["url"]!.GetValue<string>());
        Assert.Equal("https://example.org/kit", SlackRequests.Button(blocks, "Open diagram")["url"]!.GetValue<string>());
        Assert.Contains("\"verb\":\"menu.roles\"", SlackRequests.Button(blocks, "Role guidance")["value"]!.GetValue<string>());
        Assert.Contains("\"verb\":\"pick.right\"", SlackRequests.Button(blocks, "Pick right")["value"]!.GetValue<string>());
        Assert.Contains("Later (not available now)", json);
        Assert.DoesNotContain(buttons, b => b["text"]!["text"]!.GetValue<string>() == "More");

        // A ShowCard's card is shown at once under its title.
        Assert.Contains("*Add a note*", SectionTexts(blocks));
        Assert.Equal("plain_text_input", Block(blocks, "note")["element"]!["type"]!.GetValue<string>());
        Assert.Contains("note.add", SlackRequests.Button(blocks, "Add")["value"]!.GetValue<string>());
    }

    [Fact]
    public void OverTheLimits_SplitsAndShortensWithoutLosingAnything()
    {
        var card = SampleCards.OverTheLimits(out var longText, out var longHeading, out var longButton);

        var messages = BlockKitTranslator.ToMessages(card, "Long");

        Assert.True(messages.Count >= 2, $"expected the card across several messages, got {messages.Count}");
        Assert.All(messages, m => Assert.Empty(BlockKitLimits.Violations(m.Blocks)));
        Assert.Equal("Long (continued)", messages[1].Text);
        var blocks = Blocks(messages);
        var texts = SectionTexts(blocks).ToList();

        // A heading too long for a header stays whole, as bold text.
        Assert.Contains($"*{longHeading}*", texts);
        // Long text is split at paragraph breaks; every paragraph arrives, escaped.
        var joined = string.Join("\n\n", texts);
        Assert.Contains(BlockKitTranslator.Escape(longText), joined);
        Assert.Equal(3500, texts.Where(t => t.Length > 0 && t.All(c => c == 'x')).Sum(t => t.Length));
        // Facts: at most 10 fields a section; the fact too long for a field gets a section.
        var fieldSections = blocks.OfType<JsonObject>().Where(b => b["fields"] is not null).ToList();
        Assert.Equal(46, fieldSections.Sum(b => b["fields"]!.AsArray().Count));
        Assert.Contains(texts, t => t.StartsWith("*A long fact*\nlong value", StringComparison.Ordinal));
        // Every line, in order.
        var lines = texts.Where(t => t.StartsWith("Line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 70).Select(i => $"Line {i}"), lines);
        // 30 buttons: 25 and 5; the long label shortened, with a visible note saying it in full.
        var actions = blocks.OfType<JsonObject>().Where(b => b["type"]!.GetValue<string>() == "actions").ToList();
        Assert.Equal([25, 5], actions.Select(a => a["elements"]!.AsArray().Count));
        var shortened = actions[0]["elements"]![0]!["text"]!["text"]!.GetValue<string>();
        Assert.True(shortened.Length <= 75 && shortened.EndsWith('…'), shortened);
        Assert.Contains($"Some button labels are shortened. In full: {longButton}", blocks.ToJsonString());
    }

    [Fact]
    public void LongCardWithForm_KeepsTheFormInOneMessage()
    {
        var messages = BlockKitTranslator.ToMessages(SampleCards.LongCardWithForm(), "Form");

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Empty(BlockKitLimits.Violations(m.Blocks)));
        var last = messages[^1].Blocks;
        Assert.Contains(last.OfType<JsonObject>(), b => b["block_id"]?.GetValue<string>() == "answer");
        Assert.Contains(last.OfType<JsonObject>(), b => b["block_id"]?.GetValue<string>() == "pick");
        Assert.Contains("form.send", SlackRequests.Button(last, "Send")["value"]!.GetValue<string>());
        Assert.Equal(60, Blocks(messages).OfType<JsonObject>().Count(b => b["text"]?["text"]?.GetValue<string>()?.StartsWith("Line ", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void ButtonDataOver2000Characters_FailsLoudly()
    {
        var e = Assert.Throws<BlockKitLimitException>(() => BlockKitTranslator.ToMessages(SampleCards.OversizedButtonData(), "x"));
        Assert.Equal("button value", e.Limit);
    }

    [Fact]
    public void AFormOverOneMessage_FailsLoudly()
    {
        var inputs = Enumerable.Range(1, 55).Select(i => (JsonNode)new JsonObject { ["type"] = "Input.Text", ["id"] = $"q{i}", ["label"] = $"Question {i}" }).ToArray();
        var card = SampleCards.Card(inputs, [new JsonObject { ["type"] = "Action.Submit", ["title"] = "Send", ["data"] = new JsonObject { ["verb"] = "x" } }]);

        var e = Assert.Throws<BlockKitLimitException>(() => BlockKitTranslator.ToMessages(card, "x"));
        Assert.Equal("blocks per message", e.Limit);
        // A modal holds 100 blocks: the same form fits there.
        var view = BlockKitTranslator.ToModal(card, "A long form for a modal title", "{}");
        Assert.Equal(56, view["blocks"]!.AsArray().Count);
        Assert.Equal(24, view["title"]!["text"]!.GetValue<string>().Length);
        Assert.Empty(BlockKitLimits.Violations(view["blocks"]!.AsArray(), maxBlocks: 100));
    }

    [Fact]
    public void EveryTemplate_TranslatesWithinTheLimits()
    {
        foreach (var (name, card, summary) in TemplateCards.All())
        {
            var translated = BlockKitTranslator.Translate(card, summary, "form-1");
            Assert.NotEmpty(translated.Messages);
            foreach (var message in translated.Messages)
            {
                var violations = BlockKitLimits.Violations(message.Blocks);
                Assert.True(violations.Count == 0, $"{name}: {string.Join("; ", violations)}");
            }

            if (translated.Form is { } form)
            {
                // Too large for a message: the form is one press away, in a modal within its limits.
                Assert.Equal("form-1", SlackRequests.Button(translated.Messages[^1].Blocks, BlockKitTranslator.OpenFormTitle)["value"]!.GetValue<string>());
                var view = BlockKitTranslator.FormModal(form, "{\"channel\":\"D1\",\"data\":{}}");
                var violations = BlockKitLimits.Violations(view["blocks"]!.AsArray(), maxBlocks: BlockKitTranslator.MaxBlocksPerModal);
                Assert.True(violations.Count == 0, $"{name} (modal): {string.Join("; ", violations)}");
            }
        }
    }

    [Fact]
    public void AFormOverOneMessage_GoesToAModal_WhoseSubmitIsTheFormsSendButton()
    {
        var inputs = Enumerable.Range(1, 55).Select(i => (JsonNode)new JsonObject { ["type"] = "Input.Text", ["id"] = $"q{i}", ["label"] = $"Question {i}" }).ToArray();
        var card = SampleCards.Card(
            [new JsonObject { ["type"] = "TextBlock", ["text"] = "About the consultation" }, .. inputs],
            [
                new JsonObject { ["type"] = "Action.Submit", ["title"] = "Back", ["data"] = new JsonObject { ["verb"] = "consult.back", ["cid"] = "c-9", ["step"] = 4 } },
                new JsonObject { ["type"] = "Action.Submit", ["title"] = "Save answers", ["style"] = "positive", ["data"] = new JsonObject { ["verb"] = "consult.factors", ["cid"] = "c-9", ["step"] = 4 } },
            ]);

        var translated = BlockKitTranslator.Translate(card, "Consultation: the factors", "f123");

        var message = Assert.Single(translated.Messages);
        Assert.Contains("About the consultation", message.Blocks.ToJsonString());
        Assert.DoesNotContain(SlackRequests.Elements(message.Blocks), e => e["type"]?.GetValue<string>() is "plain_text_input");
        var open = SlackRequests.Button(message.Blocks, "Open the form");
        Assert.Equal(BlockKitTranslator.OpenFormActionId, open["action_id"]!.GetValue<string>());
        Assert.Equal("f123", open["value"]!.GetValue<string>());

        var form = translated.Form!;
        var view = BlockKitTranslator.FormModal(form, "{\"channel\":\"D1\",\"data\":{}}");
        var blocks = view["blocks"]!.AsArray();
        Assert.Equal(55, blocks.Count(b => b!["type"]!.GetValue<string>() == "input"));
        Assert.Equal("Save answers", view["submit"]!["text"]!.GetValue<string>());
        Assert.Equal("consult.factors", form.SubmitData!["verb"]!.GetValue<string>());
        // The other button stays in the modal; the submit is not offered twice.
        Assert.Contains("consult.back", SlackRequests.Button(blocks, "Back")["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(SlackRequests.Elements(blocks), e => e["text"]?["text"]?.GetValue<string>() == "Save answers");
        Assert.Empty(BlockKitLimits.Violations(blocks, maxBlocks: 100));
    }

    [Fact]
    public void AFormOverOneMessage_WithNoButtonToSendIt_FailsLoudly()
    {
        var inputs = Enumerable.Range(1, 55).Select(i => (JsonNode)new JsonObject { ["type"] = "Input.Text", ["id"] = $"q{i}", ["label"] = $"Question {i}" }).ToArray();
        var card = SampleCards.Card(inputs, [new JsonObject { ["type"] = "Action.Submit", ["title"] = "Say hello", ["data"] = "hello" }]);

        var e = Assert.Throws<BlockKitLimitException>(() => BlockKitTranslator.Translate(card, "x", "f"));
        Assert.Equal("modal submit", e.Limit);
    }

    [Fact]
    public void AFormOverAModal_FailsLoudly()
    {
        var inputs = Enumerable.Range(1, 120).Select(i => (JsonNode)new JsonObject { ["type"] = "Input.Text", ["id"] = $"q{i}", ["label"] = $"Question {i}" }).ToArray();
        var card = SampleCards.Card(inputs, [new JsonObject { ["type"] = "Action.Submit", ["title"] = "Send", ["data"] = new JsonObject { ["verb"] = "x" } }]);

        var e = Assert.Throws<BlockKitLimitException>(() => BlockKitTranslator.Translate(card, "x", "f"));
        Assert.Equal("blocks per modal", e.Limit);
    }

    [Fact]
    public void PressingAButton_BringsItsDataAndTheMessagesInputs_AsTheCoreCardAction()
    {
        var blocks = Blocks(BlockKitTranslator.ToMessages(SampleCards.EveryElement(), "x"));
        var state = SlackState(blocks);

        var action = Press(blocks, "Save", state);

        Assert.Equal("plan.save", action.Verb);
        Assert.Equal("c-42", action.DialogId);
        Assert.Equal(3, action.Step);
        var expected = new Dictionary<string, string>
        {
            ["summary"] = "",
            ["purpose"] = "To help the child know their story.\nReviewed yearly.",
            ["visits"] = "2",
            ["review"] = "2026-03-01",
            ["when"] = "09:30",
            ["form"] = "c2",
            ["present"] = "",
            ["supports"] = "c1,c3",
            ["people"] = "c2,c12",
            ["authority"] = "c120",
            ["consent"] = "yes",
            ["urgent"] = "false",
            ["note"] = "",
        };
        Assert.Equal(expected.OrderBy(p => p.Key), action.Values.OrderBy(p => p.Key));

        Assert.Equal("plan.check", Press(blocks, "Check", state).Verb);
        var skip = Press(blocks, "Skip", state);
        Assert.Equal("plan.skip", skip.Verb);
        Assert.Empty(skip.Values);
        Assert.Equal("menu.roles", Press(blocks, "Role guidance", state).Verb);
        Assert.Equal("right", Press(blocks, "Pick right", state).Values["side"]);
    }

    [Fact]
    public void AStringDataButton_IsThePersonSayingIt()
    {
        var blocks = Blocks(BlockKitTranslator.ToMessages(SampleCards.EveryElement(), "x"));
        var payload = SlackRequests.BlockActions(SlackRequests.Button(blocks, "Say hello"));

        var input = SlackPayloadReader.ReadInteraction(payload, DateTimeOffset.UnixEpoch).Request!.Input;

        Assert.Equal(new TextInput("hello"), input);
    }

    [Fact]
    public void ChangedAnswers_ComeBackAsTheAdaptiveCardWouldSubmitThem()
    {
        var blocks = Blocks(BlockKitTranslator.ToMessages(SampleCards.EveryElement(), "x"));
        var state = SlackState(blocks);
        state["summary"]!["ac.in.text"]!["value"] = "A new summary";
        state["consent"]!["ac.toggle.no"]!["selected_options"] = new JsonArray();
        state["supports"]!["ac.in.multi"]!["selected_options"] = new JsonArray(new JsonObject { ["value"] = "c5" });
        // Someone typing an input called "verb" cannot change what the button means.
        state["verb"] = new JsonObject { ["ac.in.text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "menu.help" } };

        var action = Press(blocks, "Save", state);

        Assert.Equal("plan.save", action.Verb);
        Assert.Equal("A new summary", action.Values["summary"]);
        Assert.Equal("no", action.Values["consent"]);
        Assert.Equal("c5", action.Values["supports"]);
    }

    [Fact]
    public void Mrkdwn_EscapesTheThreeSpecialCharacters()
    {
        Assert.Equal("a &amp; b &lt;c&gt;", BlockKitTranslator.Escape("a & b <c>"));
        Assert.Equal("*x* and _y_", BlockKitTranslator.ToMrkdwn("**x** and *y*"));
        Assert.Equal("<https://a.example/?q=1&amp;r=%7C|the &lt;link&gt;>", BlockKitTranslator.ToMrkdwn("[the <link>](https://a.example/?q=1&r=|)"));
    }

    private static CardAction Press(JsonArray blocks, string title, JsonObject state)
    {
        var payload = SlackRequests.BlockActions(SlackRequests.Button(blocks, title), state: (JsonObject)state.DeepClone());
        var inbound = SlackPayloadReader.ReadInteraction(payload, DateTimeOffset.UnixEpoch);
        return Assert.IsType<CardActionInput>(inbound.Request!.Input).Action;
    }

    /// <summary>What Slack puts in <c>state.values</c> for these blocks when nobody changed anything: the initial values.</summary>
    private static JsonObject SlackState(JsonArray blocks)
    {
        var values = new JsonObject();
        foreach (var block in blocks.OfType<JsonObject>().Where(b => b["type"]!.GetValue<string>() == "input"))
        {
            var element = block["element"]!.AsObject();
            var type = element["type"]!.GetValue<string>();
            var state = new JsonObject { ["type"] = type };
            switch (type)
            {
                case "plain_text_input" or "number_input":
                    state["value"] = element["initial_value"]?.DeepClone();
                    break;
                case "datepicker":
                    state["selected_date"] = element["initial_date"]?.DeepClone();
                    break;
                case "timepicker":
                    state["selected_time"] = element["initial_time"]?.DeepClone();
                    break;
                case "radio_buttons" or "static_select":
                    state["selected_option"] = element["initial_option"]?.DeepClone();
                    break;
                default:
                    state["selected_options"] = element["initial_options"]?.DeepClone() ?? new JsonArray();
                    break;
            }

            values[block["block_id"]!.GetValue<string>()] = new JsonObject { [element["action_id"]!.GetValue<string>()] = state };
        }

        return values;
    }
}
