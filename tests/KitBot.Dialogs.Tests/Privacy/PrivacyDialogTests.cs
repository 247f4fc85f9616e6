using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Tests.Consultation;
using KitBot.Dialogs.Tests.Support;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Privacy;

/// <summary>
/// Free text that looks like it holds personal details is not stored: the bot says what kind of detail it noticed
/// (and, for a suspected name or date of birth, the words, so the practitioner knows what to change; contact details
/// are never echoed) and shows the same step again to rephrase; only a suspected name can be kept as written.
/// </summary>
public sealed class PrivacyDialogTests
{
    [Fact]
    public void ChildNoteWithAnEmailAddress_IsNotStored_AndTheWarningDoesNotEchoIt()
    {
        var t = new Transcript().StartConsultation();
        t.Submit(("ageBand", "2-4"), ("journey", "placed"), ("wishes", "said"), ("childNote", "Ask foster carer: carer.smith@example.org"));
        t.ExpectText("an email address").ExpectText("Nothing from that card has been stored");
        Assert.DoesNotContain(t.Replies.OfType<TextReply>(), r => r.Text.Contains("example.org", StringComparison.Ordinal));
        var card = t.ExpectCard(ConsultationTemplates.Child);
        Assert.True((bool)card.Data["privacy"]!["show"]!);
        Assert.False((bool)card.Data["privacy"]!["allowKeep"]!);
        Assert.Null(t.State.Consultation!.Child);
        Assert.DoesNotContain("example.org", t.StateJson, StringComparison.Ordinal);

        // Rephrased, it is accepted.
        t.Submit(("childNote", "Foster carer can be contacted through the team")).ExpectCard(ConsultationTemplates.People);
        Assert.Equal("Foster carer can be contacted through the team", t.State.Consultation!.Child!.Note);
    }

    [Fact]
    public void LabelThatLooksLikeAName_OffersKeepAsWritten()
    {
        var t = new Transcript().StartConsultation().AnswerChild("5-10", "placed", "said");
        t.Submit(("rel0", "grandparent"), ("label0", "Nan Doris"));
        t.ExpectText("a name").ExpectText("Keep as written");
        var card = t.ExpectCard(ConsultationTemplates.People);
        Assert.True((bool)card.Data["privacy"]!["allowKeep"]!);
        Assert.Empty(t.State.Consultation!.People);
        Assert.DoesNotContain("Doris", t.StateJson, StringComparison.Ordinal);

        t.Submit(("privacyKeep", "true")).ExpectCard(ConsultationTemplates.Factors);
        Assert.Equal("Nan Doris", t.State.Consultation!.People[0].Label);
    }

    [Fact]
    public void ABareGivenName_IsCaught_AndTheWarningSaysWhichWord()
    {
        var t = new Transcript().StartConsultation();
        t.Submit(("ageBand", "5-10"), ("journey", "placed"), ("wishes", "said"), ("childNote", "Jayden asks about his brother, born March 2019"));

        t.ExpectText("a date, which could be a date of birth").ExpectText("a name");
        var warning = t.Replies.OfType<TextReply>().Single(r => r.Text.Contains("Before I store anything", StringComparison.Ordinal));
        Assert.Contains("The words I noticed: \"Jayden\", \"born March 2019\".", warning.Text, StringComparison.Ordinal);
        Assert.Null(t.State.Consultation!.Child);
        Assert.DoesNotContain("Jayden", t.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public void PhoneNumber_CannotBeKeptAsWritten()
    {
        var t = GlobalCommandTests.At("person-0");
        t.Submit(("n.person-supported", "Advocate on 07700 900123"), ("privacyKeep", "true"));
        t.ExpectText("a phone number");
        Assert.DoesNotContain(t.Replies.OfType<TextReply>(), r => r.Text.Contains("Keep as written", StringComparison.Ordinal));
        Assert.False((bool)t.ExpectCard(ConsultationTemplates.Factors).Data["privacy"]!["allowKeep"]!);
        Assert.Empty(t.State.Consultation!.People[0].Answers);
        Assert.DoesNotContain("900123", t.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralKinds_AreAllNamed()
    {
        var t = GlobalCommandTests.At("adopters");
        t.Submit(("n.adopters-barriers", "Moved to 12 High Street, M1 1AE on 12/03/2024"));
        t.ExpectText("a postcode").ExpectText("a date").ExpectText("a street address");
        Assert.DoesNotContain("High Street", t.StateJson, StringComparison.Ordinal);
    }
}
