namespace KitBot.Dialogs.Content;

/// <summary>The keys of the messages in plan.json that the code uses; each must be present and non-empty.</summary>
internal static class PlanMessageKeys
{
    public const string CardIntro = "card.intro";
    public const string CardProgress = "card.progress";
    public const string CardPart = "card.part";
    public const string CardInputLabel = "card.inputLabel";
    public const string CardEdited = "card.edited";
    public const string CardSave = "card.save";
    public const string CardText = "card.text";
    public const string CardWord = "card.word";
    public const string CardPlain = "card.plain";
    public const string CardMyPlans = "card.myPlans";
    public const string CardExportTitle = "card.exportTitle";
    public const string CardExportIntro = "card.exportIntro";
    public const string CardSummary = "card.summary";
    public const string PlanDrafted = "plan.drafted";
    public const string PlanSaved = "plan.saved";
    public const string PlanUnchanged = "plan.unchanged";
    public const string PlanStale = "plan.stale";
    public const string PlanEmpty = "plan.empty";
    public const string PlanTooLong = "plan.tooLong";
    public const string PlanPrivacyKept = "plan.privacyKept";
    public const string PlanMissing = "plan.missing";
    public const string PlanLimit = "plan.limit";
    public const string PlanTextPart = "plan.textPart";
    public const string PlanDownloadWord = "plan.downloadWord";
    public const string PlanDownloadText = "plan.downloadText";
    public const string PlanDownloadGroup = "plan.downloadGroup";
    public const string ListTitle = "list.title";
    public const string ListIntro = "list.intro";
    public const string ListEmpty = "list.empty";
    public const string ListUpdated = "list.updated";
    public const string ListOpen = "list.open";
    public const string ListDelete = "list.delete";
    public const string ListConsult = "list.consult";
    public const string ListMenu = "list.menu";
    public const string ListSummary = "list.summary";
    public const string DeleteTitle = "delete.title";
    public const string DeletePrompt = "delete.prompt";
    public const string DeleteYes = "delete.yes";
    public const string DeleteNo = "delete.no";
    public const string DeleteDone = "delete.done";
    public const string DeleteAlready = "delete.already";
    public const string VoiceChild = "voice.child";
    public const string VoiceYoungPerson = "voice.youngPerson";
    public const string TextSuggested = "text.suggested";
    public const string TextSuggestedFor = "text.suggestedFor";
    public const string TextUnclear = "text.unclear";
    public const string TextStillToFind = "text.stillToFind";
    public const string TextWhether = "text.whether";
    public const string TextWithNote = "text.withNote";
    public const string TextAnd = "text.and";
    public const string PurposePerson = "purpose.person";
    public const string PurposeNone = "purpose.none";
    public const string PurposeAlso = "purpose.also";
    public const string PeopleNone = "people.none";
    public const string PeopleHeading = "people.heading";
    public const string PeopleWhyUnknown = "people.whyUnknown";
    public const string PeopleIdentityLink = "people.identityLink";
    public const string StrengthsChild = "strengths.child";
    public const string StrengthsIdentity = "strengths.identity";
    public const string StrengthsPersonNone = "strengths.personNone";
    public const string StrengthsAdoptersNone = "strengths.adoptersNone";
    public const string StrengthsAdopters = "strengths.adopters";
    public const string StrengthsAdults = "strengths.adults";
    public const string KitForms = "kit.forms";
    public const string KitNoForms = "kit.noForms";
    public const string KitSafeguards = "kit.safeguards";
    public const string KitNotSuggested = "kit.notSuggested";
    public const string KitNotSuggestedPlain = "kit.notSuggestedPlain";
    public const string KitToAgree = "kit.toAgree";
    public const string KitField = "kit.field";
    public const string KitFieldsToAgree = "kit.fieldsToAgree";
    public const string KitNone = "kit.none";
    public const string KitWhole = "kit.whole";
    public const string SupportFor = "support.for";
    public const string SupportToAgree = "support.toAgree";
    public const string SupportToAgreeFor = "support.toAgreeFor";
    public const string ReviewSchedule = "review.schedule";
    public const string ReviewToAgree = "review.toAgree";
    public const string ReviewSuggestedTriggers = "review.suggestedTriggers";
    public const string KitToAgreeAll = "kit.toAgreeAll";
    public const string ReviewWhen = "review.when";
    public const string ReviewTriggers = "review.triggers";
    public const string PrinciplesLine = "principles.line";
    public const string PrinciplesMissing = "principles.missing";
    public const string PrinciplesNothingAddressed = "principles.nothingAddressed";
    public const string PrinciplesWishesKnown = "principles.wishesKnown";
    public const string PrinciplesWishesNotSought = "principles.wishesNotSought";
    public const string PrinciplesWishesNotYetAble = "principles.wishesNotYetAble";
    public const string PrinciplesIdentity = "principles.identity";
    public const string PrinciplesAnswered = "principles.answered";
    public const string PrinciplesUnanswered = "principles.unanswered";
    public const string PrinciplesAdopters = "principles.adopters";
    public const string PrinciplesAdoptersUnknown = "principles.adoptersUnknown";
    public const string PrinciplesNoPeople = "principles.noPeople";
    public const string PrinciplesTriggers = "principles.triggers";
    public const string PrinciplesWhen = "principles.when";
    public const string PrinciplesWhenAgreed = "principles.whenAgreed";
    public const string PrinciplesTriggersAgreed = "principles.triggersAgreed";
    public const string PrinciplesAdults = "principles.adults";
    public const string PrinciplesAdultsUnknown = "principles.adultsUnknown";
    public const string PrinciplesWithAdopters = "principles.withAdopters";
    public const string PrinciplesRiskKnown = "principles.riskKnown";
    public const string PrinciplesRiskUnknown = "principles.riskUnknown";
    public const string PrinciplesSafeguards = "principles.safeguards";
    public const string PrinciplesForms = "principles.forms";
    public const string PrinciplesNoForms = "principles.noForms";
    public const string PrinciplesArrangements = "principles.arrangements";
    public const string PrinciplesManual = "principles.manual";
    public const string VersionDrafted = "version.drafted";
    public const string VersionFirst = "version.first";
    public const string VersionEdited = "version.edited";
    public const string VersionsTitle = "versions.title";
    public const string VersionsIntro = "versions.intro";
    public const string VersionsItem = "versions.item";
    public const string VersionsCurrent = "versions.current";
    public const string VersionsShow = "versions.show";
    public const string VersionsChanges = "versions.changes";
    public const string VersionsOpen = "versions.open";
    public const string VersionsAll = "versions.all";
    public const string VersionsSummary = "versions.summary";
    public const string VersionTitle = "version.title";
    public const string VersionIntro = "version.intro";
    public const string VersionMissing = "version.missing";
    public const string ChangesTitle = "changes.title";
    public const string ChangesIntro = "changes.intro";
    public const string ChangesNone = "changes.none";
    public const string ChangesFirst = "changes.first";
    public const string ChangesAdded = "changes.added";
    public const string ChangesRemoved = "changes.removed";
    public const string ExportVersion = "export.version";
    public const string ExportHistory = "export.history";
    public const string ExportHistoryLine = "export.historyLine";

