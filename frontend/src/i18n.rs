//! Every string the app shows, in every language it speaks, and the reactive language choice.
//!
//! The table is one `Key` per visible string with one column per [`Lang`]; adding a language
//! means adding a variant to [`Lang`] and a column to [`texts!`]. The compiler then points at
//! every row that lacks a translation.
//!
//! The first choice comes from `navigator.language` (French for `fr*`, English otherwise); a
//! choice made with the switcher is kept in localStorage under [`LANG_KEY`]. The `<html lang>`
//! attribute always follows the current language.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use pioneer_domain::roadmap::{RoadmapStatus, StakeholderGroup};
use pioneer_domain::{FieldError, Role};

/// localStorage key of the chosen language.
pub const LANG_KEY: &str = "pioneer.lang";

/// A language the UI speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// BCP 47 tag, as written in `<html lang>` and in localStorage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's name in itself, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// Reads a tag such as `fr-FR` or `en`; `None` for a language the UI does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    fn column(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Fr => 1,
        }
    }
}

macro_rules! texts {
    ($($key:ident => [$en:expr, $fr:expr $(,)?]),* $(,)?) => {
        /// One visible string of the UI.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key { $($key),* }

        impl Key {
            #[cfg(test)]
            const ALL: &'static [Key] = &[$(Key::$key),*];

            fn columns(self) -> [&'static str; 2] {
                match self { $(Key::$key => [$en, $fr]),* }
            }
        }
    };
}

