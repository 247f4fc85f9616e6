using System.Globalization;
using KitBot.Channels;
using KitBot.Conversations;
using KitBot.Dialogs.Content;
using KitBot.Dialogs.Engine;
using KitBot.Dialogs.Handover;
using KitBot.Dialogs.Plans;
using KitBot.Dialogs.Turns;
using KitBot.Privacy;
using KitBot.Reminders;
using KitBot.Storage;
using KitBot.Turns;
using Microsoft.Extensions.Options;

namespace KitBot.Handover;

/// <summary>
/// Answers the hand-over verbs (<see cref="HandoverVerbs"/>): gives the owner a one-time code, and applies a code a
/// colleague types in their own chat. Taking a plan over moves it between two people's state rows, each saved with
/// the optimistic version check, and re-points its open reviews; every step can run again harmlessly, so a move cut
/// short is finished by typing the code again. The decisions are the core's (<see cref="HandoverRules"/>).
/// </summary>
public sealed class Handovers(
    HandoverStore codes,
    IReviewStore reviews,
    IConversationStore conversations,
    ChannelDirectory channels,
    ReminderCalendar calendar,
    UndeliverableReminders undeliverable,
    IOptions<ReminderOptions> options,
    PracticeContent content,
    TimeProvider time,
    AuditLog audit,
    KeyEncryptionKey secret,
    ILogger<Handovers> logger) : IStoredVerbs
{
    /// <summary>Audit: the owner was given a hand-over code for a plan (subject: the plan id).</summary>
    public const string CodeIssuedAction = "handover.code";

    /// <summary>Audit: the owner was given a reminder partner code for a plan.</summary>
    public const string PartnerCodeIssuedAction = "handover.partnercode";

    /// <summary>Audit: the owner's plan went to a colleague.</summary>
    public const string HandedOverAction = "plan.handedover";

    /// <summary>Audit: a colleague took a plan over.</summary>
    public const string TakenOverAction = "plan.takenover";

    /// <summary>Audit: a colleague became a plan's reminder partner (written for both).</summary>
    public const string PartnerAction = "plan.partner";

    private const int MaxAttempts = 8;

    // The codes' hashing key, derived from the key-encryption key (never stored in the database), the same on every instance.
    private readonly byte[] _hashKey = System.Security.Cryptography.HKDF.DeriveKey(
        System.Security.Cryptography.HashAlgorithmName.SHA256, secret.Bytes, 32, info: System.Text.Encoding.UTF8.GetBytes("KitBot.HandoverCodes"));

    /// <inheritdoc />
    public IReadOnlyCollection<string> Verbs => HandoverVerbs.All;

    /// <inheritdoc />
    public Task<IReadOnlyList<Reply>> HandleAsync(StoredTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Action.Verb switch
        {
            HandoverVerbs.Start => OfferAsync(turn, HandoverPurpose.Handover, cancellationToken),
            HandoverVerbs.Partner => OfferAsync(turn, HandoverPurpose.Partner, cancellationToken),
            HandoverVerbs.Take => TakeAsync(turn, cancellationToken),
            _ => ShareAsync(turn, cancellationToken),
        };
    }

    private async Task<IReadOnlyList<Reply>> OfferAsync(StoredTurn turn, HandoverPurpose purpose, CancellationToken cancellationToken)
    {
        var plans = turn.State.Plans;
        var pressed = turn.Action.Value(HandoverVerbs.Plan);
        var plan = pressed is not null
            ? plans.FirstOrDefault(p => p.Id == pressed)
            : HandoverRules.Pick(plans, turn.Action.Value(HandoverVerbs.Which));
        if (plan is null)
        {
            // A button on an old card for a plan since deleted or handed over says so; typed words that fit no plan ask which.
            return [new TextReply(pressed is not null ? HandoverMessages.NotYours : plans.Count == 0 ? HandoverMessages.NoPlans : HandoverMessages.WhichPlan)];
        }

        var userId = turn.Turn.User.Id;
        var now = time.GetUtcNow();
        var code = HandoverCodes.New();
        var expires = HandoverRules.ExpiresAt(now);
        await codes.AddAsync(
            new HandoverCode(
                HandoverCodes.Hash(code, purpose, _hashKey), purpose, plan.Id, userId,
                ConversationReference.StateKeyFor(turn.Reference.Key, userId), turn.Reference.Key, now, expires),
            cancellationToken);
        await audit.WriteAsync(userId, purpose == HandoverPurpose.Handover ? CodeIssuedAction : PartnerCodeIssuedAction, plan.Id, cancellationToken);
        Log.HandoverCodeIssued(logger, plan.Id, purpose.ToString());

        var zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.ResolveZone(turn.Turn.TimeZone));
        var until = TimeZoneInfo.ConvertTime(expires, zone).ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture);
        return [new TextReply(purpose == HandoverPurpose.Handover
            ? HandoverMessages.HandoverOffer(plan.Title, code, until)
            : HandoverMessages.PartnerOffer(plan.Title, code, until, options.Value.EscalateAfterWorkingDays))];
    }

    private async Task<IReadOnlyList<Reply>> TakeAsync(StoredTurn turn, CancellationToken cancellationToken)
    {
        var userId = turn.Turn.User.Id;
        var (row, fresh, refusal) = await ClaimAsync(turn, HandoverPurpose.Handover, cancellationToken);
        if (row is null)
        {
            return [new TextReply(refusal!)];
        }

        var now = time.GetUtcNow();
        var (plan, changed, moved) = await MoveAsync(row, userId, turn.Reference.Key, now, cancellationToken);
        if (plan is null)
        {
            return [new TextReply(HandoverMessages.PlanGone)];
        }

        // A worker who has left often cannot be reached any more: reminders that waited for their chat come here now.
        await undeliverable.ReopenAsync(turn.Reference with { UserId = userId }, now, cancellationToken);

        if (fresh)
        {
            // Ids only: the plan's id for both people, never its title or the code.
            await audit.WriteAsync(row.OwnerUserId, HandedOverAction, plan.Id, cancellationToken);
            await audit.WriteAsync(userId, TakenOverAction, plan.Id, cancellationToken);
            Log.PlanHandedOver(logger, plan.Id, moved);
            await TellOwnerAsync(row, plan.Id, HandoverMessages.HandedOver(plan.Title), cancellationToken);
        }

        if (!fresh && !changed)
        {
            return [new TextReply(HandoverMessages.AlreadyTaken(plan.Title))];
        }

        var open = await reviews.ListOpenAsync(userId, plan.Id, cancellationToken);
        return [new TextReply(HandoverMessages.TakenOver(plan.Title, open.Count))];
    }

    private async Task<IReadOnlyList<Reply>> ShareAsync(StoredTurn turn, CancellationToken cancellationToken)
    {
        var userId = turn.Turn.User.Id;
        var (row, fresh, refusal) = await ClaimAsync(turn, HandoverPurpose.Partner, cancellationToken);
        if (row is null)
        {
            return [new TextReply(refusal!)];
        }

        if (!fresh)
        {
            return [new TextReply(HandoverMessages.AlreadySharing)];
        }

        var owner = ConversationStateSerializer.Deserialize((await conversations.LoadStateAsync(row.OwnerStateKey, cancellationToken)).Json);
        if (owner.Plans.FirstOrDefault(p => p.Id == row.PlanId) is not { } plan)
        {
            return [new TextReply(HandoverMessages.PlanGone)];
        }

        await codes.SetPartnerAsync(new PlanPartner(row.PlanId, row.OwnerUserId, userId, turn.Reference.Key), time.GetUtcNow(), cancellationToken);
        await audit.WriteAsync(row.OwnerUserId, PartnerAction, plan.Id, cancellationToken);
        await audit.WriteAsync(userId, PartnerAction, plan.Id, cancellationToken);
        Log.PartnerSet(logger, plan.Id);
        await TellOwnerAsync(row, plan.Id, HandoverMessages.PartnerAccepted(plan.Title), cancellationToken);
        return [new TextReply(HandoverMessages.Sharing(options.Value.EscalateAfterWorkingDays))];
    }

    /// <summary>
    /// The typed code's row, once claimed for this person (fresh), or already theirs from an earlier go; otherwise the
    /// kind refusal. The claim is one conditional update: of two people typing the same code at once, one gets it.
    /// </summary>
    private async Task<(HandoverCode? Row, bool Fresh, string? Refusal)> ClaimAsync(StoredTurn turn, HandoverPurpose purpose, CancellationToken cancellationToken)
    {
        var typed = turn.Action.Value(HandoverVerbs.Code);
        if (HandoverCodes.Read(typed) is not { } code)
        {
            Log.HandoverCodeRefused(logger, typed is null ? "missing" : nameof(HandoverCheck.Wrong));
            return (null, false, typed is null ? HandoverMessages.NeedCode : HandoverMessages.Wrong);
        }

        var userId = turn.Turn.User.Id;
        var hash = HandoverCodes.Hash(code, purpose, _hashKey);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var now = time.GetUtcNow();
            var row = await codes.GetAsync(hash, cancellationToken);
            var check = HandoverRules.Check(row?.ToTicket(), userId, now);
            switch (check)
            {
                case HandoverCheck.UsedByYou:
                    return (row, false, null);
                case HandoverCheck.Valid when purpose == HandoverPurpose.Handover && HandoverRules.TooMany(content, turn.State.Plans, row!.PlanId):
                    // Checked before the claim, so the code still works once a plan has been deleted.
                    return (null, false, HandoverMessages.TooMany(HandoverRules.MaxPlans(content)));
                case HandoverCheck.Valid:
                    if (await codes.TryClaimAsync(hash, userId, now, cancellationToken) is { } claimed)
                    {
                        return (claimed, true, null);
                    }

                    // Someone else used it (or it expired) between the read and the claim: read it again and say which.
                    continue;
                default:
                    Log.HandoverCodeRefused(logger, check.ToString());
                    return (null, false, Refusal(check));
            }
        }

        return (null, false, HandoverMessages.Used);
    }

    private static string Refusal(HandoverCheck check) => check switch
    {
        HandoverCheck.Expired => HandoverMessages.Expired,
        HandoverCheck.Used => HandoverMessages.Used,
        HandoverCheck.OwnCode => HandoverMessages.OwnCode,
        _ => HandoverMessages.Wrong,
    };

    /// <summary>
    /// Moves the plan from the owner's state to the recipient's, then its open reviews and partner. Idempotent: the
    /// recipient gets the owner's latest copy before the owner's is removed (so an edit made meanwhile is not lost),
    /// a removal that loses the version race is tried again, and a plan already moved is left as it is.
    /// </summary>
    private async Task<(PlanState? Plan, bool Changed, int Reviews)> MoveAsync(HandoverCode row, string toUserId, string toConversationKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var toKey = ConversationReference.StateKeyFor(toConversationKey, toUserId);
        PlanState? plan = null;
        var changed = false;
        for (var attempt = 1; ; attempt++)
        {
            var stored = await conversations.LoadStateAsync(row.OwnerStateKey, cancellationToken);
            var owner = ConversationStateSerializer.Deserialize(stored.Json);
            if (owner.Plans.FirstOrDefault(p => p.Id == row.PlanId) is not { } theirs)
            {
                break;
            }

            plan = theirs;
            changed |= await PutAsync(toKey, theirs, now, cancellationToken);
            var without = owner with { Plans = [.. owner.Plans.Where(p => p.Id != row.PlanId)] };
            if (await conversations.TrySaveStateAsync(row.OwnerStateKey, ConversationStateSerializer.Serialize(without), stored.Version, now, cancellationToken))
            {
                changed = true;
                break;
            }

            Log.HandoverConflict(logger, row.PlanId, attempt);
            if (attempt == MaxAttempts)
            {
                // Nothing is lost: the code is this person's now, and typing it again finishes the move.
                throw new InvalidOperationException("The owner's state kept changing during a hand-over.");
            }
        }

        plan ??= ConversationStateSerializer.Deserialize((await conversations.LoadStateAsync(toKey, cancellationToken)).Json)
            .Plans.FirstOrDefault(p => p.Id == row.PlanId);
        if (plan is null)
        {
            return (null, false, 0);
        }

        var moved = await reviews.MovePlanAsync(row.PlanId, row.OwnerUserId, toUserId, toConversationKey, now, cancellationToken);
        await codes.MovePartnerAsync(row.PlanId, row.OwnerUserId, toUserId, cancellationToken);
        return (plan, changed || moved > 0, moved);
    }

    /// <summary>Puts <paramref name="plan"/> at the top of the recipient's plans (replacing an older copy); false when it was already there as it is.</summary>
    private async Task<bool> PutAsync(string key, PlanState plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await conversations.LoadStateAsync(key, cancellationToken);
            var state = ConversationStateSerializer.Deserialize(stored.Json);
            if (state.Plans.FirstOrDefault(p => p.Id == plan.Id) is { } existing && existing.Updated == plan.Updated)
            {
                return false;
            }

            var updated = state with { Plans = [plan, .. state.Plans.Where(p => p.Id != plan.Id)] };
            if (await conversations.TrySaveStateAsync(key, ConversationStateSerializer.Serialize(updated), stored.Version, now, cancellationToken))
            {
                return true;
            }

            Log.HandoverConflict(logger, plan.Id, attempt);
        }

        throw new InvalidOperationException("The recipient's state kept changing during a hand-over.");
    }

    private async Task TellOwnerAsync(HandoverCode row, string planId, string text, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await conversations.GetReferenceAsync(row.OwnerConversationKey, cancellationToken) is { Unreachable: false } reference
                ? await channels.SendAsync(reference with { UserId = row.OwnerUserId }, [new TextReply(text)], cancellationToken)
                : Channels.Teams.ConnectorOutcome.Unreachable;
            if (outcome is not (Channels.Teams.ConnectorOutcome.Sent or Channels.Teams.ConnectorOutcome.Unconfirmed))
            {
                Log.HandoverOwnerNotTold(logger, planId, outcome.ToString());
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The move is done and saved; the owner sees it in My plans even if this note does not arrive.
            Log.HandoverOwnerNotTold(logger, planId, e.GetType().Name);
        }
    }
}
