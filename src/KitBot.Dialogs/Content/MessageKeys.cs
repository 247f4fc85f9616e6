namespace KitBot.Dialogs.Content;

/// <summary>The keys of the messages in wording.json that the code uses; each must be present and non-empty.</summary>
internal static class MessageKeys
{
    public const string DialogStartOverPrompt = "dialog.startOverPrompt";
    public const string DialogStartOverTitle = "dialog.startOverTitle";
    public const string DialogStartOverYes = "dialog.startOverYes";
    public const string DialogStartOverNo = "dialog.startOverNo";
    public const string DialogCommands = "dialog.commands";
    public const string DialogWaiting = "dialog.waiting";
    public const string DialogFirstStep = "dialog.firstStep";
    public const string DialogMenuKept = "dialog.menuKept";
    public const string DialogReask = "dialog.reask";
    public const string ConsultName = "consult.name";
    public const string ConsultCancelled = "consult.cancelled";
    public const string ConsultFinished = "consult.finished";
    public const string ConsultResumeYes = "consult.resumeYes";
    public const string ConsultResumeNew = "consult.resumeNew";
    public const string ConsultExhaustion = "consult.exhaustion";
    public const string ConsultNoPeople = "consult.noPeople";
    public const string ConsultTooManyPeople = "consult.tooManyPeople";
    public const string ConsultLabelWithoutRelationship = "consult.labelWithoutRelationship";
    public const string ConsultLabelTooLong = "consult.labelTooLong";
    public const string ConsultNoteTooLong = "consult.noteTooLong";
    public const string ConsultExpectedChild = "consult.expected.child";
    public const string ConsultExpectedPeople = "consult.expected.people";
    public const string ConsultExpectedFactors = "consult.expected.factors";
    public const string ConsultExpectedSummary = "consult.expected.summary";
    public const string ConsultExpectedResume = "consult.expected.resume";
    public const string ConsultExpectedPlan = "consult.expected.plan";
    public const string ConsultFactorsUnanswered = "consult.factors.unanswered";
    public const string ConsultFactorsMore = "consult.factors.more";
    public const string ConsultFactorsUnknownGroup = "consult.factors.unknownGroup";
    public const string ConsultPlanSuggested = "consult.plan.suggested";
    public const string ConsultPlanMore = "consult.plan.more";
    public const string ConsultPlanPlaceholder = "consult.plan.placeholder";
    public const string ConsultPlanReviewTitle = "consult.plan.reviewTitle";
    public const string ConsultPlanReviewIntro = "consult.plan.reviewIntro";
    public const string ConsultPlanTriggers = "consult.plan.triggers";
    public const string ConsultProgress = "consult.progress";
    public const string ConsultPersonProgress = "consult.personProgress";
    public const string SummaryBecause = "summary.because";
    public const string SummaryAlways = "summary.always";
    public const string SummaryPurposes = "summary.purposes";
    public const string SummaryForms = "summary.forms";
    public const string SummarySupport = "summary.support";
    public const string SummarySafeguards = "summary.safeguards";
    public const string SummaryNotSuggested = "summary.notSuggested";
    public const string SummaryNothing = "summary.nothing";
    public const string SummaryFamily = "summary.family";
    public const string SummaryPrinciples = "summary.principles";
    public const string SummaryRelationship = "summary.relationship";
    public const string SummaryJourney = "summary.journey";
    public const string SummaryStatus = "summary.status";
    public const string SummaryAge = "summary.age";
    public const string SummaryWishes = "summary.wishes";
    public const string SummaryIdentityNeeds = "summary.identityNeeds";
    public const string PrivacyIntro = "privacy.intro";
    public const string PrivacyKeepHint = "privacy.keepHint";
    public const string PrivacyNoticed = "privacy.noticed";
    public const string PrivacyNext = "privacy.next";
    public const string PrivacyKeepLabel = "privacy.keepLabel";
    public const string PrivacyKindEmail = "privacy.kind.email";
    public const string PrivacyKindPhone = "privacy.kind.phone";
    public const string PrivacyKindPostcode = "privacy.kind.postcode";
    public const string PrivacyKindDate = "privacy.kind.date";
    public const string PrivacyKindAddress = "privacy.kind.address";
    public const string PrivacyKindName = "privacy.kind.name";
    public const string RolesName = "roles.name";
    public const string RolesTitle = "roles.title";
    public const string RolesIntro = "roles.intro";
    public const string RolesHelpPick = "roles.help.pick";
    public const string RolesHelpGuidance = "roles.help.guidance";
    public const string RolesExpectedPick = "roles.expected.pick";
    public const string RolesExpectedGuidance = "roles.expected.guidance";
    public const string RolesCancelled = "roles.cancelled";
    public const string RolesBestPlacedTo = "roles.bestPlacedTo";
    public const string RolesDoNow = "roles.doNow";
    public const string RolesInvolve = "roles.involve";
    public const string RolesLevers = "roles.levers";
    public const string RolesNoLevers = "roles.noLevers";
    public const string RolesNoActions = "roles.noActions";
    public const string RolesDisclaimer = "roles.disclaimer";
    public const string ConsultPersonHeading = "consult.personHeading";
    public const string ConsultExhaustionHint = "consult.exhaustionHint";
    public const string ConsultResumed = "consult.resumed";
    public const string ConsultNothingToResume = "consult.nothingToResume";
    public const string FactorsStrengths = "factors.strengths";
    public const string FactorsChallenges = "factors.challenges";
    public const string FactorsFacts = "factors.facts";

