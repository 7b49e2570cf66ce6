//! Experts and partner organisations: the profiles members keep of what they know and where
//! they worked, the directory that finds them, and contact requests (an in-app message the
//! expert accepts or declines; nobody's e-mail address is shown until they accept).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::FieldError;
use crate::classification::{
    check_countries, check_regions, check_strategies, check_tags, parse_language_codes,
};
use crate::events::parse_url;
use crate::membership::application::parse_line;

pub const MAX_BIO_CHARS: usize = 2_000;
pub const MAX_ORGANISATION_NAME_CHARS: usize = 200;
pub const MAX_MESSAGE_CHARS: usize = 2_000;
/// An expert who declined is not asked again by the same member before this many days.
pub const DECLINED_PAUSE_DAYS: i64 = 30;

/// What kind of partner an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    UnAgency,
    CivilSociety,
    FaithBased,
    SurvivorLed,
    ChildrenYouthLed,
    Academia,
    PrivateSector,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 7] = [
        OrganisationKind::UnAgency,
        OrganisationKind::CivilSociety,
        OrganisationKind::FaithBased,
        OrganisationKind::SurvivorLed,
        OrganisationKind::ChildrenYouthLed,
        OrganisationKind::Academia,
        OrganisationKind::PrivateSector,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::UnAgency => "un_agency",
            OrganisationKind::CivilSociety => "civil_society",
            OrganisationKind::FaithBased => "faith_based",
            OrganisationKind::SurvivorLed => "survivor_led",
            OrganisationKind::ChildrenYouthLed => "children_youth_led",
            OrganisationKind::Academia => "academia",
            OrganisationKind::PrivateSector => "private_sector",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }
}

/// Areas of expertise and experience, checked: each list sorted (languages in the order given)
/// and without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Expertise {
    /// INSPIRE strategy codes.
    pub strategies: Vec<String>,
    pub tags: Vec<String>,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    /// ISO 3166-1 alpha-3 codes of the countries they worked in.
    pub countries: Vec<String>,
    /// UN regions they worked across: Africa, Americas, Asia, Europe, Oceania.
    pub regions: Vec<String>,
}

fn check_expertise(
    strategies: &[String],
    tags: &[String],
    languages: &[String],
    countries: &[String],
    regions: &[String],
    known_strategies: &BTreeSet<String>,
    errors: &mut Vec<FieldError>,
) -> Expertise {
    Expertise {
        strategies: check_strategies(strategies, known_strategies, errors),
        tags: check_tags(tags, errors),
        languages: parse_language_codes("languages", languages)
            .map_err(|e| errors.push(e))
            .unwrap_or_default(),
        countries: check_countries(countries, errors),
        regions: check_regions(regions, errors),
    }
}

fn check_text(field: &str, raw: &str, max: usize, errors: &mut Vec<FieldError>) -> String {
    let text = raw.trim().to_owned();
    if text.chars().count() > max {
        errors.push(FieldError::new(
            field,
            "too_long",
            format!("{field} is at most {max} characters"),
        ));
    }
    text
}

/// `PUT /me/expert-profile`: what a member says of their expertise.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewExpertProfile {
    /// A short bio, plain text, at most 2000 characters.
    pub bio: String,
    /// The organisation they work for, as they name it.
    #[serde(default)]
    pub organisation: Option<String>,
    /// The organisation in the directory, if it is there (its name is then shown).
    #[serde(default)]
    pub organisation_id: Option<Uuid>,
    #[serde(default)]
    pub strategies: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
}

/// An expert profile, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidExpertProfile {
    pub bio: String,
    pub organisation: Option<String>,
    pub organisation_id: Option<Uuid>,
    pub expertise: Expertise,
}

