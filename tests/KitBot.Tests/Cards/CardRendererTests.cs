using System.Text.Json.Nodes;
using KitBot.Cards;
using KitBot.Cards.Templating;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Turns;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KitBot.Tests.Cards;

public sealed class CardRendererTests
{
    private readonly CardRenderer _renderer = new(
        Options.Create(new CardOptions { Path = CardSamples.CardsFolder }),
        new AdaptiveCardTemplateEngine(),
        new FakeHostEnvironment());

    [Fact]
    public void Templates_AreTheCardFilesOnly_NotTheirSamples()
    {
        Assert.Equal(CardSamples.Templates(), _renderer.Templates.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> MenuReplies => new() { "menu-first-time", "menu", "help" };

    [Theory]
    [MemberData(nameof(MenuReplies))]
    public void Render_MainMenuReply_BindsEveryValue(string which)
    {
        var reply = which switch
        {
            "menu-first-time" => MainMenu.Menu(firstTime: true),
            "menu" => MainMenu.Menu(firstTime: false),
            _ => MainMenu.Help(),
        };

        var card = _renderer.Render(reply);

        Assert.Equal("AdaptiveCard", card["type"]?.GetValue<string>());
        Assert.DoesNotContain("${", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WelcomeForReturningUser_RepeatsOneButtonPerMenuItemAndDropsTheGreeting()
    {
        var card = _renderer.Render(new CardReply("welcome", JsonNode.Parse("""
            {"firstTime": false, "items": [
              {"title": "One", "description": "First", "verb": "v.one"},
              {"title": "Two", "description": "Second", "verb": "v.two"}]}
            """)!.AsObject(), "summary"));

        var containers = card["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "Container").ToList();
        // Every entry is a button (an ActionSet), not a container that only looks like text.
        Assert.Equal(["v.one", "v.two"], containers.Select(c => c!["items"]![0]!["actions"]![0]!["data"]!["verb"]!.GetValue<string>()));
        Assert.Equal(["One", "Two"], containers.Select(c => c!["items"]![0]!["actions"]![0]!["title"]!.GetValue<string>()));
        // The heading and the privacy note; the first-time greeting is left out.
        Assert.Equal(2, card["body"]!.AsArray().Count - containers.Count);
    }

    [Fact]
    public void Render_UnknownTemplate_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => _renderer.Render("no-such-card", new JsonObject()));
    }

    private sealed class FakeHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "KitBot.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