texts! {
    AppName => ["Pioneer Hub", "Pioneer Hub"],
    AppTagline => [
        "The platform of the Pathfinding Global Alliance to end violence against children",
        "La plateforme de l’Alliance mondiale pionnière pour mettre fin à la violence envers les enfants",
    ],
    SkipToContent => ["Skip to main content", "Aller au contenu principal"],
    Language => ["Language", "Langue"],
    MainNav => ["Main navigation", "Navigation principale"],
    NavHome => ["Home", "Accueil"],
    NavCountries => ["Countries", "Pays"],
    NavUsers => ["Users", "Utilisateurs"],
    NavApiTokens => ["API tokens", "Jetons d’API"],
    SignedInAs => ["Signed in as", "Connecté·e en tant que"],
    Logout => ["Log out", "Se déconnecter"],
    Loading => ["Loading…", "Chargement…"],
    GenericError => ["Something went wrong. Please try again.", "Une erreur est survenue. Veuillez réessayer."],
    NetworkError => [
        "The server could not be reached. Check your connection and try again.",
        "Le serveur est injoignable. Vérifiez votre connexion et réessayez.",
    ],
    Forbidden => ["You do not have access to this page.", "Vous n’avez pas accès à cette page."],
    NotFoundTitle => ["Page not found", "Page introuvable"],
    NotFoundBody => ["This address does not lead to any page.", "Cette adresse ne mène à aucune page."],
    BackHome => ["Back to the home page", "Retour à l’accueil"],
    Yes => ["Yes", "Oui"],
    No => ["No", "Non"],
    Never => ["Never", "Jamais"],
    Previous => ["Previous", "Précédent"],
    Next => ["Next", "Suivant"],
    PageOf => ["Page {page} of {pages}", "Page {page} sur {pages}"],
    Pagination => ["Pagination", "Pagination"],
    Empty => ["Nothing here yet.", "Rien pour l’instant."],
    FormHasErrors => ["Please correct the fields marked below.", "Veuillez corriger les champs signalés ci-dessous."],

    // Login
    LoginTitle => ["Sign in", "Connexion"],
    Email => ["E-mail", "Adresse e-mail"],
    Password => ["Password", "Mot de passe"],
    SignIn => ["Sign in", "Se connecter"],
    SigningIn => ["Signing in…", "Connexion en cours…"],
    InvalidCredentials => ["E-mail or password is incorrect", "Adresse e-mail ou mot de passe incorrect"],
    RateLimited => [
        "Too many attempts. Try again in {seconds} seconds.",
        "Trop de tentatives. Réessayez dans {seconds} secondes.",
    ],

    // Home
    Welcome => ["Welcome, {name}", "Bienvenue, {name}"],
    HomeIntro => [
        "Pioneer Hub brings together the countries and partners of the alliance: national roadmaps, annual progress reports and shared knowledge.",
        "Pioneer Hub réunit les pays et les partenaires de l’alliance : feuilles de route nationales, rapports annuels de progrès et savoirs partagés.",
    ],
    Role => ["Role", "Rôle"],
    Country => ["Country", "Pays"],
    YourSpaces => ["Your spaces", "Vos espaces"],
    CountriesBlurb => ["Member states of the alliance and all ISO 3166 countries.", "Les États membres de l’alliance et tous les pays ISO 3166."],
    UsersBlurb => ["Accounts of country teams, reviewers and partners.", "Les comptes des équipes nationales, examinateurs et partenaires."],
    ApiTokensBlurb => ["Tokens for national information systems and dashboards.", "Des jetons pour les systèmes d’information nationaux et les tableaux de bord."],

    // Roles
    RoleAdmin => ["Administrator", "Administrateur"],
    RoleSecretariat => ["Secretariat", "Secrétariat"],
    RoleReviewer => ["Core Support Group reviewer", "Examinateur du Groupe de soutien"],
    RoleCountryFocalPoint => ["Country focal point", "Point focal national"],
    RoleCountryContributor => ["Country contributor", "Contributeur national"],
    RolePartner => ["Partner", "Partenaire"],

    // Countries
    CountriesTitle => ["Countries", "Pays"],
    PioneerOnly => ["Pioneer countries only", "Pays pionniers uniquement"],
    CountriesCount => ["{count} countries", "{count} pays"],
    Code => ["Code", "Code"],
    Name => ["Name", "Nom"],
    Region => ["Region", "Région"],
    Pioneer => ["Pioneer", "Pionnier"],
    RegionAfrica => ["Africa", "Afrique"],
    RegionAmericas => ["Americas", "Amériques"],
    RegionAsia => ["Asia", "Asie"],
    RegionEurope => ["Europe", "Europe"],
    RegionOceania => ["Oceania", "Océanie"],

    // Users
    UsersTitle => ["Users", "Utilisateurs"],
    UsersCount => ["{count} members", "{count} membres"],
    NewUserTitle => ["Add a member", "Ajouter un membre"],
    ChooseCountry => ["Choose a country", "Choisir un pays"],
    PasswordHint => ["At least 10 characters.", "Au moins 10 caractères."],
    CreateUser => ["Create the account", "Créer le compte"],
    UserCreated => ["Account created for {name}.", "Compte créé pour {name}."],
    Status => ["Status", "Statut"],
    Active => ["Active", "Actif"],
    Inactive => ["Inactive", "Inactif"],
    Activate => ["Activate", "Activer"],
    Deactivate => ["Deactivate", "Désactiver"],
    Actions => ["Actions", "Actions"],
    You => ["(you)", "(vous)"],

    // Field errors
    ErrRequired => ["This field is required.", "Ce champ est obligatoire."],
    ErrInvalidFormat => ["This value is not in the expected format.", "Cette valeur n’a pas le format attendu."],
    ErrInvalidEmail => ["Enter a valid e-mail address.", "Saisissez une adresse e-mail valide."],
    ErrPasswordTooShort => ["The password needs at least 10 characters.", "Le mot de passe doit compter au moins 10 caractères."],
    ErrTooLong => ["This value is too long.", "Cette valeur est trop longue."],
    ErrNotAllowed => ["Not allowed for this role.", "Non autorisé pour ce rôle."],
    ErrEmailTaken => ["An account already uses this e-mail address.", "Un compte utilise déjà cette adresse e-mail."],
    ErrUnknownCountry => ["Unknown country.", "Pays inconnu."],

    // API tokens
    ApiTokensTitle => ["API tokens", "Jetons d’API"],
    ApiTokensIntro => [
        "Integrators send these tokens as “Authorization: Bearer …” to call the REST API from national information systems and dashboards.",
        "Les intégrateurs envoient ces jetons dans l’en-tête « Authorization: Bearer … » pour appeler l’API REST depuis les systèmes d’information nationaux et les tableaux de bord.",
    ],
    NewTokenTitle => ["Create a token", "Créer un jeton"],
    TokenName => ["Name", "Nom"],
    TokenNameHint => ["What the token is for, e.g. “National dashboard”.", "À quoi sert le jeton, par exemple « Tableau de bord national »."],
    ExpiresOn => ["Expires on (optional)", "Expire le (facultatif)"],
    CreateToken => ["Create the token", "Créer le jeton"],
    TokenCreated => ["Token “{name}” created", "Jeton « {name} » créé"],
    TokenShownOnce => [
        "Copy this token now: it will not be shown again.",
        "Copiez ce jeton maintenant : il ne sera plus affiché.",
    ],
    Copy => ["Copy", "Copier"],
    Copied => ["Copied", "Copié"],
    Dismiss => ["I have copied it", "Je l’ai copié"],
    CreatedOn => ["Created", "Créé le"],
    Expires => ["Expires", "Expire le"],
    LastUsed => ["Last used", "Dernière utilisation"],
    Revoke => ["Revoke", "Révoquer"],
    RevokeNamed => ["Revoke the token “{name}”", "Révoquer le jeton « {name} »"],
    RevokeConfirm => ["Revoke the token “{name}”? Systems that use it will lose access.", "Révoquer le jeton « {name} » ? Les systèmes qui l’utilisent perdront l’accès."],

    // Roadmaps
    NavRoadmaps => ["Roadmaps", "Feuilles de route"],
    NavReviewQueue => ["Review queue", "File d’examen"],
    RoadmapsBlurb => ["National roadmaps: priorities, key actions, budgets and indicators.", "Les feuilles de route nationales : priorités, actions clés, budgets et indicateurs."],
    ReviewQueueBlurb => ["Submitted roadmaps waiting for a decision, oldest first.", "Les feuilles de route soumises en attente de décision, les plus anciennes d’abord."],
    RoadmapsTitle => ["Roadmaps", "Feuilles de route"],
    RoadmapsCount => ["{count} roadmaps", "{count} feuilles de route"],
    RoadmapsCountOne => ["1 roadmap", "1 feuille de route"],
    RoadmapsCountShown => [
        "{count} roadmaps; the {shown} most recently updated are shown: filter to find the others",
        "{count} feuilles de route ; les {shown} plus récemment mises à jour sont affichées : filtrez pour trouver les autres"
    ],
    AllCountries => ["All countries", "Tous les pays"],
    AllStatuses => ["All statuses", "Tous les statuts"],
    StatusDraft => ["Draft", "Brouillon"],
    StatusSubmitted => ["Submitted", "Soumis"],
    StatusChangesRequested => ["Changes requested", "Modifications demandées"],
    StatusApproved => ["Approved", "Approuvé"],
    StatusSuperseded => ["Superseded", "Remplacé"],
    Title => ["Title", "Titre"],
    Period => ["Period", "Période"],
    Version => ["Version", "Version"],
    VersionN => ["Version {n}", "Version {n}"],
    UpdatedOn => ["Updated", "Mis à jour"],
    NewRoadmap => ["New roadmap", "Nouvelle feuille de route"],
    PeriodStart => ["First year", "Première année"],
    PeriodEnd => ["Last year", "Dernière année"],
    CreateRoadmap => ["Create the roadmap", "Créer la feuille de route"],
    Cancel => ["Cancel", "Annuler"],
    Summary => ["Vision and summary", "Vision et résumé"],
    Consultation => ["National consultation", "Consultation nationale"],
    HeldOn => ["Date of the consultation", "Date de la consultation"],
    StakeholderGroups => ["Stakeholder groups who took part", "Parties prenantes ayant participé"],
    Participants => ["Number of participants", "Nombre de participants"],
    SgGovernment => ["Government", "Gouvernement"],
    SgCivilSociety => ["Civil society", "Société civile"],
    SgFaith => ["Faith-based organisations", "Organisations confessionnelles"],
    SgUn => ["United Nations", "Nations unies"],
    SgChildren => ["Children and young people", "Enfants et jeunes"],
    SgSurvivors => ["Survivors", "Personnes survivantes"],
    SgPrivate => ["Private sector", "Secteur privé"],
    SgAcademia => ["Academia", "Milieu universitaire"],
    Priorities => ["Priorities", "Priorités"],
    PriorityNamed => ["Priority “{name}”", "Priorité « {name} »"],
    Description => ["Description", "Description"],
    Strategies => ["INSPIRE strategies", "Stratégies INSPIRE"],
    NewPriorityTitle => ["Title of a new priority", "Titre d’une nouvelle priorité"],
    AddPriority => ["Add the priority", "Ajouter la priorité"],
    ActionsHeading => ["Key actions", "Actions clés"],
    ActionNamed => ["Key action “{name}”", "Action clé « {name} »"],
    NewActionTitle => ["Title of a new key action", "Titre d’une nouvelle action clé"],
    AddAction => ["Add the key action", "Ajouter l’action clé"],
    LeadInstitution => ["Lead institution", "Institution responsable"],
    Partners => ["Partners (comma-separated)", "Partenaires (séparés par des virgules)"],
    PartnersShort => ["Partners", "Partenaires"],
    StartMonth => ["Start month", "Mois de début"],
    EndMonth => ["End month", "Mois de fin"],
    BudgetAmount => ["Budget", "Budget"],
    Currency => ["Currency", "Devise"],
    Secured => ["Secured", "Montant acquis"],
    FundingSource => ["Funding source", "Source de financement"],
    Indicators => ["Indicators", "Indicateurs"],
    IndicatorNamed => ["Indicator “{name}”", "Indicateur « {name} »"],
    SdgIndicator => ["SDG indicator", "Indicateur ODD"],
    NationalIndicator => ["National indicator (no SDG code)", "Indicateur national (sans code ODD)"],
    Unit => ["Unit", "Unité"],
    BaselineValue => ["Baseline value", "Valeur de référence"],
    BaselineYear => ["Baseline year", "Année de référence"],
    TargetValue => ["Target value", "Valeur cible"],
    TargetYear => ["Target year", "Année cible"],
    Source => ["Source", "Source"],
    NewIndicatorName => ["Name of a new indicator", "Nom d’un nouvel indicateur"],
    AddIndicator => ["Add the indicator", "Ajouter l’indicateur"],
    Delete => ["Delete", "Supprimer"],
    DeleteNamed => ["Delete “{name}”", "Supprimer « {name} »"],
    ConfirmDelete => ["Delete “{name}”?", "Supprimer « {name} » ?"],
    Saving => ["Saving…", "Enregistrement…"],
    AllSaved => ["All changes saved", "Toutes les modifications sont enregistrées"],
    PendingChanges => ["{count} changes waiting to be saved", "{count} modifications en attente d’enregistrement"],
    OfflineKept => [
        "No connection: your changes are kept on this device and will be sent when the connection returns.",
        "Pas de connexion : vos modifications sont conservées sur cet appareil et seront envoyées au retour de la connexion.",
    ],
    RetryNow => ["Retry now", "Réessayer maintenant"],
    ConflictTitle => ["Someone else changed this roadmap meanwhile", "Quelqu’un d’autre a modifié cette feuille de route entre-temps"],
    ConflictIntro => [
        "Your change was made on an older version. Keep your value (it is applied to the current version) or take the current value.",
        "Votre modification portait sur une version plus ancienne. Gardez votre valeur (elle sera appliquée à la version actuelle) ou prenez la valeur actuelle.",
    ],
    Field => ["Field", "Champ"],
    YourValue => ["Your value", "Votre valeur"],
    CurrentValue => ["Current value", "Valeur actuelle"],
    KeepMine => ["Keep my value", "Garder ma valeur"],
    TakeTheirs => ["Take the current value", "Prendre la valeur actuelle"],
    PartGone => ["This item was deleted meanwhile.", "Cet élément a été supprimé entre-temps."],
    Completeness => ["Still missing before submission", "Ce qui manque avant la soumission"],
    ReadyToSubmit => ["The roadmap is complete and can be submitted.", "La feuille de route est complète et peut être soumise."],
    Submit => ["Submit for review", "Soumettre pour examen"],
    Withdraw => ["Withdraw the submission", "Retirer la soumission"],
    Revise => ["Start a revision", "Commencer une révision"],
    Print => ["Print", "Imprimer"],
    Submitted => ["The roadmap was submitted for review.", "La feuille de route a été soumise pour examen."],
    NotEditable => ["This roadmap cannot be edited in its current status.", "Cette feuille de route ne peut pas être modifiée dans son statut actuel."],
    StaleReloaded => ["The roadmap had changed; the current version is shown.", "La feuille de route avait changé ; la version actuelle est affichée."],
    BudgetTitle => ["Budget", "Budget"],
    BudgetByStrategy => ["Budget by INSPIRE strategy ({currency})", "Budget par stratégie INSPIRE ({currency})"],
    SecuredAndGap => ["Secured and still to find ({currency})", "Acquis et reste à trouver ({currency})"],
    Total => ["Total", "Total"],
    Gap => ["Still to find", "Reste à trouver"],
    NoStrategy => ["No strategy yet", "Sans stratégie"],
    NoBudget => ["No budget entered yet.", "Aucun budget saisi pour l’instant."],
    Timeline => ["Timeline", "Calendrier"],
    NoSchedule => ["No key action is scheduled yet.", "Aucune action clé n’est encore planifiée."],
    NotScheduled => ["not scheduled", "non planifiée"],
    Comments => ["Comments", "Commentaires"],
    NewComment => ["New comment", "Nouveau commentaire"],
    Reply => ["Reply", "Répondre"],
    ReplyTo => ["Reply to {name}", "Répondre à {name}"],
    YourReply => ["Your reply", "Votre réponse"],
    Send => ["Send", "Envoyer"],
    Decision => ["Your decision", "Votre décision"],
    DecisionComment => ["Comment for the country team", "Commentaire pour l’équipe nationale"],
    DecisionHint => ["Required when you request changes.", "Obligatoire pour demander des modifications."],
    Approve => ["Approve", "Approuver"],
    RequestChanges => ["Request changes", "Demander des modifications"],
    Added => ["Added", "Ajouté"],
    Removed => ["Removed", "Supprimé"],
    Changed => ["Changed", "Modifié"],
    ChangesSinceApproved => [
        "What changed since the approved version (version {n})",
        "Ce qui a changé depuis la version approuvée (version {n})",
    ],
    NoChangesSinceApproved => ["Nothing has changed since the approved version.", "Rien n’a changé depuis la version approuvée."],
    ValueBefore => ["Before:", "Avant :"],
    ValueAfter => ["After:", "Après :"],
    SectionRoadmap => ["Roadmap", "Feuille de route"],
    SectionPriority => ["Priority", "Priorité"],
    SectionAction => ["Key action", "Action clé"],
    SectionIndicator => ["Indicator", "Indicateur"],
    History => ["History", "Historique"],
    Versions => ["Versions", "Versions"],
    ReviewQueueTitle => ["Review queue", "File d’examen"],
    SubmittedOn => ["Submitted", "Soumis le"],
    QueueEmpty => ["No roadmap is waiting for review.", "Aucune feuille de route n’attend d’examen."],
    ErrOutsidePeriod => ["Outside the roadmap’s period.", "En dehors de la période de la feuille de route."],
    ErrBeforeStart => ["Cannot come before the start.", "Ne peut pas précéder le début."],
    ErrNegative => ["Cannot be negative.", "Ne peut pas être négatif."],
    ErrExceedsBudget => ["More than the budget.", "Supérieur au budget."],
    ErrCurrencyMismatch => ["Must be in the budget’s currency.", "Doit être dans la devise du budget."],
    ErrInvalidAmount => ["Enter an amount with at most two decimals, e.g. 1500.50.", "Saisissez un montant avec au plus deux décimales, p. ex. 1500.50."],
    ErrInvalidMonth => ["Write the month as YYYY-MM.", "Écrivez le mois sous la forme AAAA-MM."],
    ErrInvalidNumber => ["Enter a number, e.g. 42.5.", "Saisissez un nombre, p. ex. 42.5."],
    ErrOutOfRange => ["This value is out of range.", "Cette valeur est hors des limites."],
    ErrBeforeBaseline => ["The target year cannot come before the baseline year.", "L’année cible ne peut pas précéder l’année de référence."],
    ErrUnknownCurrency => ["Unknown currency.", "Devise inconnue."],
}

