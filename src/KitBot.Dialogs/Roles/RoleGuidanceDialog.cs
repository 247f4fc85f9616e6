using System.Text.Json.Nodes;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Turns;

namespace KitBot.Dialogs.Roles;

/// <summary>
/// Role guidance: choose a role (from roles.json) and the child's stage; get what that role is best placed to
/// know, what to do now, who else to involve, and the legal levers at that stage.
/// </summary>
internal sealed class RoleGuidanceDialog(PracticeContent content) : IDialog
{
    /// <summary>The name stored in <see cref="ActiveDialog.Name"/>.</summary>
    public const string DialogName = "roles";

    private const string RoleInput = "role";
    private const string StageInput = "stage";

    public string Name => DialogName;

    public string Description => content.Message(MessageKeys.RolesName);

    public void Register(VerbRegistry verbs) => verbs.Add(RoleGuidanceVerbs.Show, ShowGuidance);

    /// <summary>"Role guidance" on the menu: always starts afresh.</summary>
    public TurnResult StartFromMenu(DialogContext ctx, CardAction action) => Start(ctx);

    public TurnResult Resume(DialogContext ctx) =>
        ctx.State.Roles is { } roles ? Show(ctx, roles) : Start(ctx);

    public TurnResult Help(DialogContext ctx) => ctx.Say(new TextReply(
        content.Message(ctx.State.Roles?.Step == RoleGuidanceStep.Guidance ? MessageKeys.RolesHelpGuidance : MessageKeys.RolesHelpPick)
        + " " + content.Message(MessageKeys.DialogCommands)));

    public TurnResult Back(DialogContext ctx) => ctx.State.Roles switch
    {
        null => Start(ctx),
        { Step: RoleGuidanceStep.Guidance } roles when ctx.State.Dialog?.Step == StepName(roles) =>
            Show(ctx, roles with { Step = RoleGuidanceStep.Pick }),
        { Step: RoleGuidanceStep.Guidance } roles => Show(ctx, roles),
        var roles when ctx.State.Dialog?.Step != StepName(roles) => Show(ctx, roles),
        _ => ctx.Say(new TextReply(content.Message(MessageKeys.DialogFirstStep))),
    };

    public TurnResult Restart(DialogContext ctx) => Start(ctx);

    /// <inheritdoc />
    public bool HasAnswers(ConversationState state) => false;

    /// <inheritdoc />
    public TurnResult Cancel(DialogContext ctx) => DialogContext.Say(
        ctx.State with { Roles = null, Dialog = null },
        new TextReply(content.Message(MessageKeys.RolesCancelled)));

    public TurnResult Text(DialogContext ctx, string text)
    {
        var roles = ctx.State.Roles ?? new RoleGuidanceState();
        var expected = content.Message(roles.Step == RoleGuidanceStep.Guidance ? MessageKeys.RolesExpectedGuidance : MessageKeys.RolesExpectedPick);
        return Show(ctx, roles, new TextReply(content.Message(MessageKeys.DialogWaiting, ("expected", expected))));
    }

    // A new id each time, so cards from earlier role guidance are recognised as stale.
    private TurnResult Start(DialogContext ctx) =>
        Show(ctx with { State = ctx.State with { Dialog = null } }, new RoleGuidanceState());

    private TurnResult ShowGuidance(DialogContext ctx, CardAction action)
    {
        // Only a card this dialog sent (carrying its id and step) can choose; anything else shows where things are.
        if (action.DialogId is null || ctx.State.Roles is not { Step: RoleGuidanceStep.Pick } roles || ctx.State.Dialog?.Name != DialogName)
        {
            return Resume(ctx);
        }

        // Only answers from the lists are kept, so nothing typed elsewhere ends up in the state.
        var role = content.Roles.Roles.FirstOrDefault(r => r.Id == action.Value(RoleInput))?.Id;
        var stage = content.Consultation.JourneyStages.FirstOrDefault(s => s.Id == action.Value(StageInput))?.Id;
        var problems = new List<string>();
        if (role is null)
        {
            problems.Add(content.Consultation.Questions["role"].Error);
        }

        if (stage is null)
        {
            problems.Add(content.Consultation.Questions["stage"].Error);
        }

        if (problems.Count > 0)
        {
            return Show(ctx, roles with { Role = role, Stage = stage },
                new TextReply(content.Message(MessageKeys.DialogReask, ("problems", string.Join(" ", problems)))));
        }

        return Show(ctx, roles with { Step = RoleGuidanceStep.Guidance, Role = role, Stage = stage });
    }

