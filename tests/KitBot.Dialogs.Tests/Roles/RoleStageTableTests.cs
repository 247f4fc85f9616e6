using System.Text;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Menu;
using KitBot.Dialogs.Roles;
using KitBot.Dialogs.Tests.Support;
using KitBot.Testing;

namespace KitBot.Dialogs.Tests.Roles;

/// <summary>
/// The role × stage table: what each role is told at each stage, read from the guidance card a practitioner gets,
/// holds nothing that cannot exist at that stage; and docs/role-guidance.md is that same table, up to date.
/// </summary>
public sealed class RoleStageTableTests
{
    private static readonly PracticeContent Content = PracticeContent.Default;

    private static string DocPath => Path.Combine(RepositoryRoot.Path, "docs", "role-guidance.md");

    private static (List<string> DoNow, List<string> Involve, string BestPlacedTo) Card(string role, string stage)
    {
        var t = new Transcript();
        t.Menu(MenuVerbs.Roles).ExpectCard(RoleGuidanceTemplates.Pick);
        var card = t.Submit(("role", role), ("stage", stage)).ExpectCard(RoleGuidanceTemplates.Guidance);
        return (
            card.Data["doNow"]!.AsArray().Select(i => (string)i!["text"]!).ToList(),
            card.Data["involve"]!.AsArray().Select(i => $"{i!["title"]}: {i["value"]}").ToList(),
            (string)card.Data["bestPlacedTo"]!);
    }

