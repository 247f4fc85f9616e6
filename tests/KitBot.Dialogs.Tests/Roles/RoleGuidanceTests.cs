using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Roles;
using KitBot.Dialogs.Tests.Support;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Tests.Roles;

/// <summary>Role guidance: a role and a stage in; what they are best placed to know, what to do, who else, and the law out.</summary>
public sealed class RoleGuidanceTests
{
    private static readonly PracticeContent Content = PracticeContent.Default;

    public static TheoryData<string, string> EveryRoleAndStage()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Content.Roles.Roles)
        {
            foreach (var stage in Content.Consultation.JourneyStages)
            {
                data.Add(role.Id, stage.Id);
            }
        }

        return data;
    }

    private static CardReply Guidance(string role, string stage)
    {
        var t = new Transcript();
        t.Menu(MenuVerbs.Roles).ExpectCard(RoleGuidanceTemplates.Pick);
        return t.Submit(("role", role), ("stage", stage)).ExpectCard(RoleGuidanceTemplates.Guidance);
    }

    private static List<string> Facts(CardReply card, string list) =>
        card.Data[list]!.AsArray().Select(f => f!["title"]!.GetValue<string>()).ToList();

    [Theory]
    [MemberData(nameof(EveryRoleAndStage))]
    public void EveryRoleAtEveryStage_GetsCompleteGuidance(string role, string stage)
    {
        var card = Guidance(role, stage);
        Assert.Equal(Content.Roles.Roles.Single(r => r.Id == role).Name, (string?)card.Data["title"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)card.Data["bestPlacedTo"]));
        Assert.NotEmpty(card.Data["doNow"]!.AsArray());
        Assert.NotEmpty(card.Data["involve"]!.AsArray());
        Assert.Contains("professional judgement", (string?)card.Data["disclaimer"]);
    }

    [Theory]
    [InlineData("care-proceedings", "Section 27(4), Adoption and Children Act 2002")]
    [InlineData("placement-order", "Section 26, Adoption and Children Act 2002")]
    [InlineData("placed", "Section 26, Adoption and Children Act 2002")]
    [InlineData("placed", "Section 46(6), Adoption and Children Act 2002")]
    [InlineData("adopted", "Sections 51A and 51B, Adoption and Children Act 2002")]
    [InlineData("back-in-care", "Section 34, Children Act 1989")]
    public void TheLegalLeversFollowTheStage(string stage, string lever) =>
        Assert.Contains(lever, Facts(Guidance("legal-court", stage), "levers"));

    [Fact]
    public void AfterTheAdoptionOrder_PlacementLeversNoLongerApply()
    {
        var levers = Facts(Guidance("childs-social-worker", "adopted"), "levers");
        Assert.DoesNotContain("Section 26, Adoption and Children Act 2002", levers);
        Assert.DoesNotContain("Section 27(4), Adoption and Children Act 2002", levers);
    }

    [Fact]
    public void StageSpecificActions_ComeFirst()
    {
        var doNow = Guidance("legal-court", "placement-order").Data["doNow"]!.AsArray().Select(i => i!["text"]!.GetValue<string>()).ToList();
        Assert.Contains("s.26", doNow[0], StringComparison.Ordinal);
    }

    [Fact]
    public void WhoElseToInvolve_NamesTheOtherRoles()
    {
        var involve = Facts(Guidance("childs-social-worker", "care-proceedings"), "involve");
        Assert.Contains("Adoption support professional", involve);
        Assert.Contains("Independent reviewing officer (IRO)", involve);
    }

    [Fact]
    public void AnotherRoleOrStage_ReturnsToThePicker_WithTheLastChoice()
    {
        var t = new Transcript();
        t.Menu(MenuVerbs.Roles);
        t.Submit(("role", "adoptive-parents"), ("stage", "back-in-care"));
        t.Click(DialogVerbs.Back);
        var pick = t.ExpectCard(RoleGuidanceTemplates.Pick);
        Assert.Equal("adoptive-parents", (string?)pick.Data["role"]);
        Assert.Equal("back-in-care", (string?)pick.Data["stage"]);
    }

    [Fact]
    public void ThePicker_OffersEveryRoleAndStage()
    {
        var pick = new Transcript().Menu(MenuVerbs.Roles).ExpectCard(RoleGuidanceTemplates.Pick);
        Assert.Equal(Content.Roles.Roles.Select(r => r.Id), pick.Data["roles"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()));
        Assert.Equal(Content.Consultation.JourneyStages.Select(s => s.Id), pick.Data["stages"]!.AsArray().Select(s => (string)s!["value"]!));
    }
}
