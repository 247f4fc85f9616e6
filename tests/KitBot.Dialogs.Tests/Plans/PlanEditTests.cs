using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Tests.Support;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Plans;

/// <summary>
/// Copy, edit, keep: a saved edit is what the plan shows from then on; a save from an old card never overwrites a
/// newer change; saving the same text twice is harmless; sections go out as plain text and as downloads.
/// </summary>
public sealed class PlanEditTests
{
    private const string Added = "Discussed with the team manager on the phone; we agreed to revisit after the first letter.";

    private static PlanSection Section(Transcript t, string id) => t.State.Plans[0].Section(id)!;

    [Fact]
    public void Save_ChangesWhatThePlanShows_FromThenOn()
    {
        var t = PlanScenarios.CaseB();
        var planId = t.State.Plans[0].Id;
        var edited = Section(t, PlanSectionIds.Purpose).Text + "\n" + Added;

        t.SaveSection(PlanSectionIds.Purpose, edited.Replace("\n", "\r\n") + "  \n");

        t.ExpectText("Saved. The plan now shows your changes to Purpose");
        var saved = Section(t, PlanSectionIds.Purpose);
        Assert.Equal(edited, saved.Text);
        Assert.True(saved.Edited);
        Assert.Equal(1, saved.Revision);
        Assert.Equal(t.State.LastActive, t.State.Plans[0].Updated);
        // The section comes back on a fresh card, at the new revision, marked as edited.
        var fresh = Assert.Single(t.PlanCards());
        var item = PlanScenarios.Item(fresh, PlanSectionIds.Purpose)!;
        Assert.Equal(edited, item["text"]!.GetValue<string>());
        Assert.Equal(1, item["rev"]!.GetValue<int>());
        Assert.True(item["isEdited"]!.GetValue<bool>());

        // Opened again from My plans, sent as text, or exported: the saved version.
        t.Menu(MenuVerbs.Plans).PlanAction(PlanVerbs.Open, planId);
        Assert.Equal(edited, t.SectionTexts()[PlanSectionIds.Purpose]);
        t.PlanAction(PlanVerbs.Text, planId, ("section", PlanSectionIds.Purpose));
        Assert.Equal("Purpose\n\n" + edited, Assert.Single(t.Replies.OfType<TextReply>()).Text);
        Assert.Equal(edited, PlanDocument.From(t.Content, t.State.Plans[0]).Sections[0].Text);
        // Other sections are untouched.
        Assert.All(t.State.Plans[0].Sections.Skip(1), s => Assert.False(s.Edited));
    }

    [Fact]
    public void Save_OfTheSameTextAgain_ChangesNothing()
    {
        var t = PlanScenarios.CaseA();
        var card = t.PlanCards()[0];
        var edited = Section(t, PlanSectionIds.Purpose).Text + "\n" + Added;
        t.SaveSection(PlanSectionIds.Purpose, edited, card: card);
        var before = t.StateJson;

        // A second click on the same button, from the same card, with the same text.
        t.SaveSection(PlanSectionIds.Purpose, edited, card: card);

        t.ExpectText("There are no changes to save in Purpose").ExpectNoCard();
        StateAssert.Unchanged(before, t);
        Assert.Equal(1, Section(t, PlanSectionIds.Purpose).Revision);
    }

    [Fact]
    public void Save_OfUntouchedText_ChangesNothing()
    {
        var t = PlanScenarios.CaseA();
        var before = t.StateJson;
        t.SaveSection(PlanSectionIds.People, Section(t, PlanSectionIds.People).Text);
        t.ExpectText("no changes to save");
        StateAssert.Unchanged(before, t);
        Assert.False(Section(t, PlanSectionIds.People).Edited);
    }

    [Fact]
    public void Save_FromACardSentBeforeTheLatestChange_IsNotApplied_AndShowsTheCurrentText()
    {
        var t = PlanScenarios.CaseC();
        var old = t.PlanCards()[0];
        var original = Section(t, PlanSectionIds.Purpose).Text;
        t.SaveSection(PlanSectionIds.Purpose, original + "\nFirst change.", card: old);
        var before = t.StateJson;

        // The old card still holds the original text, edited differently: saving it would undo the first change.
        t.SaveSection(PlanSectionIds.Purpose, original + "\nA different change.", card: old);

        t.ExpectText("Purpose has changed since that card was sent, so I have not saved that version");
        StateAssert.Unchanged(before, t);
        Assert.Equal(original + "\nFirst change.", Section(t, PlanSectionIds.Purpose).Text);
        var current = PlanScenarios.Item(Assert.Single(t.PlanCards()), PlanSectionIds.Purpose)!;
        Assert.Equal(original + "\nFirst change.", current["text"]!.GetValue<string>());
        Assert.Equal(1, current["rev"]!.GetValue<int>());

        // On the fresh card, the next change is saved.
        t.SaveSection(PlanSectionIds.Purpose, original + "\nFirst change.\nSecond change.");
        t.ExpectText("Saved.");
        Assert.Equal(2, Section(t, PlanSectionIds.Purpose).Revision);
    }

