using KitBot.Dialogs.Consultation;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Tests.Consultation;
using KitBot.Dialogs.Tests.Support;

namespace KitBot.Dialogs.Tests.Content;

/// <summary>
/// Practice content: the built-in files load and validate; a local authority's override folder changes wording key
/// by key; a broken file stops loading with the file and the problem named.
/// </summary>
public sealed class PracticeContentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kitbot-content-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void BuiltInContent_LoadsAndValidates()
    {
        var content = PracticeContent.Load(null);
        Assert.Equal(6, content.Consultation.JourneyStages.Count);
        Assert.Contains(content.Consultation.Relationships, r => r.Id == "former-foster-carer");
        Assert.Equal(9, content.Suggestions.Purposes.Count);
        Assert.Equal(5, content.Suggestions.Principles.Count);
        Assert.Equal(10, content.Roles.Roles.Count);
        Assert.Equal(["s26", "s27-4", "s46-6", "s51a"], content.Roles.Levers.Select(l => l.Id).Where(id => id.StartsWith('s')).Order());
        Assert.All(PracticeContent.FileNames, file => Assert.NotNull(typeof(PracticeContent).Assembly.GetManifestResourceStream("KitBot.Dialogs.Content." + file)));
    }

    [Fact]
    public void AnOverride_RenamesTheLetterboxService_Everywhere()
    {
        Write("wording.json", """{ "terms": { "letterboxService": "Keeping Connected Postbox" } }""");
        var content = PracticeContent.Load(_folder);
        Assert.Contains("Keeping Connected Postbox", content.Form("letterbox").Name);

        var t = ConsultationCaseTests.CaseA(new Transcript(content));
        Assert.Contains("Letters, cards and photos through Keeping Connected Postbox", t.SummaryPerson("Birth mother").Texts("forms"));
    }

    [Fact]
    public void AnOverride_MergesListsByIdAndKeepsTheRest()
    {
        Write("consultation.json", """
            // A local authority's wording for one relationship, and one more.
            { "relationships": [ { "id": "birth-mother", "text": "Birth mum" }, { "id": "godparent", "text": "Godparent" } ] }
            """);
        var content = PracticeContent.Load(_folder);
        var relationships = content.Consultation.Relationships;
        Assert.Equal("Birth mum", relationships.Single(r => r.Id == "birth-mother").Text);
        Assert.Equal("godparent", relationships[^1].Id);
        Assert.Equal(PracticeContent.Default.Consultation.Relationships.Count + 1, relationships.Count);
        Assert.Equal(PracticeContent.Default.Consultation.Steps["child"], content.Consultation.Steps["child"]);
    }

    [Fact]
    public void AnOverride_CanChangeARule()
    {
        Write("rules.json", """{ "rules": [ { "id": "literacy", "support": [ "letter-writing-help", "fear-reassure" ] } ] }""");
        var rule = PracticeContent.Load(_folder).Rules.Rules.Single(r => r.Id == "literacy");
        Assert.Equal(["letter-writing-help", "fear-reassure"], rule.Support);
        Assert.Equal("person-literacy", rule.When[0].Factor);
    }

    [Theory]
    [InlineData("rules.json", """{ "rules": [ { "id": "literacy", "when": [ { "factor": "person-literacyy", "answers": [ "yes" ] } ] } ] }""", "person-literacyy")]
    [InlineData("rules.json", """{ "rules": [ { "id": "literacy", "when": [ { "factor": "person-literacy", "answers": [ "often" ] } ] } ] }""", "'often' is not an answer")]
    [InlineData("rules.json", """{ "rules": [ { "id": "new", "scope": "person", "forms": [ "carrier-pigeon" ] } ] }""", "carrier-pigeon")]
    [InlineData("rules.json", """{ "rules": [ { "id": "new", "scope": "family", "when": [ { "factor": "person-risk", "answers": [ "yes" ] } ], "safeguards": [ "prioritise" ] } ] }""", "family rule cannot use it")]
    [InlineData("factors.json", """{ "factors": [ { "id": "person-risk", "kind": "danger" } ] }""", "factors.json")]
    [InlineData("suggestions.json", """{ "forms": [ { "id": "letterbox", "name": "" } ] }""", "form 'letterbox' needs")]
    [InlineData("wording.json", """{ "messages": { "consult.cancelled": "" } }""", "'consult.cancelled' is missing or empty")]
    [InlineData("suggestions.json", """{ "forms": [ { "id": "letterbox", "name": "Letters via {{postbox}}" } ] }""", "'{{postbox}}' is not defined")]
    [InlineData("consultation.json", """{ "ageBands": [ { "id": "2-4", "txt": "Two to four" } ] }""", "'txt'")]
    [InlineData("roles.json", """{ "roles": [ { "id": "iro", "involve": [ "the-judge" ] } ] }""", "the-judge")]
    [InlineData("roles.json", """{ "stages": [ { "id": "placed", "levers": [ "s99" ] } ] }""", "s99")]
    [InlineData("consultation.json", """{ "people": { "exhaustionAt": 50 } }""", "exhaustionAt")]
    public void ABrokenOverride_FailsNamingTheFileAndTheProblem(string file, string json, string problem)
    {
        Write(file, json);
        var e = Assert.Throws<PracticeContentException>(() => PracticeContent.Load(_folder));
        Assert.Equal(file, e.File);
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_folder, file), e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverrideThatIsNotJson_FailsNamingTheFile()
    {
        Write("roles.json", "{ \"roles\": [ ");
        var e = Assert.Throws<PracticeContentException>(() => PracticeContent.Load(_folder));
        Assert.Equal("roles.json", e.File);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownFileInTheOverrideFolder_FailsNamingIt()
    {
        Write("role.json", "{}");
        var e = Assert.Throws<PracticeContentException>(() => PracticeContent.Load(_folder));
        Assert.Contains("role.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("roles.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingOverrideFolder_Fails()
    {
        var e = Assert.Throws<PracticeContentException>(() => PracticeContent.Load(Path.Combine(_folder, "nope")));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    private void Write(string file, string json) => File.WriteAllText(Path.Combine(_folder, file), json);
}
