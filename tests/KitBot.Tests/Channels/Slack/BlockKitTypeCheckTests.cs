using System.Text;
using System.Text.Json.Nodes;
using KitBot.Channels.Slack;
using KitBot.Dialogs.Turns;
using KitBot.Testing;
using KitBot.Tests.Channels.Slack.Support;
using Xunit.Abstractions;

namespace KitBot.Tests.Channels.Slack;

/// <summary>
/// Every Block Kit payload KitBot produces type-checks against npm @slack/types (<c>KnownBlock[]</c>, and <c>View</c>
/// for modals) under <c>tsc --strict</c>: the payloads are written into a generated .ts file and compiled.
/// </summary>
public sealed class BlockKitTypeCheckTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task EveryPayload_TypeChecksAsKnownBlocks()
    {
        await NodeTools.RequireAsync();

        var payloads = new List<(string Name, JsonArray Blocks)>();
        var forms = new List<JsonObject>();
        foreach (var (name, card, summary) in TemplateCards.All())
        {
            var translated = BlockKitTranslator.Translate(card, summary, "form-1");
            payloads.AddRange(translated.Messages.Select((m, i) => ($"{name} #{i}", m.Blocks)));
            if (translated.Form is not null)
            {
                forms.Add(BlockKitTranslator.FormModal(translated.Form, "{\"channel\":\"D1\",\"data\":{\"verb\":\"x\"}}"));
            }
        }

        foreach (var (name, card) in new[]
        {
            ("every element", SampleCards.EveryElement()),
            ("over the limits", SampleCards.OverTheLimits(out _, out _, out _)),
            ("long card with a form", SampleCards.LongCardWithForm()),
        })
        {
            payloads.AddRange(BlockKitTranslator.ToMessages(card, name).Select((m, i) => ($"{name} #{i}", m.Blocks)));
        }

        foreach (var reply in TemplateCards.TextReplies().Cast<TextReply>())
        {
            payloads.AddRange(SlackSender.RenderText(reply.Text).Select((m, i) => ($"text reply #{i}", m.Blocks)));
        }

        var views = new[] { BlockKitTranslator.ToModal(SampleCards.EveryElement(), "Every element", "{\"channel\":\"D1\",\"data\":{}}") }
            .Concat(forms).ToArray();
        Assert.NotEmpty(forms);

        var source = new StringBuilder("import type { KnownBlock, View } from '@slack/types';\n\n");
        for (var i = 0; i < payloads.Count; i++)
        {
            source.Append($"// {payloads[i].Name}\nexport const b{i}: KnownBlock[] = {payloads[i].Blocks.ToJsonString()};\n\n");
        }

        for (var i = 0; i < views.Length; i++)
        {
            source.Append($"export const v{i}: View = {views[i].ToJsonString()};\n\n");
        }

        var folder = Directory.CreateTempSubdirectory("kitbot-blockkit-").FullName;
        var modules = Path.Combine(NodeTools.Folder, "node_modules");
        await File.WriteAllTextAsync(Path.Combine(folder, "blocks.ts"), source.ToString());
        var config = new JsonObject
        {
            ["compilerOptions"] = new JsonObject
            {
                ["strict"] = true,
                ["noEmit"] = true,
                ["target"] = "ES2020",
                ["module"] = "commonjs",
                ["moduleResolution"] = "node",
                ["baseUrl"] = ".",
                ["typeRoots"] = new JsonArray(Path.Combine(modules, "@types")),
                ["types"] = new JsonArray(),
                ["paths"] = new JsonObject { ["@slack/types"] = new JsonArray(Path.Combine(modules, "@slack", "types")) },
            },
            ["files"] = new JsonArray("blocks.ts"),
        };
        await File.WriteAllTextAsync(Path.Combine(folder, "tsconfig.json"), config.ToJsonString());

        var (code, result) = await NodeTools.RunAsync(NodeTools.Bin("tsc"), ["--strict", "--noEmit", "-p", "tsconfig.json"], folder, TimeSpan.FromMinutes(3));

        output.WriteLine($"{payloads.Count} blocks payloads and {views.Length} view(s) checked in {folder}");
        Assert.True(code == 0, $"tsc found problems in {folder}/blocks.ts:\n{result}");
        Directory.Delete(folder, recursive: true);
    }
}
