using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Plans;
using KitBot.Plans;

namespace KitBot.Tests.Plans;

/// <summary>The Word document passes the Open XML SDK's validator and holds the same text as the plan's cards; so does the text file.</summary>
public sealed class PlanExportTests
{
    public static TheoryData<string> Plans() => ["case-b", "largest", "non-latin"];

    private static PlanDriver Make(string which) => which switch
    {
        "case-b" => PlanDriver.CaseB(),
        "largest" => PlanDriver.Largest(),
        _ => PlanDriver.Largest("语"),
    };

    /// <summary>
    /// What the plan's cards show: the title, then each section's heading and its lines, in order; the file adds the
    /// version under the title and the revision history at the end (a drafted plan is version 1).
    /// </summary>
    private static List<string> CardLines(PlanDriver d)
    {
        var cards = d.PlanCards;
        var drafted = London(d.Plan.Created, null);
        var lines = new List<string> { cards[0].Data["title"]!.GetValue<string>(), $"Version 1, {drafted}" };
        var headings = new HashSet<string>();
        foreach (var item in cards.SelectMany(c => c.Data["sections"]!.AsArray()))
        {
            if (headings.Add(item!["id"]!.GetValue<string>()))
            {
                lines.Add(item["heading"]!.GetValue<string>());
            }

            lines.AddRange(item["text"]!.GetValue<string>().Split('\n').Where(l => l.Trim().Length > 0));
        }

        lines.AddRange(["Revision history", $"Version 1, {drafted}: Drafted from the consultation"]);
        return lines;
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public void Docx_PassesTheOpenXmlValidator_AndHoldsTheSameTextAsTheCards(string which)
    {
        var d = Make(which);
        var bytes = PlanExport.Docx(PlanDocument.From(PracticeContent.Default, d.Plan));

        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(doc).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"{e.Path?.XPath}: {e.Description}")));

        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        Assert.Equal(CardLines(d), paragraphs.Select(p => p.InnerText));
        Assert.Equal("Title", paragraphs[0].ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Equal(
            PlanSectionIds.All.Count + 1,
            paragraphs.Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1"));
        Assert.Equal(d.Plan.Title, doc.PackageProperties.Title);
    }

    // Export dates are in KitBot's default zone.
    private static string London(DateTimeOffset at, string? zone) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zone ?? "Europe/London")).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Docx_OfAnEditedSection_HoldsTheEdit()
    {
        var d = PlanDriver.CaseB();
        var purpose = d.Plan.Section(PlanSectionIds.Purpose)!;
        d.Run(new Dialogs.Turns.CardActionInput(new Dialogs.Turns.CardAction(PlanVerbs.Save, null, null, new Dictionary<string, string>
        {
            ["plan"] = d.Plan.Id, ["section"] = purpose.Id, ["part"] = "1", ["rev"] = "0", ["text.purpose.1"] = purpose.Text + "\nAgreed at the team meeting.",
        })));

        using var doc = WordprocessingDocument.Open(new MemoryStream(PlanExport.Docx(PlanDocument.From(PracticeContent.Default, d.Plan))), false);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("Agreed at the team meeting.", paragraphs);

        // The file names the current version and ends with the history, newest first.
        var today = London(d.Plan.Updated, null);
        var drafted = London(d.Plan.Created, null);
        Assert.Equal($"Version 2, {today}", paragraphs[1]);
        Assert.Equal(["Revision history", $"Version 2, {today}: Edited Purpose", $"Version 1, {drafted}: Drafted from the consultation"], paragraphs[^3..]);
    }

    [Fact]
    public void Docx_KeepsTabs_AndDropsCharactersWordCannotHold()
    {
        var plan = new PlanDocument("Plan", DateTimeOffset.UnixEpoch, [new PlanDocumentSection("purpose", "Purpose", "a\tb\u0001c\uD800d")]);
        using var doc = WordprocessingDocument.Open(new MemoryStream(PlanExport.Docx(plan)), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var line = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Last();
        Assert.Equal("abcd", line.InnerText);
        Assert.Single(line.Descendants<TabChar>());
    }

    [Fact]
    public void Text_IsUtf8_WithTheSameTextAsTheCards()
    {
        var d = PlanDriver.Largest("语");
        var bytes = PlanExport.Text(PlanDocument.From(PracticeContent.Default, d.Plan));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.Equal(CardLines(d), text.Split("\r\n").Where(l => l.Trim().Length > 0));
    }

    [Fact]
    public void FileNames_HoldNoPersonalDetails()
    {
        var plan = PlanDocument.From(PracticeContent.Default, PlanDriver.CaseB().Plan);
        Assert.Equal("kit-plan-2025-03-03.docx", PlanExport.FileName(plan, PlanFormat.Word));
        Assert.Equal("kit-plan-2025-03-03.txt", PlanExport.FileName(plan, PlanFormat.Text));
    }
}