    /// <summary>Every key, for validation at load.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        DialogStartOverPrompt,
        DialogStartOverTitle,
        DialogStartOverYes,
        DialogStartOverNo,
        DialogCommands,
        DialogWaiting,
        DialogFirstStep,
        DialogMenuKept,
        DialogReask,
        ConsultName,
        ConsultCancelled,
        ConsultFinished,
        ConsultResumeYes,
        ConsultResumeNew,
        ConsultExhaustion,
        ConsultNoPeople,
        ConsultTooManyPeople,
        ConsultLabelWithoutRelationship,
        ConsultLabelTooLong,
        ConsultNoteTooLong,
        ConsultExpectedChild,
        ConsultExpectedPeople,
        ConsultExpectedFactors,
        ConsultExpectedSummary,
        ConsultExpectedResume,
        ConsultExpectedPlan,
        ConsultPlanSuggested,
        ConsultPlanMore,
        ConsultPlanPlaceholder,
        ConsultPlanReviewTitle,
        ConsultPlanReviewIntro,
        ConsultPlanTriggers,
        ConsultFactorsUnanswered,
        ConsultFactorsMore,
        ConsultFactorsUnknownGroup,
        ConsultProgress,
        ConsultPersonProgress,
        SummaryBecause,
        SummaryAlways,
        SummaryPurposes,
        SummaryForms,
        SummarySupport,
        SummarySafeguards,
        SummaryNotSuggested,
        SummaryNothing,
        SummaryFamily,
        SummaryPrinciples,
        SummaryRelationship,
        SummaryJourney,
        SummaryStatus,
        SummaryAge,
        SummaryWishes,
        SummaryIdentityNeeds,
        PrivacyIntro,
        PrivacyKeepHint,
        PrivacyNoticed,
        PrivacyNext,
        PrivacyKeepLabel,
        PrivacyKindEmail,
        PrivacyKindPhone,
        PrivacyKindPostcode,
        PrivacyKindDate,
        PrivacyKindAddress,
        PrivacyKindName,
        RolesName,
        RolesTitle,
        RolesIntro,
        RolesHelpPick,
        RolesHelpGuidance,
        RolesExpectedPick,
        RolesExpectedGuidance,
        RolesCancelled,
        RolesBestPlacedTo,
        RolesDoNow,
        RolesInvolve,
        RolesLevers,
        RolesNoLevers,
        RolesNoActions,
        RolesDisclaimer,
        ConsultPersonHeading,
        ConsultExhaustionHint,
        ConsultResumed,
        ConsultNothingToResume,
        FactorsStrengths,
        FactorsChallenges,
        FactorsFacts,
    ];
}
