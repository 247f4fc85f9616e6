using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using KitBot.Packaging;
using KitBot.Testing;

namespace KitBot.Tests.Packaging;

public sealed class TeamsAppPackageTests
{
    private const string BotId = "6f1c2b0e-3a4d-4e5f-9a8b-7c6d5e4f3a2b";

    [SkippableFact]
    public async Task Manifest_PassesTheOfficialSchemaValidation()
    {
        await NodeTools.RequireAsync();

        var manifest = TeamsAppPackage.Manifest(BotId, new TeamsAppOptions { ValidDomains = ["kitbot.example.gov.uk"] });

        var (code, result) = await NodeTools.NodeAsync("validate-manifest.js", manifest.ToJsonString(), TimeSpan.FromMinutes(1));

        Assert.True(code == 0, result);
        Assert.Equal("[]", result.Trim());
    }

    [SkippableFact]
    public async Task Manifest_WithAMissingRequiredField_IsRejectedByTheValidator()
    {
        // Guards the test above: the validator really runs against the bundled schema.
        await NodeTools.RequireAsync();

        var manifest = TeamsAppPackage.Manifest(BotId, new TeamsAppOptions());
        manifest.Remove("developer");

        var (_, result) = await NodeTools.NodeAsync("validate-manifest.js", manifest.ToJsonString(), TimeSpan.FromMinutes(1));

        Assert.Contains("developer", result);
    }

    [SkippableFact]
    public void Manifest_NamesTheBot_InEveryScope_WithItsCommands()
    {
        var manifest = TeamsAppPackage.Manifest(BotId, new TeamsAppOptions());

        var bot = manifest["bots"]![0]!;
        Assert.Equal(BotId, bot["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.All(bot["commandLists"]!.AsArray(), list => Assert.Contains(list!["commands"]!.AsArray(), c => c!["title"]!.GetValue<string>() == "help"));
        Assert.Equal(BotId, manifest["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public void Manifest_WithoutABotAppId_IsRefusedWithTheSettingNamed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TeamsAppPackage.Manifest("", new TeamsAppOptions()));
        Assert.Contains("Teams:AppId", error.Message);
    }

    [SkippableFact]
    public void Zip_HoldsExactlyTheManifestAndTwoIconsOfTheRightSize()
    {
        using var zip = new MemoryStream();
        TeamsAppPackage.Write(zip, TeamsAppPackage.Manifest(BotId, new TeamsAppOptions()), Path.Combine(AppContext.BaseDirectory, "teams"));

        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        Assert.Equal((192, 192), PngSize(archive.GetEntry("color.png")!));
        Assert.Equal((32, 32), PngSize(archive.GetEntry("outline.png")!));
        using var manifest = archive.GetEntry("manifest.json")!.Open();
        Assert.Equal(BotId, JsonNode.Parse(manifest)!["bots"]![0]!["botId"]!.GetValue<string>());
    }

    private static (int Width, int Height) PngSize(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        Assert.Equal("PNG", System.Text.Encoding.ASCII.GetString(header, 1, 3));
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)),
                System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }
}
