using KitBot.Dialogs.Privacy;

namespace KitBot.Dialogs.Tests.Privacy;

/// <summary>The privacy check on free text: what it flags, and ordinary practice notes it leaves alone.</summary>
public sealed class PrivacyCheckTests
{
    [Theory]
    [InlineData("Contact her at jo.bloggs@example.org", PrivacyConcern.Email)]
    [InlineData("Her mobile is 07700 900123", PrivacyConcern.Phone)]
    [InlineData("Call 0161 496 0000 to arrange", PrivacyConcern.Phone)]
    [InlineData("Office on 020 7946 0000", PrivacyConcern.Phone)]
    [InlineData("+44 7700 900123", PrivacyConcern.Phone)]
    [InlineData("Lives near M1 1AE now", PrivacyConcern.Postcode)]
    [InlineData("moved to ls6 2qt", PrivacyConcern.Postcode)]
    [InlineData("born 12/03/2015", PrivacyConcern.Date)]
    [InlineData("Birthday is 3-4-16", PrivacyConcern.Date)]
    [InlineData("Born 12 March 2015", PrivacyConcern.Date)]
    [InlineData("met on the 4th of June", PrivacyConcern.Date)]
    [InlineData("March 12, 2015", PrivacyConcern.Date)]
    [InlineData("DOB on file", PrivacyConcern.Date)]
    [InlineData("Lives at 12 High Street", PrivacyConcern.Address)]
    [InlineData("moved to 7a Station Road last year", PrivacyConcern.Address)]
    [InlineData("Flat 3 above the shop", PrivacyConcern.Address)]
    [InlineData("Her friend called Sarah visits", PrivacyConcern.Name)]
    [InlineData("Known as Jaz at school", PrivacyConcern.Name)]
    [InlineData("Worked with Mrs Patel", PrivacyConcern.Name)]
    [InlineData("Auntie Sue", PrivacyConcern.Name)]
    [InlineData("Nan Doris (72)", PrivacyConcern.Name)]
    [InlineData("Contact with Sarah Jones stopped", PrivacyConcern.Name)]
    [InlineData("Jayden asks about his brother", PrivacyConcern.Name)]
    [InlineData("Liam asks about mum", PrivacyConcern.Name)]
    [InlineData("liam asks about mum", PrivacyConcern.Name)]
    [InlineData("Contact with Zara's mum is by letter", PrivacyConcern.Name)]
    [InlineData("Will asks about his brother", PrivacyConcern.Name)]
    [InlineData("Contact with Will was good", PrivacyConcern.Name)]
    [InlineData("May visits on Saturdays", PrivacyConcern.Name)]
    [InlineData("The letter from Grace made her smile", PrivacyConcern.Name)]
    [InlineData("Hope is excited about the meeting", PrivacyConcern.Name)]
    [InlineData("Born March 2019", PrivacyConcern.Date)]
    [InlineData("born in May 2016, placed at two", PrivacyConcern.Date)]
    [InlineData("Sister (born July 2022) is in foster care", PrivacyConcern.Date)]
    [InlineData("born 03/2019", PrivacyConcern.Date)]
    [InlineData("Review booked for 12/01/2027; born 12/01/2017", PrivacyConcern.Date)]
    public void Flags(string text, PrivacyConcern expected) => Assert.True(PrivacyCheck.Check(text).HasFlag(expected), $"{PrivacyCheck.Check(text)}");

    [Theory]
    [InlineData("Birth mother")]
    [InlineData("Older sister (12)")]
    [InlineData("Maternal grandmother")]
    [InlineData("Former foster carers")]
    [InlineData("Older brother (7), foster care")]
    [InlineData("Birth Mother")]
    [InlineData("Finds reading and writing hard; would like help with letters")]
    [InlineData("Lives 5 minutes up the road from the school")]
    [InlineData("Met 2 times at court this year")]
    [InlineData("Sees her at Christmas and Eid; Polish Catholic heritage")]
    [InlineData("Has been looking for her on Facebook and Instagram")]
    [InlineData("Letterbox twice a year, in March and September")]
    [InlineData("Family time 3-4 times a year, 2 hours each")]
    [InlineData("Attends Year 4; KS2 3rd set for maths")]
    [InlineData("The IRO and Cafcass guardian agree")]
    [InlineData("Mum has a Learning Disability and needs support")]
    [InlineData("They 2 may meet in the spring")]
    [InlineData("Age band 2-4, placed for adoption")]
    [InlineData("Loves Peppa Pig and Frozen")]
    [InlineData("Review booked for 12/01/2027")]
    [InlineData("Next family time on 3 March 2027 at the contact centre")]
    [InlineData("Mum sends cards at Christmas and Eid; he is in Year 7")]
    [InlineData("Birth father is in HMP Leeds")]
    [InlineData("The child will need help to read the letters")]
    [InlineData("Will need support after contact")]
    [InlineData("We hope the letterbox continues")]
    [InlineData("Mark the review as done once the meeting happens")]
    [InlineData("Letterbox in May and June")]
    [InlineData("May be worth a review after the summer")]
    [InlineData("Rose early for the meeting and was tired")]
    [InlineData("Joy and sadness after every meeting")]
    [InlineData("Talks about Elsa and Olaf all the time")]
    [InlineData("Reads Harry Potter with his adoptive dad")]
    [InlineData("Starts school in September 2027")]
    [InlineData("")]
    public void LeavesOrdinaryPracticeNotesAlone(string text) => Assert.Equal(PrivacyConcern.None, PrivacyCheck.Check(text));

    [Fact]
    public void Find_SaysWhichWordsSetItOff_InOrder()
    {
        var found = PrivacyCheck.Find("Jayden asks about liam, born March 2019; call 07700 900123");

        Assert.Equal(
            [
                new PrivacyFinding(PrivacyConcern.Name, "Jayden"),
                new PrivacyFinding(PrivacyConcern.Name, "liam"),
                new PrivacyFinding(PrivacyConcern.Date, "born March 2019"),
                new PrivacyFinding(PrivacyConcern.Phone, "07700 900123"),
            ],
            found);
    }

    [Fact]
    public void TheGivenNames_ComeFromANamedOpenDataset()
    {
        var content = KitBot.Dialogs.Content.PracticeContent.Default;
        Assert.Equal("Open Government Licence v3.0", content.PrivacyWords.Licence);
        Assert.Contains("Baby names in England and Wales", content.PrivacyWords.Source, StringComparison.Ordinal);
        Assert.True(content.PrivacyWords.GivenNames.Count >= 500, $"{content.PrivacyWords.GivenNames.Count} names");
    }
}