/// The language context: which language is shown, and the lookups that depend on it.
#[derive(Debug, Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The current language (tracked).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
    }

    /// The text of `key` in the current language (tracked).
    pub fn t(self, key: Key) -> &'static str {
        key.columns()[self.lang.get().column()]
    }

    /// A reactive text, ready to put in a view or an attribute.
    pub fn tx(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// The text of `key` with each `{name}` placeholder replaced (tracked).
    pub fn fmt(self, key: Key, args: &[(&str, &str)]) -> String {
        args.iter()
            .fold(self.t(key).to_owned(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }

    /// A roadmap status, as its badge says it.
    pub fn status(self, status: RoadmapStatus) -> &'static str {
        self.t(match status {
            RoadmapStatus::Draft => Key::StatusDraft,
            RoadmapStatus::Submitted => Key::StatusSubmitted,
            RoadmapStatus::ChangesRequested => Key::StatusChangesRequested,
            RoadmapStatus::Approved => Key::StatusApproved,
            RoadmapStatus::Superseded => Key::StatusSuperseded,
        })
    }

    pub fn stakeholder_group(self, group: StakeholderGroup) -> &'static str {
        self.t(match group {
            StakeholderGroup::Government => Key::SgGovernment,
            StakeholderGroup::CivilSociety => Key::SgCivilSociety,
            StakeholderGroup::FaithBasedOrganisations => Key::SgFaith,
            StakeholderGroup::Un => Key::SgUn,
            StakeholderGroup::ChildrenAndYoungPeople => Key::SgChildren,
            StakeholderGroup::Survivors => Key::SgSurvivors,
            StakeholderGroup::PrivateSector => Key::SgPrivate,
            StakeholderGroup::Academia => Key::SgAcademia,
        })
    }

    pub fn role(self, role: Role) -> &'static str {
        self.t(match role {
            Role::Admin => Key::RoleAdmin,
            Role::Secretariat => Key::RoleSecretariat,
            Role::Reviewer => Key::RoleReviewer,
            Role::CountryFocalPoint => Key::RoleCountryFocalPoint,
            Role::CountryContributor => Key::RoleCountryContributor,
            Role::Partner => Key::RolePartner,
        })
    }

    /// A UN region's name; an unknown region is shown as the server sent it.
    pub fn region(self, region: &str) -> String {
        let key = match region {
            "Africa" => Key::RegionAfrica,
            "Americas" => Key::RegionAmericas,
            "Asia" => Key::RegionAsia,
            "Europe" => Key::RegionEurope,
            "Oceania" => Key::RegionOceania,
            other => return other.to_owned(),
        };
        self.t(key).to_owned()
    }

    /// A localised name from an (English, French) pair of the reference data.
    pub fn pick<'a>(self, en: &'a str, fr: &'a str) -> &'a str {
        match self.lang.get() {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    /// A field error from the server or from the shared validation, in the current language;
    /// a rule this table does not know keeps the server's English message.
    pub fn field_error(self, error: &FieldError) -> String {
        let key = match (error.field.as_str(), error.code.as_str()) {
            (_, "required") => Key::ErrRequired,
            ("email", "invalid_format") => Key::ErrInvalidEmail,
            (_, "invalid_format") => Key::ErrInvalidFormat,
            ("password", "too_short") => Key::ErrPasswordTooShort,
            (_, "too_long") => Key::ErrTooLong,
            (_, "not_allowed") => Key::ErrNotAllowed,
            (_, "email_taken") => Key::ErrEmailTaken,
            ("country_code", "unknown" | "not_found" | "unknown_country") => Key::ErrUnknownCountry,
            (_, "outside_period") => Key::ErrOutsidePeriod,
            (_, "before_start") => Key::ErrBeforeStart,
            (_, "negative") => Key::ErrNegative,
            (_, "exceeds_budget") => Key::ErrExceedsBudget,
            (_, "currency_mismatch") => Key::ErrCurrencyMismatch,
            (_, "invalid_amount") => Key::ErrInvalidAmount,
            (_, "invalid_month") => Key::ErrInvalidMonth,
            (_, "invalid_number") => Key::ErrInvalidNumber,
            (_, "out_of_range") => Key::ErrOutOfRange,
            (_, "before_baseline") => Key::ErrBeforeBaseline,
            (_, "unknown_currency") => Key::ErrUnknownCurrency,
            _ => return error.message.clone(),
        };
        self.t(key).to_owned()
    }
}

/// Creates the language context: stored choice, else the browser's language, else English.
pub fn provide_i18n() -> I18n {
    let stored = LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .and_then(|tag| Lang::from_tag(&tag));
    let browser = || {
        web_sys::window()
            .and_then(|w| w.navigator().language())
            .map(|tag| {
                if tag.to_ascii_lowercase().starts_with("fr") {
                    Lang::Fr
                } else {
                    Lang::En
                }
            })
    };
    let lang = RwSignal::new(stored.or_else(browser).unwrap_or(Lang::En));
    let chosen_by_user = StoredValue::new(stored.is_some());

    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    // Persist only a choice made with the switcher, so that the browser's language keeps
    // deciding for people who never chose.
    Effect::new(move |previous: Option<Lang>| {
        let current = lang.get();
        if previous.is_some_and(|p| p != current) || chosen_by_user.get_value() {
            chosen_by_user.set_value(true);
            let _ = LocalStorage::set(LANG_KEY, current.code());
        }
        current
    });

    let i18n = I18n { lang };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The labelled language selector, for the header and the login page.
#[component]
pub fn LangSwitcher(
    /// The select's id, unique in the page.
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="lang-switcher">
            <label for=id>{i18n.tx(Key::Language)}</label>
            <select
                id=id
                data-testid="lang-switcher"
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                        i18n.set_lang(lang);
                    }
                }
            >
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option value=lang.code() lang=lang.code() prop:selected=move || i18n.lang() == lang>
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_the_languages_the_ui_speaks() {
        assert_eq!(Lang::from_tag("fr-FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de-DE"), None);
    }

    #[test]
    fn every_key_has_a_text_in_every_language() {
        for key in Key::ALL {
            for lang in Lang::ALL {
                assert!(
                    !key.columns()[lang.column()].trim().is_empty(),
                    "{key:?} in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn placeholders_are_filled_in_the_current_language() {
        let i18n = I18n {
            lang: RwSignal::new(Lang::Fr),
        };
        assert_eq!(
            i18n.fmt(Key::Welcome, &[("name", "Amina Otieno")]),
            "Bienvenue, Amina Otieno"
        );
        i18n.set_lang(Lang::En);
        assert_eq!(
            i18n.fmt(Key::RateLimited, &[("seconds", "42")]),
            "Too many attempts. Try again in 42 seconds."
        );
        assert_eq!(i18n.role(Role::CountryFocalPoint), "Country focal point");
    }

    #[test]
    fn server_field_errors_are_translated_and_unknown_rules_keep_the_server_message() {
        let i18n = I18n {
            lang: RwSignal::new(Lang::Fr),
        };
        let taken = FieldError::new("email", "email_taken", "taken");
        assert_eq!(
            i18n.field_error(&taken),
            "Un compte utilise déjà cette adresse e-mail."
        );
        let odd = FieldError::new("name", "something_new", "the server's words");
        assert_eq!(i18n.field_error(&odd), "the server's words");
    }
}
