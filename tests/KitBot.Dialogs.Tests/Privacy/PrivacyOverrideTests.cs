using KitBot.Dialogs.Content;
using KitBot.Dialogs.Privacy;

namespace KitBot.Dialogs.Tests.Privacy;

/// <summary>A local authority changes the privacy check's words like any other content, from its override folder.</summary>
public sealed class PrivacyOverrideTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kitbot-privacy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LocalNames_AreAdded_AndLocalWords_AreNeverFlagged()
    {
        File.WriteAllText(Path.Combine(_folder, "privacy.json"), """
            // Our area: a name common here, and a ward named like a person.
            { "localGivenNames": [ "Zebedee" ], "notNames": [ "Florence" ] }
            """);

        var local = PracticeContent.Load(_folder).Privacy;

        Assert.Equal(PrivacyConcern.Name, local.Check("zebedee asks about his sister"));
        Assert.Equal(PrivacyConcern.None, local.Check("Met at the Florence unit"));
        Assert.Equal(PrivacyConcern.Name, PracticeContent.Default.Privacy.Check("Met at the Florence unit"));
        Assert.Equal(PrivacyConcern.Name, local.Check("Jayden asks about his brother"));
    }

    [Fact]
    public void AnOverrideWithNoNames_FailsNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_folder, "privacy.json"), """{ "givenNames": [] }""");

        var e = Assert.Throws<PracticeContentException>(() => PracticeContent.Load(_folder));

        Assert.Equal("privacy.json", e.File);
        Assert.Contains("'givenNames' needs at least one name", e.Message, StringComparison.Ordinal);
    }
}
