using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KitBot.Tests.Content;

/// <summary>A local authority's practice content, named in settings, reaches the dialogs or stops the host.</summary>
public sealed class ContentOverrideTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kitbot-content-").FullName;

    [Fact]
    public async Task ValidOverrideFolder_InSettings_IsLoadedInsteadOfTheBuiltInContent()
    {
        // What an override changes in the wording is covered by the core's content tests; here, that the host uses it.
        File.WriteAllText(Path.Combine(_folder, "wording.json"), """{ "terms": { "letterboxService": "Keeping Connected Postbox" } }""");
        using var host = new KitBotFactory().WithSetting("Content:OverridePath", _folder);

        using var ready = await host.CreateClient().GetAsync("/health/ready");

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.NotSame(PracticeContent.Default, host.Services.GetRequiredService<PracticeContent>());
    }

    [Fact]
    public void BrokenOverrideFile_StopsTheHost_NamingTheFileAndTheProblem()
    {
        File.WriteAllText(Path.Combine(_folder, "roles.json"), "{ not json");
        using var host = new KitBotFactory().WithSetting("Content:OverridePath", _folder);

        var error = Assert.ThrowsAny<Exception>(() => host.Services.GetRequiredService<DialogEngine>());

        var inner = error as PracticeContentException ?? error.InnerException as PracticeContentException;
        Assert.NotNull(inner);
        Assert.Contains("roles.json", inner!.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
