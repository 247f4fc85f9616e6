using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Roles;
using KitBot.Dialogs.Tests.Support;

namespace KitBot.Dialogs.Tests.Engine;

/// <summary>The engine's wiring: every feature's verbs registered once; commands outside a dialog.</summary>
public sealed class DialogEngineTests
{
    [Fact]
    public void Engine_RegistersEveryDialogVerb()
    {
        var verbs = new DialogEngine().Verbs;
        foreach (var verb in new[]
        {
            ConsultationVerbs.Child, ConsultationVerbs.People, ConsultationVerbs.Person, ConsultationVerbs.Adopters,
            ConsultationVerbs.Finish, ConsultationVerbs.New, RoleGuidanceVerbs.Show, DialogVerbs.Back, DialogVerbs.Restart,
            DialogVerbs.Resume, MenuVerbs.Consult, MenuVerbs.Roles, MenuVerbs.Show, MenuVerbs.Help,
        })
        {
            Assert.Contains(verb, verbs);
        }
    }

    [Theory]
    [InlineData("help", "help")]
    [InlineData("menu", "welcome")]
    [InlineData("start over", "welcome")]
    public void OutsideADialog_CommandsShowHelpOrTheMenu(string command, string template) =>
        new Transcript().Send(command).ExpectCard(template);

    [Theory]
    [InlineData("back", "nothing to go back to")]
    [InlineData("cancel", "Stopped")]
    public void OutsideADialog_BackAndCancel_SayThereIsNothingToDo(string command, string text) =>
        new Transcript().Send(command).ExpectText(text).ExpectNoCard();

    [Fact]
    public void DialogVerbs_WithNothingInProgress_ShowTheMenu()
    {
        var t = new Transcript();
        t.Click(DialogVerbs.Resume, card: new Turns.CardReply("x", [], "x")).ExpectText("nothing in progress").ExpectCard(MainMenu.WelcomeTemplate);
    }
}
