using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Menu;
using KitBot.Tests.Plans;
using KitBot.Tests.Support;

namespace KitBot.Tests.Privacy;

/// <summary>
/// Runs a whole consultation through a host's Teams endpoint, as a practitioner pressing each card's button,
/// reading the dialog id and step from the data the last step card was rendered with.
/// </summary>
internal sealed class HostConsultation(HttpClient client, RecordingTemplateEngine cards, string conversation, string user)
{
    public async Task RunCaseBAsync(string sentinel)
    {
        await PressAsync(new JsonObject { ["verb"] = MenuVerbs.Consult });
        await NextAsync("consult.child", ("ageBand", "5-10"), ("journey", "adopted"), ("wishes", "said"), ("childNote", sentinel + " child"));
        await NextAsync("consult.people", ("rel0", "birth-father"), ("label0", sentinel + " father"), ("rel1", "grandparent"), ("label1", sentinel + " grandmother"));
        await NextAsync("consult.person", ("f.child-positive", "yes"), ("n.child-positive", sentinel + " positive"), ("f.child-asks", "yes"),
            ("f.person-risk", "yes"), ("n.person-risk", sentinel + " risk"), ("f.person-accepts", "no"), ("f.person-opposes", "yes"));
        await NextAsync("consult.person", ("f.child-positive", "yes"), ("n.child-positive", sentinel + " second"), ("f.person-accepts", "yes"),
            ("f.person-risk", "no"), ("f.person-opposes", "no"));
        await NextAsync("consult.adopters", ("f.adopters-anxious", "yes"), ("n.adopters-anxious", sentinel + " adopters"), ("f.adopters-open", "yes"));
        await NextAsync("consult.finish");
        await NextAsync("consult.arrangement", ("kitFrequency", "once a year"), ("kitSupport", sentinel + " support"));
        await NextAsync("consult.arrangement", ("kitFrequency", "four times a year"));
    }

    public async Task NextAsync(string verb, params (string Key, string Value)[] values)
    {
        var card = cards.Data.Last(d => d.ContainsKey(StepCards.DialogIdKey));
        var value = new JsonObject
        {
            ["verb"] = verb,
            [StepCards.DialogIdKey] = card[StepCards.DialogIdKey]!.DeepClone(),
            [StepCards.StepKey] = card[StepCards.StepKey]!.DeepClone(),
        };
        foreach (var (key, text) in values)
        {
            value[key] = text;
        }

        await PressAsync(value);
    }

    public Task PressAsync(JsonObject value) => PostAsync(new JsonObject { ["value"] = value });

    public Task PressTextAsync(string text) => PostAsync(new JsonObject { ["text"] = text });

    private async Task PostAsync(JsonObject content)
    {
        var activity = TeamsActivities.Personal("https://smba.example.test/teams/", conversation, user, content);
        activity["timestamp"] = "2025-03-03T10:00:00Z";
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
