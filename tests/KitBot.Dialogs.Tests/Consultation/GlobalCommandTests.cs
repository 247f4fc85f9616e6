using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Roles;
using KitBot.Dialogs.Tests.Support;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Consultation;

/// <summary>help, back, start over, cancel and menu, typed at every step of the consultation and of role guidance.</summary>
public sealed class GlobalCommandTests
{
    private static readonly PracticeContent Content = PracticeContent.Default;

    public static TheoryData<string> Steps() =>
        ["child", "people", "person-0", "person-1", "adopters", "summary", "resume", "roles-pick", "roles-guidance"];

    /// <summary>A transcript waiting at <paramref name="step"/>, with some answers given on the way.</summary>
    internal static Transcript At(string step)
    {
        var t = new Transcript();
        if (step.StartsWith("roles", StringComparison.Ordinal))
        {
            t.Menu(MenuVerbs.Roles).ExpectCard(RoleGuidanceTemplates.Pick);
            if (step == "roles-guidance")
            {
                t.Submit(("role", "iro"), ("stage", "placed")).ExpectCard(RoleGuidanceTemplates.Guidance);
            }

            return t;
        }

        t.StartConsultation();
        if (step == "child")
        {
            return t;
        }

        t.AnswerChild("5-10", "placed", "said", "religion");
        if (step == "people")
        {
            return t;
        }

        t.ListPeople(("birth-mother", "Birth mother"), ("sibling-apart", "Younger sister (3)"));
        if (step == "person-0")
        {
            return t;
        }

        t.AnswerFactors(new A("child-positive", "yes", "Warm at family time"));
        if (step is "person-1" or "resume")
        {
            if (step == "resume")
            {
                t.Send("menu").ExpectCard(MainMenu.WelcomeTemplate);
                t.Menu(MenuVerbs.Consult).ExpectCard(StepCards.ConfirmTemplate);
            }

            return t;
        }

        t.AnswerFactors(new A("person-risk", "no"));
        if (step == "adopters")
        {
            return t;
        }

        t.AnswerFactors(new A("adopters-open", "yes"));
        t.ExpectCard(ConsultationTemplates.Summary);
        return t;
    }