impl NewExpertProfile {
    pub fn validate(
        &self,
        strategies: &BTreeSet<String>,
    ) -> Result<ValidExpertProfile, Vec<FieldError>> {
        let mut errors = Vec::new();
        let bio = check_text("bio", &self.bio, MAX_BIO_CHARS, &mut errors);
        if bio.is_empty() {
            errors.push(FieldError::new(
                "bio",
                "required",
                "a few words on what you know and have done",
            ));
        }
        let organisation = match self.organisation.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(name) => parse_line("organisation", name, MAX_ORGANISATION_NAME_CHARS)
                .map_err(|e| errors.push(e))
                .ok(),
        };
        let expertise = check_expertise(
            &self.strategies,
            &self.tags,
            &self.languages,
            &self.countries,
            &self.regions,
            strategies,
            &mut errors,
        );
        if errors.is_empty() {
            Ok(ValidExpertProfile {
                bio,
                organisation,
                organisation_id: self.organisation_id,
                expertise,
            })
        } else {
            Err(errors)
        }
    }
}

/// `POST /organisations` and `PUT /organisations/{id}` (the secretariat).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewOrganisation {
    pub name: String,
    pub kind: OrganisationKind,
    /// Plain text, at most 2000 characters.
    #[serde(default)]
    pub description: String,
    /// Its web site, `http(s)://`.
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub strategies: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub regions: Vec<String>,
}

/// An organisation's fields, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOrganisation {
    pub name: String,
    pub kind: OrganisationKind,
    pub description: String,
    pub website: Option<String>,
    pub expertise: Expertise,
}

impl NewOrganisation {
    pub fn validate(
        &self,
        strategies: &BTreeSet<String>,
    ) -> Result<ValidOrganisation, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = parse_line("name", &self.name, MAX_ORGANISATION_NAME_CHARS)
            .map_err(|e| errors.push(e))
            .ok();
        let description = check_text("description", &self.description, MAX_BIO_CHARS, &mut errors);
        let website = match self.website.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(url) => parse_url("website", url).map_err(|e| errors.push(e)).ok(),
        };
        let expertise = check_expertise(
            &self.strategies,
            &self.tags,
            &self.languages,
            &self.countries,
            &self.regions,
            strategies,
            &mut errors,
        );
        match name {
            Some(name) if errors.is_empty() => Ok(ValidOrganisation {
                name,
                kind: self.kind,
                description,
                website,
                expertise,
            }),
            _ => Err(errors),
        }
    }
}

/// What makes two organisation names the same: case (in every script) and spaces aside.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A partner organisation in the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organisation {
    pub id: Uuid,
    pub name: String,
    pub kind: OrganisationKind,
    pub description: String,
    pub website: Option<String>,
    #[serde(flatten)]
    pub expertise: Expertise,
    /// Experts of the directory who work there.
    pub experts_count: u64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The organisation an expert works for: one of the directory, or only a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpertOrganisation {
    /// Set when it is in the directory.
    pub id: Option<Uuid>,
    pub name: String,
    pub kind: Option<OrganisationKind>,
}

/// An expert as the directory shows them to a reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Expert {
    /// The member's id.
    pub id: Uuid,
    pub name: String,
    /// The country team they belong to, if any.
    pub country_code: Option<String>,
    pub bio: String,
    pub organisation: Option<ExpertOrganisation>,
    #[serde(flatten)]
    pub expertise: Expertise,
    pub updated_at: DateTime<Utc>,
    /// Only for themselves and for those whose contact request they accepted (or who accepted
    /// theirs).
    pub email: Option<String>,
    /// The latest contact request between the reader and this expert, either way.
    pub contact: Option<ContactSummary>,
}

/// `GET /experts` and `GET /organisations`: what to look for (every filter optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct DirectoryQuery {
    /// Words, stemmed in French, English, Spanish and Portuguese.
    #[serde(default)]
    pub q: Option<String>,
    /// An INSPIRE strategy code.
    #[serde(default)]
    pub strategy: Option<String>,
    /// An ISO 639-1 code.
    #[serde(default)]
    pub language: Option<String>,
    /// An ISO 3166-1 alpha-3 code.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    /// Organisations of this kind (experts: who work for one).
    #[serde(default)]
    pub kind: Option<OrganisationKind>,
    /// Experts only: who work for this organisation.
    #[serde(default)]
    pub organisation_id: Option<Uuid>,
}

