using System.Text.Json.Nodes;
using KitBot.Conversations;
using KitBot.Dialogs.Engine;
using KitBot.EndToEnd.Support;
using KitBot.Testing;
using KitBot.Storage;

namespace KitBot.EndToEnd;

/// <summary>
/// Draft plans in the Microsoft 365 Agents Playground, as a Teams user would meet them: finishing a consultation
/// brings the plan cards; a section edited and saved is what the plan shows when opened again from My plans; and
/// "Send as plain text" posts the section as a message.
/// </summary>
public sealed class PlanPlaygroundTests : IAsyncLifetime
{
    private KitBotServer _bot = null!;
    private AgentsPlayground _teams = null!;

    public async Task InitializeAsync()
    {
        _bot = await KitBotServer.StartAsync();
        _teams = await AgentsPlayground.StartAsync(_bot.MessagesUrl);
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task FinishedConsultation_BringsThePlan_ASavedEditIsKept_AndASectionGoesOutAsPlainText()
    {
        await _teams.InstallAsync();
        var card = await _teams.WaitForAsync(m => m.CardContains("Start a consultation"), what: "with the welcome card");

        // The consultation, card by card, with the values each card's Next button submits.
        card = await PressAsync(card, "menu.consult", [], m => m.CardContains("consult.child"), "the card about the child");
        card = await PressAsync(card, "consult.child", new() { ["ageBand"] = "2-4", ["journey"] = "placed", ["wishes"] = "shown", ["identity"] = "", ["childNote"] = "" },
            m => m.CardContains("consult.people"), "the card for who is important");
        card = await PressAsync(card, "consult.people", new() { ["rel0"] = "birth-mother", ["label0"] = "Birth mother", ["rel1"] = "sibling-apart", ["label1"] = "Older brother (7)" },
            m => m.Card is not null, "the first strengths and challenges card");
        card = await PressAsync(card, "consult.person", new() { ["f.child-positive"] = "yes", ["f.person-risk"] = "no", ["f.person-literacy"] = "yes", ["n.person-literacy"] = "Would like help with letters" },
            m => m.Card is not null, "the second person's card");
        card = await PressAsync(card, "consult.person", new() { ["f.child-asks"] = "yes", ["f.person-risk"] = "no" },
            m => m.Card is not null, "the adoptive parents' card");
        card = await PressAsync(card, "consult.adopters", new() { ["f.adopters-open"] = "yes", ["f.adults-low-conflict"] = "yes" },
            m => m.CardContains("consult.finish"), "the summary");
        card = await PressAsync(card, "consult.finish", [], m => m.CardContains("consult.arrangement"), "the first provisional plan card");
        card = await PressAsync(card, "consult.arrangement", new() { ["kitForms"] = "letterbox", ["kitFrequency"] = "twice a year" },
            m => m.CardContains("consult.arrangement"), "the second provisional plan card");

        var seen = _teams.Messages.Count;
        await SubmitAsync(card, "consult.arrangement", new() { ["kitForms"] = "sibling-meetings", ["kitFrequency"] = "every school holiday" });
        await _teams.WaitForAsync(m => m.Text?.Contains("here is a draft plan", StringComparison.Ordinal) == true, after: seen, what: "saying the plan is drafted");
        var planCard = await _teams.WaitForAsync(m => m.CardContains("plan.save") && m.CardContains("plan.text"), after: seen, what: "with the plan's first card");

        var plan = (await StateAsync()).Plans.Single();
        var purpose = plan.Section("purpose")!;
        Assert.Contains("Keeping in touch with the birth mother could", purpose.Text);
        const string Added = "Agreed with the team manager: letters first, then review.";

        // Edit the Purpose section in its text box and press Save changes.
        seen = _teams.Messages.Count;
        await SubmitAsync(planCard, "plan.save", new()
        {
            ["plan"] = plan.Id, ["section"] = "purpose", ["part"] = "1", ["rev"] = "0", ["text.purpose.1"] = purpose.Text + "\n" + Added,
        });
        await _teams.WaitForAsync(m => m.Text?.StartsWith("Saved.", StringComparison.Ordinal) == true, after: seen, what: "confirming the save");
        var saved = await _teams.WaitForAsync(m => m.CardContains("plan.save"), after: seen, what: "with the section as saved");
        AssertShows(saved, Added);

        // Later: My plans, open the plan, and send the section as plain text.
        seen = _teams.Messages.Count;
        await SubmitAsync(saved, "menu.plans", []);
        var list = await _teams.WaitForAsync(m => m.CardContains("plan.open"), after: seen, what: "with My plans");
        seen = _teams.Messages.Count;
        await SubmitAsync(list, "plan.open", new() { ["plan"] = plan.Id });
        var opened = await _teams.WaitForAsync(m => m.CardContains("plan.save"), after: seen, what: "with the plan opened again");
        AssertShows(opened, Added);

        seen = _teams.Messages.Count;
        await SubmitAsync(opened, "plan.text", new() { ["plan"] = plan.Id, ["section"] = "purpose" });
        var text = await _teams.WaitForAsync(m => m.Card is null && m.Text?.StartsWith("Purpose", StringComparison.Ordinal) == true, after: seen, what: "with the section as plain text");
        Assert.Contains("Keeping in touch with the birth mother could", text.Text);
        Assert.Contains(Added, text.Text);
        Assert.True(text.Attachments.Count == 0);
    }

    [Fact]
    public async Task ThreePeople_ConsultationToPlan_InAtMostTwelveCardSubmissions_WithTheAgreedPlanInIt()
    {
        await _teams.InstallAsync();
        var card = await _teams.WaitForAsync(m => m.CardContains("Start a consultation"), what: "with the welcome card");
        var presses = 0;
        async Task<PlaygroundMessage> Next(PlaygroundMessage on, string verb, Dictionary<string, string> values, string waitFor, string what)
        {
            presses++;
            return await PressAsync(on, verb, values, m => m.CardContains(waitFor), what);
        }

        card = await Next(card, "menu.consult", [], "consult.child", "the card about the child");
        card = await Next(card, "consult.child", new() { ["ageBand"] = "2-4", ["journey"] = "placed", ["wishes"] = "shown" }, "consult.people", "who is important");
        card = await Next(card, "consult.people", new()
        {
            ["rel0"] = "birth-mother", ["label0"] = "Birth mother", ["status0"] = "in-touch",
            ["rel1"] = "sibling-apart", ["label1"] = "Older brother (7)", ["status1"] = "adoptive-family",
            ["rel2"] = "birth-father", ["label2"] = "Birth father", ["status2"] = "whereabouts-unknown",
        }, "consult.person", "the first person's card");
        card = await Next(card, "consult.person", new() { ["f.child-positive"] = "yes", ["f.person-risk"] = "no", ["u.child"] = "true", ["u.person"] = "true" }, "consult.person", "the second person's card");
        card = await Next(card, "consult.person", new() { ["f.child-asks"] = "yes", ["f.person-risk"] = "no", ["u.child"] = "true", ["u.person"] = "true" }, "consult.person", "the third person's card");
        card = await Next(card, "consult.person", new() { ["f.person-risk"] = "unknown", ["u.child"] = "true", ["u.person"] = "true" }, "consult.adopters", "the adoptive parents' card");
        card = await Next(card, "consult.adopters", new() { ["f.adopters-open"] = "yes", ["u.adopters"] = "true", ["u.adults"] = "true" }, "consult.finish", "the summary");
        card = await Next(card, "consult.finish", [], "consult.arrangement", "the first provisional plan card");
        card = await Next(card, "consult.arrangement", new() { ["kitForms"] = "letterbox", ["kitFrequency"] = "twice a year", ["kitPresent"] = "letters only", ["kitOrganiser"] = "the letterbox service" }, "consult.arrangement", "the second plan card");
        card = await Next(card, "consult.arrangement", new() { ["kitForms"] = "sibling-meetings", ["kitFrequency"] = "every school holiday" }, "consult.arrangement", "the third plan card");
        presses++;
        var seen = _teams.Messages.Count;
        await SubmitAsync(card, "consult.arrangement", new() { ["kitLater"] = "true" });
        await _teams.WaitForAsync(m => m.CardContains("plan.save"), after: seen, what: "with the plan's first card");

        Assert.True(presses <= 12, $"{presses} card submissions");
        var kit = (await StateAsync()).Plans.Single().Section("kit")!.Text;
        Assert.Contains("Birth mother\nForm: letters, cards and photos through the agency's letterbox service. Who is present: letters only.", kit);
        Assert.Contains("How often: every school holiday.", kit);
        Assert.Contains("Birth father (whereabouts unknown)\nSuggested forms: a plan for if they reappear", kit, StringComparison.Ordinal);
    }

    /// <summary>Presses a button: submits its data and waits for the next message that matches.</summary>
    private async Task<PlaygroundMessage> PressAsync(
        PlaygroundMessage card, string verb, Dictionary<string, string> values, Func<PlaygroundMessage, bool> next, string what)
    {
        var seen = _teams.Messages.Count;
        await SubmitAsync(card, verb, values);
        return await _teams.WaitForAsync(next, after: seen, what: "with " + what);
    }

    /// <summary>Submits what the card's button sends: its data (verb, dialog stamp, ids) merged with the inputs.</summary>
    private async Task SubmitAsync(PlaygroundMessage card, string verb, Dictionary<string, string> values)
    {
        var value = card.ActionData(verb);
        foreach (var (key, text) in values)
        {
            value[key] = text;
        }

        await _teams.SubmitAsync(card, value);
    }

    private static void AssertShows(PlaygroundMessage card, string text) =>
        Assert.True(card.CardContains(text), "The plan card does not show the saved text.");

    private async Task<ConversationState> StateAsync()
    {
        var key = ConversationReference.StateKeyFor(ConversationReference.KeyFor("msteams", _teams.PersonalChatId), _teams.CurrentUserId);
        var stored = await _bot.Get<IConversationStore>().LoadStateAsync(key, CancellationToken.None);
        return ConversationStateSerializer.Deserialize(stored.Json);
    }
}
