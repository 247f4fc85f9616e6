using System.Text.Json.Nodes;
using KitBot.Channels.Slack;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Reviews;
using KitBot.Dialogs.Turns;
using KitBot.Tests.Channels.Slack.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace KitBot.Tests.Channels.Slack;

/// <summary>Slack payloads read as the core's inputs: which messages count, and what each slash command means.</summary>
public sealed class SlackPayloadReaderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void DirectMessage_IsTextFromThePerson()
    {
        var inbound = SlackPayloadReader.ReadEvent(SlackRequests.DirectMessage("  help &amp; <@UKITBOT>  me  "), Now);

        var request = inbound.Request!;
        Assert.Equal(SlackRequests.TeamId, inbound.TeamId);
        Assert.Equal(new TextInput("help & me"), request.Input);
        Assert.Equal(("DALICE", "UALICE", true), (request.ChannelId, request.UserId, request.IsDirect));
        Assert.Equal(SlackRequests.BotUserId, request.BotUserId);
    }

    [Theory]
    [InlineData("bot_id", "B123")]
    [InlineData("subtype", "message_changed")]
    [InlineData("subtype", "bot_message")]
    [InlineData("user", SlackRequests.BotUserId)]
    [InlineData("channel_type", "channel")]
    [InlineData("text", "   ")]
    public void MessagesThatAreNotAPersonsNewDirectMessage_AreIgnored(string field, string value)
    {
        var envelope = SlackRequests.DirectMessage("hello");
        envelope["event"]![field] = value;

        var inbound = SlackPayloadReader.ReadEvent(envelope, Now);

        Assert.Null(inbound.Request);
        Assert.NotNull(inbound.Ignored);
        Assert.Null(inbound.Problem);
    }

    [Fact]
    public void AppMention_LosesTheMention_AndRepliesInAThread()
    {
        var envelope = SlackRequests.Envelope(new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = "UBOB",
            ["channel"] = "CTEAM",
            ["text"] = "<@UKITBOT> help",
            ["ts"] = "1700000005.000300",
        });

        var request = SlackPayloadReader.ReadEvent(envelope, Now).Request!;

        Assert.Equal(new TextInput("help"), request.Input);
        Assert.False(request.IsDirect);
        Assert.Equal("1700000005.000300", request.ThreadTs);
    }

    [Fact]
    public void OpeningTheMessagesTab_StartsTheConversation()
    {
        var envelope = SlackRequests.Envelope(new JsonObject { ["type"] = "app_home_opened", ["user"] = "UALICE", ["channel"] = "DALICE", ["tab"] = "messages" });

        Assert.IsType<ConversationStartedInput>(SlackPayloadReader.ReadEvent(envelope, Now).Request!.Input);
    }

    [Fact]
    public void UrlVerification_EchoesTheChallenge()
    {
        var inbound = SlackPayloadReader.ReadEvent(new JsonObject { ["type"] = "url_verification", ["token"] = "t", ["challenge"] = "3eZbrw1aB" }, Now);

        Assert.Equal("3eZbrw1aB", inbound.Challenge);
    }

    [Theory]
    [InlineData("", "verb:" + MenuVerbs.Show)]
    [InlineData("help", "verb:" + KitBot.Dialogs.Engine.DialogVerbs.Help)]
    [InlineData("HELP", "verb:" + KitBot.Dialogs.Engine.DialogVerbs.Help)]
    [InlineData("consult", "verb:" + MenuVerbs.Consult)]
    [InlineData("roles", "verb:" + MenuVerbs.Roles)]
    [InlineData("reviews", "verb:" + ReviewVerbs.List)]
    [InlineData("plans", "verb:" + MenuVerbs.Plans)]
    [InlineData("start over", "verb:" + KitBot.Dialogs.Engine.DialogVerbs.StartOver)]
    [InlineData("my plans and reviews", "verb:" + MenuVerbs.Plans)]
    [InlineData("what about letterbox?", "text:what about letterbox?")]
    public async Task SlashCommandWords_AreWhatTheTeamsMenuSends(string words, string expected)
    {
        using var command = SlackRequests.Command(words);
        var form = await new FormReader(await command.Content!.ReadAsStringAsync()).ReadFormAsync();

        var request = SlackPayloadReader.ReadCommand(form, Now).Request!;

        // The words reach the one parser of typed commands, as a Teams message would.
        var actual = KitBot.Dialogs.Engine.TypedCommands.ActionOf(request.Input) is { } action
            ? "verb:" + action.Verb
            : request.Input is TextInput text ? "text:" + text.Text : "?";
        Assert.Equal(expected, actual);
        Assert.True(request.Ephemeral);
        Assert.Equal("https://hooks.slack.com/commands/T/1/abc", request.ResponseUrl);
    }

    [Fact]
    public void AButtonFromAnOldCard_CarriesItsDialogAndStep()
    {
        var button = new JsonObject
        {
            ["action_id"] = BlockKitTranslator.SubmitPrefix + "0",
            ["value"] = new JsonObject { ["verb"] = "intake.next", ["cid"] = "c-9", ["step"] = 2 }.ToJsonString(),
        };

        var action = Assert.IsType<CardActionInput>(SlackPayloadReader.ReadInteraction(SlackRequests.BlockActions(button), Now).Request!.Input).Action;

        Assert.Equal(("intake.next", "c-9", (int?)2), (action.Verb, action.DialogId, action.Step));
    }

    [Fact]
    public void ViewSubmission_IsTheModalsCardActionWithItsInputs_InItsChannel()
    {
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackRequests.TeamId },
            ["user"] = new JsonObject { ["id"] = "UALICE" },
            ["view"] = new JsonObject
            {
                ["private_metadata"] = new JsonObject { ["channel"] = "DALICE", ["data"] = new JsonObject { ["verb"] = "form.send", ["cid"] = "c-1", ["step"] = 4 } }.ToJsonString(),
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["answer"] = new JsonObject { ["ac.in.text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Yearly" } },
                    },
                },
            },
        };

        var request = SlackPayloadReader.ReadInteraction(payload, Now).Request!;

        var action = Assert.IsType<CardActionInput>(request.Input).Action;
        Assert.Equal(("form.send", "c-1", (int?)4, "Yearly"), (action.Verb, action.DialogId, action.Step, action.Values["answer"]));
        Assert.Equal("DALICE", request.ChannelId);
    }

    [Theory]
    [InlineData("ac.url.3", null)]
    [InlineData("someone_elses_button", "{\"verb\":\"x\"}")]
    [InlineData("ac.btn.0", "not json {")]
    [InlineData("ac.btn.0", "42")]
    public void ClicksThatAreNotKitBotSubmits_AreIgnored(string actionId, string? value)
    {
        var button = new JsonObject { ["action_id"] = actionId, ["value"] = value };

        var inbound = SlackPayloadReader.ReadInteraction(SlackRequests.BlockActions(button), Now);

        Assert.Null(inbound.Request);
        Assert.NotNull(inbound.Ignored);
    }

    [Fact]
    public void OpenTheFormPress_AsksForAModal_NotATurn()
    {
        var button = new JsonObject { ["action_id"] = BlockKitTranslator.OpenFormActionId, ["value"] = "f123", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Open the form" } };

        var inbound = SlackPayloadReader.ReadInteraction(SlackRequests.BlockActions(button, channel: "DFORM"), Now);

        Assert.Null(inbound.Request);
        Assert.Equal(new SlackFormRequest(SlackRequests.TeamId, "DFORM", "UALICE", "f123", "123.456.abc", "https://hooks.slack.com/actions/T/1/abc"), inbound.OpenForm);
    }

    [Fact]
    public void ModalSubmission_IsTheCardActionTeamsWouldSend_WithTheModalsInputs()
    {
        var view = new JsonObject
        {
            ["blocks"] = new JsonArray(),
            ["private_metadata"] = "{\"channel\":\"DFORM\",\"data\":{\"verb\":\"consult.factors\",\"cid\":\"c-9\",\"step\":\"4\"}}",
        };
        var state = new JsonObject
        {
            ["contact"] = new JsonObject { ["ac.in.choice"] = new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = "letterbox" } } },
            ["verb"] = new JsonObject { ["ac.in.text"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "sneaky" } },
        };

        var request = SlackPayloadReader.ReadInteraction(SlackRequests.ViewSubmission(view, state), Now).Request!;

        var action = Assert.IsType<CardActionInput>(request.Input).Action;
        Assert.Equal(("consult.factors", "c-9", (int?)4), (action.Verb, action.DialogId, action.Step));
        Assert.Equal("letterbox", action.Value("contact"));
        Assert.Equal(("DFORM", "UALICE", true), (request.ChannelId, request.UserId, request.IsDirect));
    }
}
