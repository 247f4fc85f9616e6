using System.Text.Json;
using KitBot.Channels.Teams;
using KitBot.Dialogs.Turns;

namespace KitBot.Tests.Channels.Teams;

public sealed class ActivityReaderTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, BotFrameworkJson.Options)!;

    [Fact]
    public void ChannelMessage_MentioningTheBot_HasTheMentionStripped()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>KitBot</at> start over please","recipient":{"id":"28:bot"},
             "conversation":{"id":"19:abc@thread.tacv2;messageid=1","conversationType":"channel","isGroup":true},
             "entities":[{"type":"mention","text":"<at>KitBot</at>","mentioned":{"id":"28:bot","name":"KitBot"}},
                         {"type":"clientInfo","locale":"en-GB"}]}
            """);

        var input = Assert.IsType<TextInput>(ActivityReader.Read(activity));

        Assert.Equal("start over please", input.Text);
    }

    [Fact]
    public void Message_MentioningSomeoneElse_KeepsThatMention()
    {
        var activity = Parse("""
            {"type":"message","text":"<at>KitBot</at> ask <at>Sam</at>","recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","text":"<at>KitBot</at>","mentioned":{"id":"28:bot"}},
                         {"type":"mention","text":"<at>Sam</at>","mentioned":{"id":"29:sam"}}]}
            """);

        Assert.Equal("ask <at>Sam</at>", Assert.IsType<TextInput>(ActivityReader.Read(activity)).Text);
    }

    [Fact]
    public void ActionSubmit_BecomesACardActionWithItsVerbStepAndInputs()
    {
        var activity = Parse("""
            {"type":"message","text":"","replyToId":"card-1",
             "value":{"verb":"consult.child","cid":"c-42","step":3,"ageBand":"4-6","wishesKnown":"shown,said","confirm":true}}
            """);

        var action = Assert.IsType<CardActionInput>(ActivityReader.Read(activity)).Action;

        Assert.Equal("consult.child", action.Verb);
        Assert.Equal("c-42", action.DialogId);
        Assert.Equal(3, action.Step);
        Assert.Equal("4-6", action.Value("ageBand"));
        Assert.Equal("shown,said", action.Value("wishesKnown"));
        Assert.Equal("true", action.Value("confirm"));
        Assert.False(action.Values.ContainsKey("verb"));
    }

    [Fact]
    public void ActionExecuteInvoke_TakesItsVerbFromTheAction()
    {
        var activity = Parse("""
            {"type":"invoke","name":"adaptiveCard/action",
             "value":{"action":{"type":"Action.Execute","verb":"menu.help","data":{"cid":"c-1","step":"2","note":"x"}},"trigger":"manual"}}
            """);

        var action = Assert.IsType<CardActionInput>(ActivityReader.Read(activity)).Action;

        Assert.Equal("menu.help", action.Verb);
        Assert.Equal(2, action.Step);
        Assert.Equal("x", action.Value("note"));
    }

    [Theory]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"bot"},"membersAdded":[{"id":"user"},{"id":"bot"}]}""", true)]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"bot"},"membersAdded":[{"id":"user"}]}""", false)]
    [InlineData("""{"type":"installationUpdate","action":"add"}""", true)]
    [InlineData("""{"type":"installationUpdate","action":"remove"}""", false)]
    [InlineData("""{"type":"typing"}""", false)]
    [InlineData("""{"type":"messageReaction"}""", false)]
    [InlineData("""{"type":"invoke","name":"composeExtension/query","value":{}}""", false)]
    [InlineData("""{"type":"message","text":"   "}""", false)]
    public void OnlyTheBotBeingAdded_StartsAConversation(string json, bool starts)
    {
        var input = ActivityReader.Read(Parse(json));

        Assert.Equal(starts, input is ConversationStartedInput);
    }

    [Fact]
    public void UnknownFields_RoundTrip()
    {
        var activity = Parse("""{"type":"message","text":"hi","futureField":{"a":[1,2]},"from":{"id":"u","futureAccountField":true}}""");

        var json = JsonSerializer.Serialize(activity, BotFrameworkJson.Options);

        Assert.Contains("\"futureField\":{\"a\":[1,2]}", json);
        Assert.Contains("\"futureAccountField\":true", json);
    }
}