    private TurnResult Show(DialogContext ctx, RoleGuidanceState roles, params Reply[] before)
    {
        var state = ctx.State;
        var (template, data) = roles.Step == RoleGuidanceStep.Guidance
            ? (RoleGuidanceTemplates.Guidance, GuidanceCard(roles))
            : (RoleGuidanceTemplates.Pick, PickCard(roles));
        var dialog = state.Dialog is { Name: DialogName } current
            ? current with { Step = StepName(roles) }
            : new ActiveDialog(Name, StepCards.NewId("r", state, ctx.Turn.Timestamp), StepName(roles));
        var (next, card) = StepCards.Show(state with { Roles = roles }, dialog, template, data, $"{data["title"]}");
        return new TurnResult(next, [.. before, card]);
    }

    private JsonObject PickCard(RoleGuidanceState roles)
    {
        var q = content.Consultation.Questions;
        return new JsonObject
        {
            ["title"] = content.Message(MessageKeys.RolesTitle),
            ["intro"] = content.Message(MessageKeys.RolesIntro),
            ["roleLabel"] = q["role"].Label,
            ["roleError"] = q["role"].Error,
            ["roles"] = new JsonArray([.. content.Roles.Roles.Select(r => (JsonNode)new JsonObject { ["title"] = r.Name, ["value"] = r.Id })]),
            ["role"] = roles.Role ?? string.Empty,
            ["stageLabel"] = q["stage"].Label,
            ["stageError"] = q["stage"].Error,
            ["stages"] = CardData.Choices(content.Consultation.JourneyStages),
            ["stage"] = roles.Stage ?? string.Empty,
        };
    }

    private JsonObject GuidanceCard(RoleGuidanceState roles)
    {
        var role = content.Roles.Roles.First(r => r.Id == roles.Role);
        var stage = content.Roles.Stages.First(s => s.Id == roles.Stage);
        var stageName = content.Consultation.JourneyStages.First(s => s.Id == roles.Stage).Text;
        var now = ActionsAt(role, stage.Id).Select(a => a.Text).ToList();
        if (now.Count == 0)
        {
            now.Add(content.Message(MessageKeys.RolesNoActions));
        }

        // Only roles with something to do at this stage are suggested: no adopters before there are any.
        var involve = role.Involve.Select(id => content.Roles.Roles.First(r => r.Id == id)).Where(r => ActionsAt(r, stage.Id).Any());
        var levers = stage.Levers.Select(id => content.Roles.Levers.First(l => l.Id == id)).ToList();
        return new JsonObject
        {
            ["title"] = role.Name,
            ["stageName"] = stageName,
            ["stageNote"] = stage.Note,
            ["bestPlacedToTitle"] = content.Message(MessageKeys.RolesBestPlacedTo),
            ["bestPlacedTo"] = role.BestPlacedTo,
            ["doNowTitle"] = content.Message(MessageKeys.RolesDoNow),
            ["doNow"] = CardData.Texts(now),
            ["involveTitle"] = content.Message(MessageKeys.RolesInvolve),
            ["involve"] = Facts(involve.Select(r => (r.Name, r.BestPlacedTo))),
            ["leversTitle"] = content.Message(MessageKeys.RolesLevers),
            ["hasLevers"] = levers.Count > 0,
            ["levers"] = Facts(levers.Select(l => (l.Name, l.Text))),
            ["noLevers"] = content.Message(MessageKeys.RolesNoLevers),
            ["disclaimer"] = content.Message(MessageKeys.RolesDisclaimer),
        };
    }

    /// <summary>
    /// What <paramref name="role"/> can do at <paramref name="stage"/>: only actions that exist then, the ones
    /// particular to fewer stages first (they are the most pressing now).
    /// </summary>
    internal static IEnumerable<Content.Model.RoleAction> ActionsAt(Content.Model.Role role, string stage) =>
        role.Actions.Where(a => a.Stages.Contains(stage, StringComparer.Ordinal)).OrderBy(a => a.Stages.Count);

    private static JsonArray Facts(IEnumerable<(string Title, string Value)> facts) =>
        new([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]);

    private static string StepName(RoleGuidanceState roles) => roles.Step == RoleGuidanceStep.Guidance ? "guidance" : "pick";

}
