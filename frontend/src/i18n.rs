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