    [Fact]
    public void EveryRoleAtEveryStage_IsToldOnlyWhatCanHappenThen()
    {
        var broken = new List<string>();
        foreach (var role in Content.Roles.Roles)
        {
            foreach (var stage in Content.Consultation.JourneyStages.Select(s => s.Id))
            {
                var (doNow, involve, bestPlacedTo) = Card(role.Id, stage);
                foreach (var text in doNow.Concat(involve).Append(bestPlacedTo))
                {
                    broken.AddRange(RoleStageRules.Broken(text, stage).Select(r => $"{role.Id} at {stage}: \"{text}\" mentions {r.Step}"));
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Theory]
    [InlineData("Meet the adoptive parents to plan letterbox.", RoleStageRules.CareProceedings)]
    [InlineData("Meet the adopters before placement.", RoleStageRules.PlacementOrder)]
    [InlineData("Make sure links are not lost before the adoption order.", RoleStageRules.Adopted)]
    [InlineData("Include a contact section in the guardian's report.", RoleStageRules.Placed)]
    [InlineData("Write the plan into the child permanence report.", RoleStageRules.BackInCare)]
    [InlineData("Review the plan after the adoption order.", RoleStageRules.Placed)]
    public void TheRules_CatchTheMistakesPractitionersReported(string text, string stage) =>
        Assert.NotEmpty(RoleStageRules.Broken(text, stage));

    [Theory]
    [InlineData("Explore with prospective adopters how they would support this child.", RoleStageRules.PlacementOrder)]
    [InlineData("Use the 'Adopters as custodians of children's connections' guide.", RoleStageRules.PlacementOrder)]
    [InlineData("Make sure links are not lost before the adoption order.", RoleStageRules.Placed)]
    public void TheRules_LeaveWhatIsTrueAlone(string text, string stage) =>
        Assert.Empty(RoleStageRules.Broken(text, stage));

    [Theory]
    [InlineData("iro", RoleStageRules.Adopted, "no part to play")]
    [InlineData("cafcass-guardian", RoleStageRules.PlacementOrder, "no part to play")]
    [InlineData("adoptive-parents", RoleStageRules.CareProceedings, "no part to play")]
    [InlineData("childs-social-worker", RoleStageRules.BackInCare, "care plan")]
    [InlineData("cafcass-guardian", RoleStageRules.CareProceedings, "guardian's report")]
    [InlineData("iro", RoleStageRules.Placed, "before the adoption order")]
    public void TheGuidance_ChangesWithTheStage(string role, string stage, string expected) =>
        Assert.Contains(Card(role, stage).DoNow, a => a.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void WhoElseToInvolve_NamesOnlyRolesWithAPartAtThatStage()
    {
        var involve = Card("adoption-support", RoleStageRules.CareProceedings).Involve;
        Assert.DoesNotContain(involve, i => i.StartsWith("Adoptive parents", StringComparison.Ordinal));
        Assert.Contains(involve, i => i.StartsWith("Child's social worker", StringComparison.Ordinal));
        Assert.Contains(Card("adoption-support", RoleStageRules.Placed).Involve, i => i.StartsWith("Adoptive parents", StringComparison.Ordinal));
    }

    /// <summary>docs/role-guidance.md is generated from roles.json; set KITBOT_WRITE_DOCS=1 to write it again.</summary>
    [Fact]
    public void TheRoleStageTableInDocs_IsUpToDate()
    {
        var expected = Markdown();
        if (Environment.GetEnvironmentVariable("KITBOT_WRITE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, expected);
        }

        var actual = File.Exists(DocPath) ? File.ReadAllText(DocPath).Replace("\r\n", "\n", StringComparison.Ordinal) : "(missing)";
        Assert.True(expected == actual,
            "docs/role-guidance.md is out of date with roles.json. Run: KITBOT_WRITE_DOCS=1 dotnet test tests/KitBot.Dialogs.Tests --filter TheRoleStageTableInDocs_IsUpToDate");
    }

    private static string Markdown()
    {
        var stages = Content.Consultation.JourneyStages;
        var roles = Content.Roles;
        var md = new StringBuilder();
        md.Append("# Role guidance by stage\n\n")
            .Append("Generated from `src/KitBot.Dialogs/Content/roles.json` by `RoleStageTableTests` (do not edit by hand: change roles.json, then run\n")
            .Append("`KITBOT_WRITE_DOCS=1 dotnet test tests/KitBot.Dialogs.Tests --filter TheRoleStageTableInDocs_IsUpToDate`).\n")
            .Append("A local authority's override of roles.json changes what its practitioners see, not this page.\n\n")
            .Append("Each role's guidance at a stage shows only the actions ticked for that stage, the ones for fewer stages first.\n")
            .Append("A role with nothing ticked at a stage is told it has no part to play then.\n\n")
            .Append("Stages: ");
        md.Append(string.Join("; ", stages.Select((s, i) => $"**{i + 1}** {s.Text}"))).Append(".\n\n");

        md.Append("## At a glance\n\nHow many actions each role has at each stage.\n\n| role | ")
            .Append(string.Join(" | ", stages.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))).Append(" |\n|---|")
            .Append(string.Concat(stages.Select(_ => "---|"))).Append('\n');
        foreach (var role in roles.Roles)
        {
            md.Append($"| {role.Name} | ")
                .Append(string.Join(" | ", stages.Select(s => role.Actions.Count(a => a.Stages.Contains(s.Id)) is var n && n > 0 ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")))
                .Append(" |\n");
        }

        foreach (var role in roles.Roles)
        {
            md.Append($"\n## {role.Name}\n\nBest placed to: {role.BestPlacedTo}\n\n| action | ")
                .Append(string.Join(" | ", stages.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))).Append(" |\n|---|")
                .Append(string.Concat(stages.Select(_ => ":-:|"))).Append('\n');
            foreach (var action in role.Actions)
            {
                md.Append($"| {action.Text} | ")
                    .Append(string.Join(" | ", stages.Select(s => action.Stages.Contains(s.Id) ? "✓" : " ")))
                    .Append(" |\n");
            }
        }

        md.Append("\n## Legal levers by stage\n\n| stage | levers |\n|---|---|\n");
        foreach (var stage in roles.Stages)
        {
            md.Append($"| {stages.First(s => s.Id == stage.Id).Text} | ")
                .Append(stage.Levers.Count == 0 ? "none" : string.Join("; ", stage.Levers.Select(id => roles.Levers.First(l => l.Id == id).Name)))
                .Append(" |\n");
        }

        md.Append("\n## What the test checks\n\nNo role is told, at these stages, about a step that cannot exist then (words looked for are in `tests/KitBot.Dialogs.Tests/Roles/RoleStageRules.cs`):\n\n");
        foreach (var rule in RoleStageRules.All)
        {
            md.Append($"- {rule.Step}; not at: ")
                .Append(string.Join(", ", rule.NotAt.Select(id => stages.First(s => s.Id == id).Text.ToLowerInvariant())))
                .Append(".\n");
        }

        return md.ToString();
    }
}