    private static string HelpText(string step) => step switch
    {
        "roles-pick" => Content.Message(MessageKeys.RolesHelpPick),
        "roles-guidance" => Content.Message(MessageKeys.RolesHelpGuidance),
        "person-0" or "person-1" => Content.Consultation.Steps["person"].Help,
        _ => Content.Consultation.Steps[step].Help,
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Help_ExplainsTheCurrentStep_AndChangesNothing(string step)
    {
        var t = At(step);
        var before = t.StateJson;
        t.Send("help").ExpectText(HelpText(step)).ExpectText("start over").ExpectNoCard();
        StateAssert.Unchanged(before, t);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Back_ReturnsToThePreviousStep_WithTheAnswersGivenSoFar(string step)
    {
        var t = At(step);
        var before = t.StateJson;
        t.Send("back");
        switch (step)
        {
            case "child" or "roles-pick":
                t.ExpectText("first question").ExpectNoCard();
                StateAssert.Unchanged(before, t);
                break;
            case "people":
                var child = t.ExpectCard(ConsultationTemplates.Child);
                Assert.Equal("5-10", (string?)child.Data["ageBand"]);
                Assert.Equal("religion", (string?)child.Data["identity"]);
                break;
            case "person-0":
                var people = t.ExpectCard(ConsultationTemplates.People);
                Assert.Equal("birth-mother", (string?)people.Data["rows"]![0]!["relationship"]);
                Assert.Equal("Younger sister (3)", (string?)people.Data["rows"]![1]!["label"]);
                break;
            case "person-1":
                var mother = t.ExpectCard(ConsultationTemplates.Factors);
                Assert.Equal("Birth mother", (string?)mother.Data["title"]);
                Assert.Equal("yes", CardInputs.Current(mother)["f.child-positive"]);
                Assert.Equal("Warm at family time", CardInputs.Current(mother)["n.child-positive"]);
                break;
            case "adopters":
                var sister = t.ExpectCard(ConsultationTemplates.Factors);
                Assert.Equal("Younger sister (3)", (string?)sister.Data["title"]);
                Assert.Equal("no", CardInputs.Current(sister)["f.person-risk"]);
                break;
            case "summary":
                var adopters = t.ExpectCard(ConsultationTemplates.Factors);
                Assert.Equal(ConsultationVerbs.Adopters, (string?)adopters.Data["verb"]);
                Assert.Equal("yes", CardInputs.Current(adopters)["f.adopters-open"]);
                break;
            case "resume":
                // Back from "carry on or start a new one?" returns to where the consultation was.
                Assert.Equal("Younger sister (3)", (string?)t.ExpectCard(ConsultationTemplates.Factors).Data["title"]);
                break;
            case "roles-guidance":
                var pick = t.ExpectCard(RoleGuidanceTemplates.Pick);
                Assert.Equal("iro", (string?)pick.Data["role"]);
                Assert.Equal("placed", (string?)pick.Data["stage"]);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void StartOver_AsksFirst_ThenStartsAgainFromTheFirstStep(string step)
    {
        var t = At(step);
        var oldConsultation = t.State.Consultation;
        t.Send("start over");
        var confirm = t.ExpectCard(StepCards.ConfirmTemplate);
        Assert.Contains("again", (string?)confirm.Data["prompt"]);
        Assert.Equal(oldConsultation?.Id, t.State.Consultation?.Id);

        t.Click(DialogVerbs.Restart);
        if (step.StartsWith("roles", StringComparison.Ordinal))
        {
            Assert.Equal(string.Empty, (string?)t.ExpectCard(RoleGuidanceTemplates.Pick).Data["role"]);
            Assert.Equal(RoleGuidanceStep.Pick, t.State.Roles!.Step);
            return;
        }

        Assert.Equal(string.Empty, (string?)t.ExpectCard(ConsultationTemplates.Child).Data["ageBand"]);
        var fresh = t.State.Consultation!;
        Assert.NotEqual(oldConsultation!.Id, fresh.Id);
        Assert.Null(fresh.Child);
        Assert.Empty(fresh.People);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void StartOver_NoCarryOn_KeepsEverything(string step)
    {
        var t = At(step);
        var template = t.LastCard.Template;
        var answers = t.State.Consultation;
        t.Send("start over").ExpectCard(StepCards.ConfirmTemplate);
        t.Click(DialogVerbs.Resume);
        Assert.Equal(step == "resume" ? ConsultationTemplates.Factors : template, t.ExpectCard(t.LastCard.Template).Template);
        Assert.Equal(
            answers is null ? null : ConversationStateSerializer.Serialize(new ConversationState { Consultation = answers }),
            t.State.Consultation is null ? null : ConversationStateSerializer.Serialize(new ConversationState { Consultation = t.State.Consultation }));
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Cancel_LeavesTheDialog_KeepingNothingHalfDone(string step)
    {
        var t = At(step);
        var card = t.LastCard;
        t.Send("cancel");
        if (t.State.Dialog?.Step == "confirm-cancel")
        {
            // Answers would be lost: KitBot says so and asks; only "Yes" stops.
            var confirm = t.ExpectCard(StepCards.ConfirmTemplate);
            Assert.Contains("lose your answers", confirm.Data["title"]!.GetValue<string>(), StringComparison.Ordinal);
            t.Click(DialogVerbs.CancelConfirmed, card: confirm);
        }

        t.ExpectText(step.StartsWith("roles", StringComparison.Ordinal) ? "closed role guidance" : "kept nothing").ExpectNoCard();
        Assert.Null(t.State.Dialog);
        Assert.Null(t.State.Consultation);
        Assert.Null(t.State.Roles);

        // The card from before is now stale, and says so kindly.
        var before = t.StateJson;
        t.Click(card.Template is StepCards.ConfirmTemplate or RoleGuidanceTemplates.Guidance ? DialogVerbs.Back : CardInputs.MainVerb(card), CardInputs.Current(card), card);
        t.ExpectText("earlier step");
        StateAssert.Unchanged(before, t);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Menu_ShowsTheMenu_AndKeepsTheDialogResumable(string step)
    {
        var t = At(step);
        var card = t.LastCard;
        var dialog = t.State.Dialog;
        t.Send("menu").ExpectCard(MainMenu.WelcomeTemplate);
        Assert.Equal(dialog, t.State.Dialog);

        if (step.StartsWith("roles", StringComparison.Ordinal))
        {
            // The card from before the menu still works.
            t.Click(step == "roles-pick" ? RoleGuidanceVerbs.Show : DialogVerbs.Back,
                step == "roles-pick" ? new Dictionary<string, string> { ["role"] = "iro", ["stage"] = "adopted" } : null, card);
            t.ExpectCard(step == "roles-pick" ? RoleGuidanceTemplates.Guidance : RoleGuidanceTemplates.Pick);
            return;
        }

        t.Menu(MenuVerbs.Consult).ExpectCard(StepCards.ConfirmTemplate);
        t.Click(DialogVerbs.Resume);
        var resumed = t.ExpectCard(step == "resume" ? ConsultationTemplates.Factors : card.Template);
        if (step != "resume")
        {
            Assert.Equal(Without(card.Data), Without(resumed.Data));
        }
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void TypedText_WhileAStepWaits_IsReaskedWithWhatIsExpected(string step)
    {
        var t = At(step);
        var consultation = t.State.Consultation is null ? null : ConversationStateSerializer.Serialize(new ConversationState { Consultation = t.State.Consultation });
        t.Send("she is doing well").ExpectText("I am waiting for your answers");
        if (step != "resume")
        {
            t.ExpectCard(t.Cards[^1].Template);
        }

        Assert.Equal(consultation, t.State.Consultation is null ? null : ConversationStateSerializer.Serialize(new ConversationState { Consultation = t.State.Consultation }));
    }

    [Fact]
    public void AConsultation_ResumesWhereItLeftOff_AfterARestart()
    {
        var t = At("person-1");
        t.RestartHost();
        t.Send("hello").ExpectText("I am waiting");
        var card = t.ExpectCard(ConsultationTemplates.Factors);
        Assert.Equal("Younger sister (3)", (string?)card.Data["title"]);
        t.AnswerFactors(new A("person-risk", "no")).ExpectCard(ConsultationTemplates.Factors);
        Assert.Equal(ConsultationStep.Adopters, t.State.Consultation!.Step);
    }

    [Fact]
    public void StartAConsultation_FromTheMenu_OffersToResume_OrStartsANewOne()
    {
        var t = At("person-1");
        var id = t.State.Consultation!.Id;
        t.Menu(MenuVerbs.Consult).ExpectCard(StepCards.ConfirmTemplate);
        t.Click(ConsultationVerbs.New).ExpectCard(ConsultationTemplates.Child);
        Assert.NotEqual(id, t.State.Consultation!.Id);
        Assert.Empty(t.State.Consultation.People);
    }

    [Fact]
    public void RoleGuidance_WhileAConsultationIsInProgress_LeavesItResumable()
    {
        var t = At("adopters");
        t.Menu(MenuVerbs.Roles).ExpectCard(RoleGuidanceTemplates.Pick);
        t.Submit(("role", "childs-social-worker"), ("stage", "placed")).ExpectCard(RoleGuidanceTemplates.Guidance);
        t.Menu(MenuVerbs.Consult).ExpectCard(StepCards.ConfirmTemplate);
        t.Click(DialogVerbs.Resume);
        Assert.Equal(ConsultationVerbs.Adopters, (string?)t.ExpectCard(ConsultationTemplates.Factors).Data["verb"]);
    }

    private static string Without(System.Text.Json.Nodes.JsonObject data)
    {
        var copy = data.DeepClone().AsObject();
        copy.Remove(StepCards.DialogIdKey);
        copy.Remove(StepCards.StepKey);
        return copy.ToJsonString();
    }
}
