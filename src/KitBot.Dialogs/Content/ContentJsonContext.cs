using System.Text.Json.Serialization;
using KitBot.Dialogs.Content.Model;

namespace KitBot.Dialogs.Content;

// Strict on purpose: an unknown property in a local authority's override is almost always a typo, and silently
// ignoring it would leave the default wording in place without anyone noticing.
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ConsultationFile))]
[JsonSerializable(typeof(FactorsFile))]
[JsonSerializable(typeof(SuggestionsFile))]
[JsonSerializable(typeof(RulesFile))]
[JsonSerializable(typeof(RolesFile))]
[JsonSerializable(typeof(WordingFile))]
[JsonSerializable(typeof(PlanFile))]
[JsonSerializable(typeof(PrivacyFile))]
internal sealed partial class ContentJsonContext : JsonSerializerContext;
