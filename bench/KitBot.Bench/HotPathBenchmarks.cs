using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using KitBot.Cards.Templating;
using KitBot.Channels.Slack;
using KitBot.Channels.Teams;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Turns;
using KitBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KitBot.Bench;

/// <summary>
/// The hot path of one turn, piece by piece, on the consultation's largest ordinary card (a person's strengths
/// and challenges): the dialog step, the template expansion, the Block Kit translation, JWT validation, and
/// the state load and save on SQLite.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private const string Issuer = "https://api.botframework.com";
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly AdaptiveCardTemplateEngine _templates = new();
    private readonly DateTimeOffset _now = new(2025, 3, 3, 9, 30, 0, TimeSpan.Zero);
    private DialogEngine _engine = null!;
    private ConversationState _stateBeforeFactors = null!;
    private Turn _factorsTurn = null!;
    private JsonNode _factorsTemplate = null!;
    private JsonObject _factorsData = null!;
    private JsonObject _factorsCard = null!;
    private string _stateJson = "";
    private SqliteConversationStore _store = null!;
    private string _dataFolder = "";
    private long _version;
    private WebApplication? _metadata;
    private RSA? _rsa;
    private JwtBotFrameworkAuthenticator _jwt = null!;
    private string _authorization = "";

    private static Activity WireActivity(Attachment card) => new()
    {
        Type = ActivityTypes.Message,
        From = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "a:conversation" },
        Summary = "Strengths and challenges",
        Attachments = [card],
    };

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // A consultation up to the first person's factors card, through the real engine and serializer.
        _engine = new DialogEngine(PracticeContent.Default);
        var state = ConversationStateSerializer.Deserialize(null);
        CardReply? card = null;
        TurnResult Step(TurnInput input)
        {
            var result = _engine.Run(new Turn(new TurnUser("user-1"), new TurnConversation("conv-1"), input, _now, "en-GB", "Europe/London"), state);
            state = ConversationStateSerializer.Deserialize(ConversationStateSerializer.Serialize(result.State));
            card = result.Replies.OfType<CardReply>().LastOrDefault() ?? card;
            return result;
        }

        Step(new CardActionInput(new CardAction("menu.consult", null, null, new Dictionary<string, string>())));
        Step(Submit(card!, "consult.child", new() { ["ageBand"] = "5-10", ["journey"] = "placed", ["wishes"] = "said", ["identity"] = "", ["childNote"] = "" }));
        Step(Submit(card!, "consult.people", new() { ["rel0"] = "grandparent", ["label0"] = "Nan" }));
        _stateBeforeFactors = state;
        _factorsData = card!.Data;
        _factorsTurn = new Turn(new TurnUser("user-1"), new TurnConversation("conv-1"),
            Submit(card, card.Data["verb"]!.GetValue<string>(), new() { ["f.child-positive"] = "yes", ["f.person-risk"] = "no" }), _now, "en-GB", "Europe/London");
        _factorsTemplate = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cards", card.Template + ".json")))!;
        _factorsCard = (JsonObject)_templates.Expand(_factorsTemplate, _factorsData)!;
        _stateJson = ConversationStateSerializer.Serialize(state);

        _dataFolder = Directory.CreateTempSubdirectory("kitbot-micro-").FullName;
        _store = new SqliteConversationStore(Microsoft.Extensions.Options.Options.Create(new StorageOptions
        {
            Sqlite = new SqliteStorageOptions { Path = Path.Combine(_dataFolder, "kitbot.db") },
        }));
        _version = (await _store.LoadStateAsync("msteams:bench", CancellationToken.None)).Version;

        await SetupJwtAsync();
    }

    [Benchmark(Description = "Dialog step (factors card submit, engine only)")]
    public TurnResult DialogStep() => _engine.Run(_factorsTurn, _stateBeforeFactors);

    [Benchmark(Description = "State serialize + deserialize")]
    public ConversationState StateRoundTrip() => ConversationStateSerializer.Deserialize(ConversationStateSerializer.Serialize(_stateBeforeFactors));

    [Benchmark(Description = "Template expansion (consult-factors)")]
    public JsonNode? TemplateExpansion() => _templates.Expand(_factorsTemplate, _factorsData);

    [Benchmark(Description = "Template expansion to UTF-8 (consult-factors)")]
    public byte[] TemplateExpansionUtf8() => _templates.ExpandToUtf8(_factorsTemplate, _factorsData);

    // A card reply to the Teams connector's request body, as before issue 15's item 3: the expanded node tree in the
    // attachment, serialized with the activity.
    [Benchmark(Description = "Card to Teams wire, via node tree (expand + serialize activity)")]
    public byte[] TeamsWireViaTree() => JsonSerializer.SerializeToUtf8Bytes(
        WireActivity(new Attachment { ContentType = ActivityTypes.AdaptiveCardContentType, Content = _templates.Expand(_factorsTemplate, _factorsData) }),
        BotFrameworkJson.Options);

    // Now: the card rendered once to UTF-8 and written into the activity as it is.
    [Benchmark(Description = "Card to Teams wire, UTF-8 (render + serialize activity)")]
    public byte[] TeamsWireUtf8() => JsonSerializer.SerializeToUtf8Bytes(
        WireActivity(new Attachment { ContentType = ActivityTypes.AdaptiveCardContentType, ContentUtf8 = _templates.ExpandToUtf8(_factorsTemplate, _factorsData) }),
        BotFrameworkJson.Options);

    // The factors form is more than one Slack message holds (50 blocks), so Slack shows it in a modal, as here.
    [Benchmark(Description = "Block Kit translation (consult-factors, modal)")]
    public JsonObject BlockKit() => BlockKitTranslator.ToModal(_factorsCard, "Strengths", "{}");

    [Benchmark(Description = "JWT validation (RS256, cached keys)")]
    public Task<BotFrameworkIdentity?> JwtValidation() => _jwt.AuthenticateAsync(_authorization, CancellationToken.None);

    [Benchmark(Description = "SQLite state load + save")]
    public async Task<bool> SqliteLoadSave()
    {
        var loaded = await _store.LoadStateAsync("msteams:bench", CancellationToken.None);
        var saved = await _store.TrySaveStateAsync("msteams:bench", _stateJson, loaded.Version, _now, CancellationToken.None);
        _version = loaded.Version;
        return saved;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _jwt.Dispose();
        _rsa?.Dispose();
        if (_metadata is not null)
        {
            await _metadata.StopAsync();
            await _metadata.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static CardActionInput Submit(CardReply card, string verb, Dictionary<string, string> values) =>
        new(new CardAction(verb, card.Data[StepCards.DialogIdKey]?.GetValue<string>(), card.Data[StepCards.StepKey]?.GetValue<int>(), values));

    // A local OpenID metadata + JWKS endpoint and a token signed by its key, as the Bot Framework would send.
    private async Task SetupJwtAsync()
    {
        _rsa = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _metadata = builder.Build();
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        _metadata.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => Results.Text(new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString(), "application/json"));
        _metadata.MapGet("/v1/.well-known/keys", () => Results.Text(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = "bench-key",
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray("msteams"),
            }),
        }.ToJsonString(), "application/json"));
        await _metadata.StartAsync();

        var options = new TeamsOptions
        {
            AppId = AppId,
            TenantId = "tenant-1",
            OpenIdMetadataUrl = _metadata.Urls.Single().TrimEnd('/') + "/v1/.well-known/openidconfiguration",
            ValidIssuers = [Issuer],
        };
        _jwt = new JwtBotFrameworkAuthenticator(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<JwtBotFrameworkAuthenticator>.Instance);
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(2),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "bench-key" }, SecurityAlgorithms.RsaSha256),
        });
        _authorization = "Bearer " + token;
        if (await _jwt.AuthenticateAsync(_authorization, CancellationToken.None) is null)
        {
            throw new InvalidOperationException("The benchmark's own token was refused; the JWT benchmark would measure a refusal.");
        }
    }
}