    [Fact]
    public void Save_OfAnEmptySection_KeepsWhatWasThere()
    {
        var t = PlanScenarios.CaseA();
        var before = t.StateJson;
        t.SaveSection(PlanSectionIds.Review, "   \n  ");
        t.ExpectText("The text for Reviewing the plan is empty, so I have kept what was there");
        StateAssert.Unchanged(before, t);
    }

    [Fact]
    public void Save_OfTextTooLongForOneCard_IsRefused()
    {
        var t = PlanScenarios.CaseA();
        var before = t.StateJson;
        t.SaveSection(PlanSectionIds.Review, string.Concat(Enumerable.Repeat("Подробности встречи. ", 800)));
        t.ExpectText("too long to fit on one Teams card");
        StateAssert.Unchanged(before, t);
    }

    [Fact]
    public void Save_WithWhatLooksLikeAName_IsNotStored_UntilKeptAsWritten()
    {
        var t = PlanScenarios.CaseB();
        var edited = Section(t, PlanSectionIds.Purpose).Text + "\nAsk Sarah Jones about the letterbox.";
        var before = t.StateJson;

        t.SaveSection(PlanSectionIds.Purpose, edited);

        t.ExpectText("looks as though it may contain a name").ExpectText("Nothing in the plan has changed");
        // The right button is named: a plan edit is saved with Save changes, not Next.
        t.ExpectText("press Save changes again");
        StateAssert.Unchanged(before, t);
        // The card comes back with what was typed and the choice to keep it as written.
        var card = Assert.Single(t.PlanCards());
        Assert.Equal(edited, PlanScenarios.Item(card, PlanSectionIds.Purpose)!["text"]!.GetValue<string>());
        Assert.True(card.Data["privacy"]!["allowKeep"]!.GetValue<bool>());
        Assert.Contains("press Save changes again", card.Data["privacy"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        t.SaveSection(PlanSectionIds.Purpose, edited, extra: ("privacyKeep", "true"));
        t.ExpectText("Saved.");
        Assert.Equal(edited, Section(t, PlanSectionIds.Purpose).Text);
    }

    [Fact]
    public void Save_WithAPhoneNumber_IsNotStored_EvenIfKeptAsWritten()
    {
        var t = PlanScenarios.CaseB();
        var before = t.StateJson;
        t.SaveSection(PlanSectionIds.Support, Section(t, PlanSectionIds.Support).Text + "\nCall on 07700 900123.", extra: ("privacyKeep", "true"));
        t.ExpectText("a phone number");
        StateAssert.Unchanged(before, t);
        Assert.False(Assert.Single(t.PlanCards()).Data["privacy"]!["allowKeep"]!.GetValue<bool>());
    }

    [Fact]
    public void Save_DoesNotCheckTheDraftsOwnWords_OnlyWhatWasAdded()
    {
        // The draft itself names guides and services in capitals; rewording a line of it is not flagged.
        var t = PlanScenarios.CaseA();
        var text = Section(t, PlanSectionIds.Support).Text.Replace("Suggested: Offer help", "Suggested: offer help", StringComparison.Ordinal);
        t.SaveSection(PlanSectionIds.Support, text);
        t.ExpectText("Saved.");
    }

    [Fact]
    public void LongSection_IsSplitIntoParts_WithinTheBudget_AndEachPartSavesOnItsOwn()
    {
        var t = PlanScenarios.Largest();
        var strengths = Section(t, PlanSectionIds.Strengths).Text;
        var items = t.PlanCards().Select(c => PlanScenarios.Item(c, PlanSectionIds.Strengths, 2)).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
        var second = Assert.Single(items);
        var parts = second["partLabel"]!.GetValue<string>();
        Assert.StartsWith("Part 2 of ", parts);
        Assert.True(second["hasPart"]!.GetValue<bool>());

        var original = second["text"]!.GetValue<string>();
        t.SaveSection(PlanSectionIds.Strengths, original + "\nAdded to part two.", part: 2);

        t.ExpectText("Saved.");
        var saved = Section(t, PlanSectionIds.Strengths).Text;
        Assert.Equal(strengths.Replace(original, original + "\nAdded to part two.", StringComparison.Ordinal), saved);
        // Every part of the section comes back, each within the part budget, and they join into the saved text.
        var back = t.PlanCards().SelectMany(c => c.Data["sections"]!.AsArray()).Select(s => s!["text"]!.GetValue<string>()).ToList();
        Assert.True(back.Count > 1);
        Assert.All(back, p => Assert.True(PlanWriting.JsonBytes(p) <= PlanParts.Budget));
        Assert.Equal(saved.Replace("\n", "", StringComparison.Ordinal), string.Concat(back).Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void SendAsPlainText_PostsTheSectionAsAMessage()
    {
        var t = PlanScenarios.CaseB();
        var plan = t.State.Plans[0];
        var before = t.StateJson;

        t.PlanAction(PlanVerbs.Text, plan.Id, ("section", PlanSectionIds.KeepingInTouch));

        var message = Assert.Single(t.Replies.OfType<TextReply>());
        Assert.Equal("Provisional keeping in touch plan\n\n" + plan.Section(PlanSectionIds.KeepingInTouch)!.Text, message.Text);
        t.ExpectNoCard();
        StateAssert.Unchanged(before, t);
    }

    [Fact]
    public void SendAsPlainText_OfALongSection_ComesInParts_EachFittingAMessage()
    {
        var t = PlanScenarios.NonLatin();
        var plan = t.State.Plans[0];
        t.PlanAction(PlanVerbs.Text, plan.Id, ("section", PlanSectionIds.Strengths));
        var messages = t.Replies.OfType<TextReply>().ToList();
        Assert.True(messages.Count > 1);
        Assert.StartsWith("Strengths and challenges (part 1 of " + messages.Count + ")\n\n", messages[0].Text);
        Assert.All(messages, m => Assert.True(PlanWriting.JsonBytes(m.Text) < 20 * 1024));
    }

    [Fact]
    public void Download_AsksTheHostForALink_ToThisPlan()
    {
        var t = PlanScenarios.CaseA();
        var plan = t.State.Plans[0];

        t.PlanAction(PlanVerbs.Export, plan.Id, ("format", "docx"));
        var word = Assert.Single(t.Replies.OfType<DownloadReply>());
        Assert.Equal(new DownloadReply(plan.Id, PlanFormat.Word, plan.Title + ", as a Word document.", "Download as Word"), word);

        t.PlanAction(PlanVerbs.Export, plan.Id, ("format", "txt"));
        Assert.Equal(PlanFormat.Text, Assert.Single(t.Replies.OfType<DownloadReply>()).Format);
    }

    [Fact]
    public void Download_InAGroupConversation_IsOnlyOfferedInThePersonalChat()
    {
        var t = PlanScenarios.CaseA();
        t.InGroup = true;
        t.PlanAction(PlanVerbs.Export, t.State.Plans[0].Id, ("format", "docx"));
        t.ExpectText("only offer downloads in your personal chat");
        Assert.Empty(t.Replies.OfType<DownloadReply>());
    }

    [Fact]
    public void PlanActions_OnADeletedPlan_ChangeNothing_AndSaySo()
    {
        var t = PlanScenarios.CaseA();
        var card = t.PlanCards()[0];
        var id = t.State.Plans[0].Id;
        t.PlanAction(PlanVerbs.DeleteConfirmed, id);
        var before = t.StateJson;

        t.SaveSection(PlanSectionIds.Purpose, "Anything", card: card);
        t.ExpectText("no longer in My plans");
        t.PlanAction(PlanVerbs.Text, id, ("section", PlanSectionIds.Purpose)).ExpectText("no longer in My plans");
        t.PlanAction(PlanVerbs.Export, id, ("format", "docx")).ExpectText("no longer in My plans");
        StateAssert.Unchanged(before, t);
    }

    [Fact]
    public void EditingAPlan_WhileAConsultationIsInProgress_LeavesTheConsultationWhereItWas()
    {
        var t = PlanScenarios.CaseA();
        var card = t.PlanCards()[0];
        t.StartConsultation().AnswerChild("5-10", "placed", "said");
        var dialog = t.State.Dialog;
        var consultationCard = t.LastCard;

        t.SaveSection(PlanSectionIds.Purpose, Section(t, PlanSectionIds.Purpose).Text + "\n" + Added, card: card);

        t.ExpectText("Saved.");
        Assert.Equal(dialog, t.State.Dialog);
        // The consultation's card still works: plan cards do not move the dialog's steps on.
        t.Submit(consultationCard, ("rel0", "birth-mother")).ExpectCard(KitBot.Dialogs.Consultation.ConsultationTemplates.Factors);
    }
}
