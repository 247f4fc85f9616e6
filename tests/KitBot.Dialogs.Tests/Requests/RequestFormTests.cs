using KitBot.Dialogs.Content;
using KitBot.Dialogs.Requests;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Requests;

/// <summary>Reading the request form: the privacy check applies to everything that goes to the team.</summary>
public sealed class RequestFormTests
{
    private static readonly PracticeContent Content = PracticeContent.Load(null);

    private static CardAction Form(params (string Key, string Value)[] values) =>
        new(RequestVerbs.Submit, null, null, values.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void AFilledForm_IsReadAsADraft()
    {
        var draft = RequestForm.Read(
            Form((RequestVerbs.Question, "How do we plan sibling contact?"), (RequestVerbs.Urgency, "Today"), (RequestVerbs.Contact, "Phone"),
                (RequestVerbs.When, "Mornings"), (RequestVerbs.Share, "true"), (RequestVerbs.Summary, "Birth mother: letterbox twice a year.")),
            Content, out var problem);

        Assert.Null(problem);
        Assert.Equal(new RequestDraft("How do we plan sibling contact?", RequestUrgency.Today, RequestContact.Phone, "Mornings", "Birth mother: letterbox twice a year."), draft);
    }

    [Fact]
    public void NotSharing_LeavesTheSummaryOut() =>
        Assert.Null(RequestForm.Read(Form((RequestVerbs.Question, "A question?"), (RequestVerbs.Share, "false"), (RequestVerbs.Summary, "Summary.")), Content, out _)!.Summary);

    [Fact]
    public void NoQuestion_AsksForOne()
    {
        Assert.Null(RequestForm.Read(Form((RequestVerbs.Question, "  ")), Content, out var problem));
        Assert.Contains("what you would like to ask", problem);
    }

    [Theory]
    [InlineData(RequestVerbs.Question, "Can Auntie Sue keep visiting?")]
    [InlineData(RequestVerbs.When, "Call 07700 900123 after 2pm")]
    [InlineData(RequestVerbs.Question, "Email me at someone@example.org")]
    public void PersonalDetails_AreRefused_EvenASuspectedName(string field, string text)
    {
        var values = new Dictionary<string, string> { [RequestVerbs.Question] = "A question?", [field] = text };
        Assert.Null(RequestForm.Read(new CardAction(RequestVerbs.Submit, null, null, values), Content, out var problem));
        Assert.Contains("Nothing has been sent", problem);
        Assert.DoesNotContain(text, problem);
    }

    [Fact]
    public void ASharedSummaryWithAName_IsRefused() =>
        Assert.Null(RequestForm.Read(
            Form((RequestVerbs.Question, "A question?"), (RequestVerbs.Share, "true"), (RequestVerbs.Summary, "They met Sarah Jones last week.")), Content, out _));

    [Fact]
    public void UnknownChoices_FallBackToTheGentlestDefaults()
    {
        var draft = RequestForm.Read(Form((RequestVerbs.Question, "A question?"), (RequestVerbs.Urgency, "99"), (RequestVerbs.Contact, "Fax")), Content, out _);
        Assert.Equal(RequestUrgency.WhenConvenient, draft!.Urgency);
        Assert.Equal(RequestContact.TeamsChat, draft.Contact);
    }
}
