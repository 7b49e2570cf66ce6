//! Every string the app shows, from the translation files in `locales/` (Fluent), and the
//! reactive language choice.
//!
//! One file per language, each with the same messages; [`LANGUAGES`] lists them. Adding a
//! language is a new file and one line there. `Key` (made from `en.ftl` by `build.rs`) names
//! each message, so that code cannot ask for a text the files lack; the tests check that every
//! file has every message with the same placeholders. Plurals and placeholders are Fluent's.
//!
//! The first choice comes from `navigator.language` (a language the UI speaks, English
//! otherwise); a choice made with the switcher is kept in localStorage under [`LANG_KEY`]. The
//! `<html lang>` attribute always follows the current language.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::{DateTime, Datelike, Timelike, Utc};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use pioneer_domain::languages::{LANGUAGES, Language};
use pioneer_domain::reference::Localized;
use pioneer_domain::report::tracker::TrackerStatus;
use pioneer_domain::report::{ActionStatus, CycleStatus, ReportStatus, SupportType};
use pioneer_domain::review::{Happened, HistoryEvent, Section};
use pioneer_domain::roadmap::{RoadmapStatus, StakeholderGroup};
use pioneer_domain::{FieldError, Role};

include!(concat!(env!("OUT_DIR"), "/keys.rs"));

/// localStorage key of the chosen language.
pub const LANG_KEY: &str = "pioneer.lang";

/// A language of [`LANGUAGES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(usize);

impl Lang {
    /// English: the fallback.
    pub const EN: Lang = Lang(0);

    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGES.len()).map(Lang)
    }

    pub fn language(self) -> &'static Language {
        &LANGUAGES[self.0]
    }

    pub fn code(self) -> &'static str {
        self.language().code
    }

    pub fn native_name(self) -> &'static str {
        self.language().native_name
    }

    /// Reads a tag such as `fr-FR` or `es_419`; `None` for a language the UI does not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        pioneer_domain::languages::position_of(tag).map(Lang)
    }
}

/// One language's messages, parsed once, with the texts that need no argument formatted once.
struct Messages {
    bundle: FluentBundle<FluentResource>,
    /// By `Key` position. Leaked once per language and session (a few kilobytes), so that a
    /// text can be handed out as `&'static str` to views and attributes.
    plain: &'static [&'static str],
}

thread_local! {
    static MESSAGES: RefCell<Vec<Option<Rc<Messages>>>> = RefCell::new(vec![None; LANGUAGES.len()]);
}

