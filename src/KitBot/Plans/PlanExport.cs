using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KitBot.Dialogs.Plans;

namespace KitBot.Plans;

/// <summary>
/// A whole plan as a file: a Word document (a title, a heading per section, a paragraph per line, with real
/// Title and Heading 1 styles so it slots into a case record's structure) or plain UTF-8 text. Both hold exactly
/// the text the plan's cards show, with the current version under the title and a short revision history at the end.
/// </summary>
public static class PlanExport
{
    /// <summary>The file's bytes in <paramref name="format"/>.</summary>
    public static byte[] Render(PlanDocument plan, PlanFormat format) => format == PlanFormat.Word ? Docx(plan) : Text(plan);

    /// <summary>The file's media type.</summary>
    public static string ContentType(PlanFormat format) => format == PlanFormat.Word
        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        : "text/plain; charset=utf-8";

    /// <summary>A file name with no personal details, for example <c>kit-plan-2025-03-03.docx</c>.</summary>
    public static string FileName(PlanDocument plan, PlanFormat format) =>
        FormattableString.Invariant($"kit-plan-{plan.Created.UtcDateTime:yyyy-MM-dd}.{(format == PlanFormat.Word ? "docx" : "txt")}");

    /// <summary>The plan as plain text: UTF-8 with a byte order mark and Windows line ends, which Notepad and Word both read.</summary>
    public static byte[] Text(PlanDocument plan) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(plan.ToPlainText("\r\n"))];

    /// <summary>The plan as a Word document.</summary>
    public static byte[] Docx(PlanDocument plan)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.PackageProperties.Title = XmlSafe(plan.Title);
            word.PackageProperties.Creator = "KitBot";
            word.PackageProperties.Created = plan.Created.UtcDateTime;

            var main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Paragraph(plan.Title, "Title"));
            if (plan.Version.Length > 0)
            {
                body.Append(Paragraph(plan.Version, null));
            }

            foreach (var section in plan.Sections)
            {
                body.Append(Paragraph(section.Heading, "Heading1"));
                foreach (var line in section.Lines)
                {
                    body.Append(Paragraph(line, null));
                }
            }

            // A short revision history closes the record: which version this is and why each one was made.
            if (plan.HistoryLines.Count > 0)
            {
                body.Append(Paragraph(plan.HistoryHeading, "Heading1"));
                foreach (var line in plan.HistoryLines)
                {
                    body.Append(Paragraph(line, null));
                }
            }

            // A4 with 2.54 cm margins.
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        // A tab is its own element in a Word run; everything else is text, with spaces kept as typed.
        var run = new Run();
        var pieces = XmlSafe(text).Split('\t');
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new TabChar());
            }

            run.Append(new Text(pieces[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Calibri", ComplexScript = "Calibri" },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(
            new StyleName { Val = "Title" },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }),
            new StyleRunProperties(new Bold(), new FontSize { Val = "40" }))
        { Type = StyleValues.Paragraph, StyleId = "Title" },
        new Style(
            new StyleName { Val = "heading 1" },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 }),
            new StyleRunProperties(new Bold(), new FontSize { Val = "30" }))
        { Type = StyleValues.Paragraph, StyleId = "Heading1" });

    // Characters XML 1.0 cannot hold (most control characters, broken surrogate pairs) would make Word refuse the file.
    private static string XmlSafe(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (c is '\t' or '\n' or '\r' || c >= ' ') && c is not ('\uFFFE' or '\uFFFF'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