    /// <summary>Every key, for validation at load.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        VersionDrafted,
        VersionFirst,
        VersionEdited,
        VersionsTitle,
        VersionsIntro,
        VersionsItem,
        VersionsCurrent,
        VersionsShow,
        VersionsChanges,
        VersionsOpen,
        VersionsAll,
        VersionsSummary,
        VersionTitle,
        VersionIntro,
        VersionMissing,
        ChangesTitle,
        ChangesIntro,
        ChangesNone,
        ChangesFirst,
        ChangesAdded,
        ChangesRemoved,
        ExportVersion,
        ExportHistory,
        ExportHistoryLine,
        CardIntro,
        CardProgress,
        CardPart,
        CardInputLabel,
        CardEdited,
        CardSave,
        CardText,
        CardWord,
        CardPlain,
        CardMyPlans,
        CardExportTitle,
        CardExportIntro,
        CardSummary,
        PlanDrafted,
        PlanSaved,
        PlanUnchanged,
        PlanStale,
        PlanEmpty,
        PlanTooLong,
        PlanPrivacyKept,
        PlanMissing,
        PlanLimit,
        PlanTextPart,
        PlanDownloadWord,
        PlanDownloadText,
        PlanDownloadGroup,
        ListTitle,
        ListIntro,
        ListEmpty,
        ListUpdated,
        ListOpen,
        ListDelete,
        ListConsult,
        ListMenu,
        ListSummary,
        DeleteTitle,
        DeletePrompt,
        DeleteYes,
        DeleteNo,
        DeleteDone,
        DeleteAlready,
        VoiceChild,
        VoiceYoungPerson,
        TextSuggested,
        TextSuggestedFor,
        TextUnclear,
        TextStillToFind,
        TextWhether,
        TextWithNote,
        TextAnd,
        PurposePerson,
        PurposeNone,
        PurposeAlso,
        PeopleNone,
        PeopleHeading,
        PeopleWhyUnknown,
        PeopleIdentityLink,
        StrengthsChild,
        StrengthsIdentity,
        StrengthsPersonNone,
        StrengthsAdoptersNone,
        StrengthsAdopters,
        StrengthsAdults,
        KitForms,
        KitNoForms,
        KitSafeguards,
        KitNotSuggested,
        KitNotSuggestedPlain,
        KitToAgree,
        KitField,
        KitFieldsToAgree,
        KitNone,
        KitWhole,
        SupportFor,
        SupportToAgree,
        SupportToAgreeFor,
        ReviewSchedule,
        ReviewToAgree,
        ReviewSuggestedTriggers,
        KitToAgreeAll,
        ReviewWhen,
        ReviewTriggers,
        PrinciplesLine,
        PrinciplesMissing,
        PrinciplesNothingAddressed,
        PrinciplesWishesKnown,
        PrinciplesWishesNotSought,
        PrinciplesWishesNotYetAble,
        PrinciplesIdentity,
        PrinciplesAnswered,
        PrinciplesUnanswered,
        PrinciplesAdopters,
        PrinciplesAdoptersUnknown,
        PrinciplesNoPeople,
        PrinciplesTriggers,
        PrinciplesWhen,
        PrinciplesWhenAgreed,
        PrinciplesTriggersAgreed,
        PrinciplesAdults,
        PrinciplesAdultsUnknown,
        PrinciplesWithAdopters,
        PrinciplesRiskKnown,
        PrinciplesRiskUnknown,
        PrinciplesSafeguards,
        PrinciplesForms,
        PrinciplesNoForms,
        PrinciplesArrangements,
        PrinciplesManual,
    ];
}