/// How many of the reader's results have each value, per filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DirectoryFacets {
    /// Organisation kinds.
    pub kind: BTreeMap<String, u64>,
    pub strategy: BTreeMap<String, u64>,
    pub language: BTreeMap<String, u64>,
    pub country: BTreeMap<String, u64>,
    pub region: BTreeMap<String, u64>,
}

/// `GET /experts`: without words, in alphabetical order; with words, the best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExpertResults {
    pub items: Vec<Expert>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub facets: DirectoryFacets,
}

/// `GET /organisations`: without words, in alphabetical order; with words, the best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationResults {
    pub items: Vec<Organisation>,
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub facets: DirectoryFacets,
}

/// Where a contact request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactStatus {
    Pending,
    Accepted,
    Declined,
}

impl ContactStatus {
    pub const ALL: [ContactStatus; 3] = [
        ContactStatus::Pending,
        ContactStatus::Accepted,
        ContactStatus::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactStatus::Pending => "pending",
            ContactStatus::Accepted => "accepted",
            ContactStatus::Declined => "declined",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == raw)
    }
}

/// `POST /contact-requests`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewContactRequest {
    /// The expert (a member with a profile).
    pub expert_id: Uuid,
    /// Plain text, 1 to 2000 characters: who you are and what you would like to ask.
    pub message: String,
}

impl NewContactRequest {
    /// The message, trimmed.
    pub fn validate(&self) -> Result<String, Vec<FieldError>> {
        let mut errors = Vec::new();
        let message = check_text("message", &self.message, MAX_MESSAGE_CHARS, &mut errors);
        if message.is_empty() {
            errors.push(FieldError::new(
                "message",
                "required",
                "say who you are and what you would like to ask",
            ));
        }
        if errors.is_empty() {
            Ok(message)
        } else {
            Err(errors)
        }
    }
}

/// `POST /contact-requests/{id}/decision`: the expert's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactDecision {
    pub accept: bool,
}

/// One side of a contact request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactPerson {
    pub id: Uuid,
    pub name: String,
    /// Once the request is accepted.
    pub email: Option<String>,
}

/// A member's message asking an expert to be in touch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactRequest {
    pub id: Uuid,
    pub from: ContactPerson,
    /// The expert.
    pub to: ContactPerson,
    pub message: String,
    pub status: ContactStatus,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

/// The latest request between a reader and an expert, as the expert's card shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactSummary {
    pub id: Uuid,
    pub status: ContactStatus,
    /// Whether the reader sent it (else the expert wrote to the reader).
    pub sent: bool,
}

/// Which of a member's contact requests: those they received (default) or sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactBox {
    #[default]
    Received,
    Sent,
}

/// `GET /contact-requests?box=&status=`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct ContactFilter {
    #[serde(default, rename = "box")]
    pub mailbox: ContactBox,
    #[serde(default)]
    pub status: Option<ContactStatus>,
}

/// The last request a member sent an expert, as far as the next one is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreviousRequest {
    pub status: ContactStatus,
    pub decided_at: Option<DateTime<Utc>>,
}

/// What asking an expert again comes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactOutcome {
    /// A new request is written.
    Send,
    /// The one waiting is the answer: nothing new.
    StillWaiting,
    /// They already accepted: the address is on their profile.
    AlreadyAccepted,
    /// They declined lately: not before `until`.
    DeclinedUntil(DateTime<Utc>),
}