fn bundle_of(lang: Lang) -> FluentBundle<FluentResource> {
    let language = lang.language();
    // The files are checked by the tests: what cannot be parsed here is left out.
    let resource = FluentResource::try_new(language.messages.to_owned())
        .unwrap_or_else(|(partial, _)| partial);
    let id = language.code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // The marks Fluent puts around placeables would end up in inputs and in tests' text.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

fn messages(lang: Lang) -> Rc<Messages> {
    MESSAGES.with(|all| {
        if let Some(messages) = &all.borrow()[lang.0] {
            return messages.clone();
        }
        let bundle = bundle_of(lang);
        let plain: Vec<&'static str> = Key::ALL
            .iter()
            .map(|key| {
                let text = format(&bundle, key.id(), None).unwrap_or_else(|| key.id().to_owned());
                &*Box::leak(text.into_boxed_str())
            })
            .collect();
        let messages = Rc::new(Messages {
            bundle,
            plain: Box::leak(plain.into_boxed_slice()),
        });
        all.borrow_mut()[lang.0] = Some(messages.clone());
        messages
    })
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

    /// The text of `key` in the current language (tracked), for a message without placeholders.
    pub fn t(self, key: Key) -> &'static str {
        messages(self.lang.get()).plain[key as usize]
    }

    /// A reactive text, ready to put in a view or an attribute.
    pub fn tx(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// The text of `key` with its placeholders filled (tracked). A value of digits only is
    /// passed as a number, so that the message can choose its plural form.
    pub fn fmt(self, key: Key, args: &[(&str, &str)]) -> String {
        self.fmt_in(self.lang.get(), key, args)
    }

    /// [`I18n::fmt`] in `lang` rather than the current language (a text written in the
    /// language a form is filled in).
    pub fn fmt_in(self, lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            if !value.is_empty()
                && value.bytes().all(|b| b.is_ascii_digit())
                && let Ok(number) = value.parse::<f64>()
            {
                fluent_args.set(*name, FluentValue::from(number));
                continue;
            }
            fluent_args.set(*name, FluentValue::from(*value));
        }
        let messages = messages(lang);
        format(&messages.bundle, key.id(), Some(&fluent_args))
            .unwrap_or_else(|| messages.plain[key as usize].to_owned())
    }

    /// A decimal string (`-150000.5`) with the language's separators: 150,000.5 / 150 000,5.
    pub fn number(self, raw: &str) -> String {
        let style = &self.lang.get().language().numbers;
        let (negative, raw) = match raw.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
        let mut out = String::new();
        if negative {
            out.push('-');
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push_str(style.group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(style.decimal);
            out.push_str(frac);
        }
        out
    }

    /// A sum of money in the language's way: `€1,234.50`, `1 234,50 €`, `KES 1,234.50`.
    pub fn money(self, amount: &str, currency: &str) -> String {
        let style = &self.lang.get().language().numbers;
        let symbol = match currency {
            "EUR" => "€",
            "USD" => "US$",
            "GBP" => "£",
            other => other,
        };
        // A code, unlike a symbol, always stands apart from the digits.
        let is_code = symbol.len() == 3 && symbol.bytes().all(|b| b.is_ascii_uppercase());
        let space = if style.currency_space || is_code {
            "\u{a0}"
        } else {
            ""
        };
        let number = self.number(amount);
        if style.currency_first {
            format!("{symbol}{space}{number}")
        } else {
            format!("{number}\u{a0}{symbol}")
        }
    }

    /// A day, as the language writes it: `7 March 2025`, `7 mars 2025`, `7 de marzo de 2025`.
    pub fn date(self, at: &DateTime<Utc>) -> String {
        self.day(at)
    }

    /// A calendar day (a due date), as [`I18n::date`] writes it.
    pub fn day(self, at: &impl Datelike) -> String {
        let month = Key::ALL[Key::Month1 as usize + at.month0() as usize];
        let day = at.day().to_string();
        let year = at.year().to_string();
        self.fmt(
            Key::Date,
            &[("day", &day), ("month", self.t(month)), ("year", &year)],
        )
    }

    /// A day and a time (UTC): `7 March 2025, 09:05 UTC`.
    pub fn date_time(self, at: &DateTime<Utc>) -> String {
        let time = format!("{:02}:{:02}", at.hour(), at.minute());
        self.fmt(Key::DateTime, &[("date", &self.date(at)), ("time", &time)])
    }

    /// A roadmap status, as its badge says it.
    pub fn status(self, status: RoadmapStatus) -> &'static str {
        self.t(Self::roadmap_status_key(status))
    }

    pub fn roadmap_status_key(status: RoadmapStatus) -> Key {
        match status {
            RoadmapStatus::Draft => Key::StatusDraft,
            RoadmapStatus::Submitted => Key::StatusSubmitted,
            RoadmapStatus::ChangesRequested => Key::StatusChangesRequested,
            RoadmapStatus::Approved => Key::StatusApproved,
            RoadmapStatus::Superseded => Key::StatusSuperseded,
        }
    }

    /// The message of a report's status (the same words as a roadmap's where they match).
    pub fn report_status_key(status: ReportStatus) -> Key {
        match status {
            ReportStatus::Draft => Key::StatusDraft,
            ReportStatus::Submitted => Key::StatusSubmitted,
            ReportStatus::ChangesRequested => Key::StatusChangesRequested,
            ReportStatus::Accepted => Key::StatusAccepted,
        }
    }

    /// Where a country stands in a reporting cycle.
    pub fn tracker_status_key(status: TrackerStatus) -> Key {
        match status {
            TrackerStatus::NotStarted => Key::StatusNotStarted,
            TrackerStatus::Draft => Key::StatusDraft,
            TrackerStatus::Submitted => Key::StatusSubmitted,
            TrackerStatus::ChangesRequested => Key::StatusChangesRequested,
            TrackerStatus::Accepted => Key::StatusAccepted,
        }
    }

    pub fn action_status_key(status: ActionStatus) -> Key {
        match status {
            ActionStatus::NotStarted => Key::ActionNotStarted,
            ActionStatus::OnTrack => Key::ActionOnTrack,
            ActionStatus::Delayed => Key::ActionDelayed,
            ActionStatus::Completed => Key::ActionCompleted,
            ActionStatus::Cancelled => Key::ActionCancelled,
        }
    }

    pub fn support_type_key(kind: SupportType) -> Key {
        match kind {
            SupportType::Technical => Key::SupportTechnical,
            SupportType::Financial => Key::SupportFinancial,
            SupportType::PeerExchange => Key::SupportPeerExchange,
            SupportType::CapacityBuilding => Key::SupportCapacityBuilding,
        }
    }

    pub fn cycle_status_key(status: CycleStatus) -> Key {
        match status {
            CycleStatus::Open => Key::CycleOpen,
            CycleStatus::Closed => Key::CycleClosed,
        }
    }

    /// A section of a reviewed document, as history entries and changes name it.
    pub fn section_key(section: Section) -> Key {
        match section {
            Section::Roadmap => Key::SectionRoadmap,
            Section::Priority => Key::SectionPriority,
            Section::Action => Key::SectionAction,
            Section::Indicator => Key::SectionIndicator,
            Section::Report => Key::SectionReport,
            Section::Achievements => Key::Achievements,
            Section::Challenges => Key::Challenges,
            Section::LessonsLearned => Key::LessonsLearned,
            Section::ChildrenParticipation => Key::ChildrenParticipation,
            Section::SupportRequest => Key::SectionSupportRequest,
            Section::Application => Key::SectionApplication,
            Section::Invitation => Key::SectionInvitation,
            Section::Resource => Key::SectionResource,
        }
    }

    /// A history entry's event in words: "Update · Key action".
    pub fn event(self, event: &HistoryEvent) -> String {
        let happened = self.t(match event.happened {
            Happened::Created => Key::HappenedCreated,
            Happened::Updated => Key::HappenedUpdated,
            Happened::Deleted => Key::HappenedDeleted,
            Happened::Submitted => Key::HappenedSubmitted,
            Happened::Withdrawn => Key::HappenedWithdrawn,
            Happened::ChangesRequested => Key::HappenedChangesRequested,
            Happened::Approved => Key::HappenedApproved,
            Happened::Accepted => Key::HappenedAccepted,
            Happened::Superseded => Key::HappenedSuperseded,
            Happened::RevisionStarted => Key::HappenedRevisionStarted,
            Happened::Revised => Key::HappenedRevised,
            Happened::Declined => Key::HappenedDeclined,
            Happened::Archived => Key::HappenedArchived,
            Happened::CommentRemoved => Key::HappenedCommentRemoved,
        });
        let section = self.t(Self::section_key(event.section));
        self.fmt(
            Key::HistoryEvent,
            &[("happened", happened), ("section", section)],
        )
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

    /// The name of a country, strategy or indicator in the current language.
    pub fn name(self, item: &impl Localized) -> &str {
        item.name_in(self.lang.get().code())
    }

    /// A field error from the server or from the shared validation, in the current language;
    /// a rule this table does not know keeps the server's English message.
    pub fn field_error(self, error: &FieldError) -> String {
        let key = match (error.field.as_str(), error.code.as_str()) {
            (_, "required") => Key::ErrRequired,
            ("email" | "focal_point.email" | "user_email", "invalid_format") => {
                Key::ErrInvalidEmail
            }
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
            (_, "before_opening") => Key::ErrBeforeOpening,
            ("letter", "not_pdf") => Key::ErrNotPdf,
            ("letter", "too_large") => Key::ErrLetterTooLarge,
            (_, "invalid_characters") => Key::ErrInvalidCharacters,
            (_, "unknown_language") => Key::ErrUnknownLanguage,
            (_, "unknown_region") => Key::ErrUnknownRegion,
            ("expert_id", "yourself") => Key::ErrYourself,
            (_, "group_name_taken") => Key::ErrGroupNameTaken,
            ("user_email", "unknown_member") => Key::ErrUnknownMember,
            ("file", "too_large") => Key::ErrFileTooLarge,
            ("file", "unsupported_type") => Key::ErrFileType,
            ("file", "truncated") => Key::ErrFileTruncated,
            (_, "invalid_url") => Key::ErrInvalidUrl,
            (_, "unknown_strategy") => Key::ErrUnknownStrategy,
            (_, "too_many") => Key::ErrTooMany,
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
            .and_then(|tag| Lang::from_tag(&tag))
    };
    let lang = RwSignal::new(stored.or_else(browser).unwrap_or(Lang::EN));
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

#[cfg(test)]
impl I18n {
    /// English, outside any page: for the tests of the texts that code builds.
    pub fn for_tests() -> I18n {
        I18n {
            lang: RwSignal::new(Lang::EN),
        }
    }
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
                {Lang::all()
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
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    fn lang(code: &str) -> Lang {
        Lang::from_tag(code).expect("a language of the UI")
    }

    fn i18n(lang: Lang) -> I18n {
        I18n {
            lang: RwSignal::new(lang),
        }
    }

    /// Each message's id and the variables it uses, as the file writes them.
    fn messages_of(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut messages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current = None;
        for line in source.lines() {
            if line.starts_with(|c: char| c.is_ascii_lowercase()) {
                let id = line.split('=').next().unwrap_or_default().trim().to_owned();
                messages.entry(id.clone()).or_default();
                current = Some(id);
            } else if line.starts_with('#') || line.trim().is_empty() {
                current = None;
                continue;
            }
            let Some(id) = &current else { continue };
            for (i, _) in line.match_indices('$') {
                let name: String = line[i + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                messages.entry(id.clone()).or_default().insert(name);
            }
        }
        messages
    }

    #[test]
    fn tags_map_to_the_languages_the_ui_speaks() {
        assert_eq!(Lang::from_tag("fr-FR").map(Lang::code), Some("fr"));
        assert_eq!(Lang::from_tag("FR").map(Lang::code), Some("fr"));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::EN));
        assert_eq!(Lang::from_tag("es-419").map(Lang::code), Some("es"));
        assert_eq!(Lang::from_tag("pt-BR").map(Lang::code), Some("pt"));
        assert_eq!(Lang::from_tag("de-DE"), None);
    }

    #[test]
    fn every_file_parses_and_has_every_message_with_the_same_placeholders() {
        let english = messages_of(LANGUAGES[0].messages);
        assert_eq!(english.len(), Key::ALL.len());
        for language in LANGUAGES {
            if let Err((_, errors)) = FluentResource::try_new(language.messages.to_owned()) {
                panic!("{}.ftl does not parse: {errors:?}", language.code);
            }
            let mut bundle = FluentBundle::new(vec![language.code.parse().unwrap()]);
            let resource = FluentResource::try_new(language.messages.to_owned()).unwrap();
            assert!(
                bundle.add_resource(resource).is_ok(),
                "{}: an id twice",
                language.code
            );
            let messages = messages_of(language.messages);
            let missing: Vec<_> = english
                .keys()
                .filter(|id| !messages.contains_key(*id))
                .collect();
            let extra: Vec<_> = messages
                .keys()
                .filter(|id| !english.contains_key(*id))
                .collect();
            assert!(
                missing.is_empty(),
                "{}.ftl lacks {missing:?}",
                language.code
            );
            assert!(
                extra.is_empty(),
                "{}.ftl has unknown {extra:?}",
                language.code
            );
            for (id, variables) in &english {
                assert_eq!(
                    &messages[id], variables,
                    "placeholders of {id} in {}.ftl",
                    language.code
                );
            }
        }
    }

    #[test]
    fn every_message_formats_in_every_language_without_an_error() {
        let english = messages_of(LANGUAGES[0].messages);
        for lang in Lang::all() {
            let bundle = bundle_of(lang);
            for key in Key::ALL {
                let mut args = FluentArgs::new();
                for name in &english[key.id()] {
                    args.set(name.as_str(), FluentValue::from(2));
                }
                let text = format(&bundle, key.id(), Some(&args));
                assert!(
                    text.is_some_and(|t| !t.trim().is_empty()),
                    "{:?} in {}",
                    key,
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn placeholders_and_plurals_are_filled_in_the_current_language() {
        let i18n = i18n(lang("fr"));
        assert_eq!(
            i18n.fmt(Key::Welcome, &[("name", "Amina Otieno")]),
            "Bienvenue, Amina Otieno"
        );
        assert_eq!(
            i18n.fmt(Key::RoadmapsCount, &[("count", "1")]),
            "1 feuille de route"
        );
        assert_eq!(
            i18n.fmt(Key::RoadmapsCount, &[("count", "3")]),
            "3 feuilles de route"
        );
        i18n.set_lang(Lang::EN);
        assert_eq!(
            i18n.fmt(Key::RateLimited, &[("seconds", "42")]),
            "Too many attempts. Try again in 42 seconds."
        );
        assert_eq!(i18n.fmt(Key::RoadmapsCount, &[("count", "1")]), "1 roadmap");
        assert_eq!(i18n.role(Role::CountryFocalPoint), "Country focal point");
        i18n.set_lang(lang("es"));
        assert_eq!(i18n.t(Key::NavHome), "Inicio");
        i18n.set_lang(lang("pt"));
        assert_eq!(i18n.t(Key::Language), "Idioma");
    }

    #[test]
    fn amounts_and_dates_are_written_the_way_each_language_writes_them() {
        let at = chrono::DateTime::parse_from_rfc3339("2025-03-07T09:05:59Z")
            .expect("valid")
            .to_utc();
        let cases = [
            (Lang::EN, "€1,234.50", "KES\u{a0}150,000", "7 March 2025"),
            (
                lang("fr"),
                "1\u{202f}234,50\u{a0}€",
                "150\u{202f}000\u{a0}KES",
                "7 mars 2025",
            ),
            (
                lang("es"),
                "1.234,50\u{a0}€",
                "150.000\u{a0}KES",
                "7 de marzo de 2025",
            ),
            (
                lang("pt"),
                "€\u{a0}1.234,50",
                "KES\u{a0}150.000",
                "7 de março de 2025",
            ),
        ];
        for (lang, euros, shillings, day) in cases {
            let i18n = i18n(lang);
            assert_eq!(i18n.money("1234.50", "EUR"), euros, "{}", lang.code());
            assert_eq!(i18n.money("150000", "KES"), shillings, "{}", lang.code());
            assert_eq!(i18n.date(&at), day, "{}", lang.code());
            assert!(i18n.date_time(&at).contains("09:05"), "{}", lang.code());
        }
        assert_eq!(i18n(Lang::EN).number("-1500000.5"), "-1,500,000.5");
    }

    #[test]
    fn server_field_errors_are_translated_and_unknown_rules_keep_the_server_message() {
        let i18n = i18n(lang("fr"));
        let taken = FieldError::new("email", "email_taken", "taken");
        assert_eq!(
            i18n.field_error(&taken),
            "Un compte utilise déjà cette adresse e-mail."
        );
        let odd = FieldError::new("name", "something_new", "the server's words");
        assert_eq!(i18n.field_error(&odd), "the server's words");
    }
}
