using System.Net;
using KitBot.Channels.Slack;
using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Turns;
using KitBot.Requests;
using KitBot.Storage;
using KitBot.Tests.Channels.Slack.Support;

namespace KitBot.Tests.Requests;

/// <summary>Requests with the consultants' channel in Slack: posted with chat.postMessage, updated in place with chat.update.</summary>
public sealed class SlackRequestTests
{
    private const string Consultants = "CKITCONSULT";
    private const string PractitionerChat = "DPRAC1";
    private const string Practitioner = "UPRAC1";

    [Fact]
    public async Task IllTakeIt_InTheSlackChannel_UpdatesTheCardWithChatUpdate_AndTellsThePractitioner()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var bot = await SlackHost.StartAsync(slack,
            "Requests:Channel:Channel=slack", $"Requests:Channel:ConversationId={Consultants}", $"Requests:Channel:TenantId={SlackRequests.TeamId}");
        var chat = SlackSender.Reference(SlackRequests.TeamId, PractitionerChat, Practitioner, null, isGroup: false);
        await bot.Get<IConversationStore>().SaveReferenceAsync(chat, DateTimeOffset.UtcNow, CancellationToken.None);

        var confirmation = await bot.Get<ConsultationRequests>().HandleAsync(
            new Turn(new TurnUser(Practitioner), new TurnConversation(PractitionerChat), new CardActionInput(new CardAction(
                RequestVerbs.Submit, null, null, new Dictionary<string, string> { [RequestVerbs.Question] = "How do we plan sibling contact?" })), DateTimeOffset.UtcNow),
            chat, null, CancellationToken.None);
        var request = Assert.Single(await bot.Get<IRequestStore>().ListOpenAsync(10, CancellationToken.None));
        Assert.Contains(request.Reference, Assert.IsType<TextReply>(Assert.Single(confirmation!)).Text);

        var posted = (await slack.WaitForAsync(cs => cs.Any(c => c.Method == "chat.postMessage" && c.Channel == Consultants), "the request card"))
            .First(c => c.Method == "chat.postMessage" && c.Channel == Consultants);
        Assert.Contains("sibling contact", posted.Json);

        var button = SlackRequests.Button(posted.Blocks, "I'll take it");
        using var response = await bot.SendAsync(SlackRequests.Interaction(SlackRequests.BlockActions(button, channel: Consultants, user: "UCONSULT1")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var calls = await slack.WaitForAsync(
            cs => cs.Any(c => c.Method == "chat.update") && cs.Any(c => FakeSlackApi.IsPost(c, "has taken your request") && c.Channel == PractitionerChat),
            "the card updated and the practitioner told");
        var update = Assert.Single(calls, c => c.Method == "chat.update");
        Assert.Equal(Consultants, update.Channel);
        Assert.Equal(request.ChannelMessageId, update.Body["ts"]!.GetValue<string>());
        Assert.Contains("Taken by", update.Json);
        Assert.Equal(RequestState.Claimed, (await bot.Get<IRequestStore>().GetAsync(request.Id, CancellationToken.None))!.State);
    }
}
