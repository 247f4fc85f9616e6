using System.Globalization;
using KitBot.Dialogs.Privacy;
using KitBot.Testing;
using Xunit.Abstractions;

namespace KitBot.Dialogs.Tests.Privacy;

/// <summary>
/// The privacy check measured on a labelled sample of practice notes written for this test (Data/labelled-notes.txt:
/// about half with a bare given name or a date of birth, half ordinary notes with the traps practitioners meet: "Mum",
/// "Christmas", "Eid", "Year 7", "HMP Leeds", "Peppa Pig", "Frozen", appointments, and names that are also words).
/// </summary>
public sealed class PrivacySampleTests(ITestOutputHelper output)
{
    private static IReadOnlyList<(string Label, string Note)> Sample() =>
        File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "tests", "KitBot.Dialogs.Tests", "Privacy", "Data", "labelled-notes.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .Select(p => (p[0], p[1]))
            .ToList();

    [Fact]
    public void OnTheLabelledSample_RecallIsAtLeast95Percent_AndFalseAlarmsUnder5Percent()
    {
        var sample = Sample();
        var names = sample.Where(s => s.Label == "name").ToList();
        var births = sample.Where(s => s.Label == "dob").ToList();
        var ordinary = sample.Where(s => s.Label == "none").ToList();
        Assert.True(sample.Count >= 200, $"{sample.Count} notes");
        Assert.Equal(sample.Count, names.Count + births.Count + ordinary.Count);
        Assert.InRange(names.Count + births.Count, sample.Count * 2 / 5, sample.Count * 3 / 5);

        var missedNames = names.Where(s => !PrivacyCheck.Check(s.Note).HasFlag(PrivacyConcern.Name)).ToList();
        var missedBirths = births.Where(s => !PrivacyCheck.Check(s.Note).HasFlag(PrivacyConcern.Date)).ToList();
        var falseAlarms = ordinary.Where(s => PrivacyCheck.Check(s.Note) != PrivacyConcern.None).ToList();

        double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
        var nameRecall = Ratio(names.Count - missedNames.Count, names.Count);
        var birthRecall = Ratio(births.Count - missedBirths.Count, births.Count);
        var caught = names.Count - missedNames.Count + births.Count - missedBirths.Count;
        var precision = Ratio(caught, caught + falseAlarms.Count);
        var falseAlarmRate = Ratio(falseAlarms.Count, ordinary.Count);

        string P(double value) => value.ToString("P1", CultureInfo.InvariantCulture);
        output.WriteLine($"{sample.Count} notes: {names.Count} with a given name, {births.Count} with a date of birth, {ordinary.Count} ordinary.");
        output.WriteLine($"Recall, given names: {P(nameRecall)} ({names.Count - missedNames.Count}/{names.Count})");
        output.WriteLine($"Recall, dates of birth: {P(birthRecall)} ({births.Count - missedBirths.Count}/{births.Count})");
        output.WriteLine($"Precision: {P(precision)} ({caught} flagged rightly, {falseAlarms.Count} wrongly)");
        output.WriteLine($"False alarms on ordinary notes: {P(falseAlarmRate)} ({falseAlarms.Count}/{ordinary.Count})");
        foreach (var (_, note) in missedNames.Concat(missedBirths))
        {
            output.WriteLine($"  missed: {note}");
        }

        foreach (var (_, note) in falseAlarms)
        {
            output.WriteLine($"  false alarm: {note} -> {string.Join(", ", PrivacyCheck.Find(note).Select(f => $"{f.Kind} '{f.Text}'"))}");
        }

        Assert.True(nameRecall >= 0.95, $"recall on given names {P(nameRecall)}");
        Assert.True(birthRecall >= 0.95, $"recall on dates of birth {P(birthRecall)}");
        Assert.True(falseAlarmRate < 0.05, $"false alarms {P(falseAlarmRate)}");
    }
}