/// Whether a member may ask an expert (not themselves; one request waiting at a time; after a
/// decline, a pause of [`DECLINED_PAUSE_DAYS`]).
pub fn next_request(previous: Option<PreviousRequest>, now: DateTime<Utc>) -> ContactOutcome {
    match previous {
        None => ContactOutcome::Send,
        Some(PreviousRequest {
            status: ContactStatus::Pending,
            ..
        }) => ContactOutcome::StillWaiting,
        Some(PreviousRequest {
            status: ContactStatus::Accepted,
            ..
        }) => ContactOutcome::AlreadyAccepted,
        Some(PreviousRequest {
            status: ContactStatus::Declined,
            decided_at,
        }) => {
            let until = decided_at.unwrap_or(now) + Duration::days(DECLINED_PAUSE_DAYS);
            if now < until {
                ContactOutcome::DeclinedUntil(until)
            } else {
                ContactOutcome::Send
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(raw: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(raw)
            .expect("time")
            .with_timezone(&Utc)
    }

    fn strategies() -> BTreeSet<String> {
        ["parenting", "safe_environments"]
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn a_profile_is_normalised_and_each_bad_field_named() {
        let profile = NewExpertProfile {
            bio: "  Twenty years of parenting programmes.  ".into(),
            organisation: Some("  ".into()),
            strategies: vec!["parenting".into()],
            tags: vec!["Home visits".into()],
            languages: vec!["FR".into(), "en".into()],
            countries: vec!["ken".into()],
            regions: vec!["africa".into()],
            ..NewExpertProfile::default()
        }
        .validate(&strategies())
        .expect("valid");
        assert_eq!(profile.bio, "Twenty years of parenting programmes.");
        assert_eq!(profile.organisation, None, "blank is none");
        assert_eq!(profile.expertise.languages, ["fr", "en"]);
        assert_eq!(profile.expertise.countries, ["KEN"]);
        assert_eq!(profile.expertise.regions, ["Africa"]);
        assert_eq!(profile.expertise.tags, ["home visits"]);

        let errors = NewExpertProfile {
            bio: " ".into(),
            strategies: vec!["magic".into()],
            languages: vec!["english".into()],
            ..NewExpertProfile::default()
        }
        .validate(&strategies())
        .expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["bio", "strategies[0]", "languages[0]"]);
    }

    #[test]
    fn names_are_the_same_whatever_their_case_and_spaces() {
        assert_eq!(
            name_key("École  des Parents "),
            name_key("ÉCOLE DES PARENTS")
        );
        assert_eq!(name_key("ΣΩΜΑΤΕΙΟ"), name_key("σωματειο"));
        assert_ne!(name_key("Ecole des parents"), name_key("École des parents"));
    }

    #[test]
    fn an_organisation_needs_a_name_and_a_real_address() {
        let errors = NewOrganisation {
            name: " ".into(),
            kind: OrganisationKind::Academia,
            description: String::new(),
            website: Some("javascript:alert(1)".into()),
            strategies: vec![],
            tags: vec![],
            languages: vec![],
            countries: vec![],
            regions: vec![],
        }
        .validate(&strategies())
        .expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "website"]);
    }

    #[test]
    fn one_request_waits_at_a_time_and_a_decline_pauses_for_thirty_days() {
        let now = at("2026-12-06T10:00:00Z");
        assert_eq!(next_request(None, now), ContactOutcome::Send);
        let waiting = PreviousRequest {
            status: ContactStatus::Pending,
            decided_at: None,
        };
        assert_eq!(
            next_request(Some(waiting), now),
            ContactOutcome::StillWaiting
        );
        let accepted = PreviousRequest {
            status: ContactStatus::Accepted,
            decided_at: Some(now),
        };
        assert_eq!(
            next_request(Some(accepted), now),
            ContactOutcome::AlreadyAccepted
        );
        let declined = PreviousRequest {
            status: ContactStatus::Declined,
            decided_at: Some(at("2026-11-20T10:00:00Z")),
        };
        assert_eq!(
            next_request(Some(declined), now),
            ContactOutcome::DeclinedUntil(at("2026-12-20T10:00:00Z"))
        );
        assert_eq!(
            next_request(Some(declined), at("2026-12-20T10:00:00Z")),
            ContactOutcome::Send
        );
    }

    #[test]
    fn kinds_and_statuses_round_trip_through_their_names() {
        for kind in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::parse(kind.as_str()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).expect("json"),
                serde_json::json!(kind.as_str())
            );
        }
        for status in ContactStatus::ALL {
            assert_eq!(ContactStatus::parse(status.as_str()), Some(status));
        }
        let filter: ContactFilter = serde_json::from_str(r#"{"box":"sent"}"#).expect("a filter");
        assert_eq!(filter.mailbox, ContactBox::Sent);
    }
}
