//! A country's expression of interest: the form a minister signs to join the alliance, the
//! secretariat's decision on it, and the checks its letter and fields must pass.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::FieldError;
use crate::languages::position_of;
use crate::user::{Email, parse_country_code};

/// The signed letter's largest accepted size.
pub const MAX_LETTER_BYTES: usize = 5 * 1024 * 1024;
/// The longest commitment statement (the annex is about 2 000 characters).
pub const MAX_COMMITMENT_CHARS: usize = 20_000;
const MAX_FIELD_CHARS: usize = 200;

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    Received,
    Accepted,
    Declined,
}

impl ApplicationStatus {
    pub const ALL: [Self; 3] = [Self::Received, Self::Accepted, Self::Declined];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

/// The senior official the country nominates as its focal point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NominatedFocalPoint {
    pub name: String,
    pub title: String,
    /// The ministry or body the focal point works in (education, justice, social affairs…).
    pub ministry: String,
    pub email: String,
}

/// The `application` part of `POST /membership-applications`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationForm {
    /// ISO 3166-1 alpha-3.
    #[cfg_attr(feature = "openapi", schema(example = "BEN"))]
    pub country_code: String,
    /// The government entity that applies (a ministry, the presidency…).
    pub entity: String,
    pub signatory_name: String,
    pub signatory_title: String,
    /// The commitment statement the signatory endorses (the SPA pre-fills the annex's text).
    pub commitment: String,
    /// The language the applicant writes in, and in which they are answered: `en`, `fr`, `es`
    /// or `pt`.
    pub language: String,
    pub focal_point: NominatedFocalPoint,
    /// Left empty by people; a form filled in by a robot fills it (it is hidden on the page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// An application whose every field has been checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidApplication {
    pub country_code: String,
    pub entity: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub commitment: String,
    pub language: &'static str,
    pub focal_point_name: String,
    pub focal_point_title: String,
    pub focal_point_ministry: String,
    pub focal_point_email: Email,
}

/// A one-line field that goes into a mail's headers or body: trimmed, not empty, short, and
/// without line breaks or control characters (a name that carries `\r\nBcc:` is refused, not
/// cleaned, so that nothing is sent to anyone it names).
pub fn parse_line(field: &str, raw: &str, max_chars: usize) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::new(
            field,
            "required",
            format!("{field} is required"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(FieldError::new(
            field,
            "invalid_characters",
            format!("{field} must be one line without control characters"),
        ));
    }
    if value.chars().count() > max_chars {
        return Err(FieldError::new(
            field,
            "too_long",
            format!("{field} is at most {max_chars} characters"),
        ));
    }
    Ok(value.to_owned())
}

/// One of the UI's languages, by code.
pub fn parse_language(field: &str, raw: &str) -> Result<&'static str, FieldError> {
    position_of(raw.trim())
        .map(|i| crate::languages::LANGUAGES[i].code)
        .ok_or_else(|| {
            FieldError::new(
                field,
                "unknown_language",
                "language is one of en, fr, es, pt",
            )
        })
}

impl ApplicationForm {
    /// Checks every field and reports every problem at once. A filled honeypot is reported as
    /// the caller decides (see [`ApplicationForm::is_from_a_robot`]); it is not a field error.
    pub fn validate(&self) -> Result<ValidApplication, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut line = |field: &str, raw: &str| {
            parse_line(field, raw, MAX_FIELD_CHARS)
                .map_err(|e| errors.push(e))
                .ok()
        };
        let entity = line("entity", &self.entity);
        let signatory_name = line("signatory_name", &self.signatory_name);
        let signatory_title = line("signatory_title", &self.signatory_title);
        let focal_point_name = line("focal_point.name", &self.focal_point.name);
        let focal_point_title = line("focal_point.title", &self.focal_point.title);
        let focal_point_ministry = line("focal_point.ministry", &self.focal_point.ministry);
        let country_code = parse_country_code(&self.country_code)
            .map_err(|e| errors.push(e))
            .ok();
        let language = parse_language("language", &self.language)
            .map_err(|e| errors.push(e))
            .ok();
        let email = Email::parse(&self.focal_point.email)
            .map_err(|e| {
                errors.push(FieldError {
                    field: "focal_point.email".into(),
                    ..e
                })
            })
            .ok();
        let commitment = self.commitment.trim();
        if commitment.is_empty() {
            errors.push(FieldError::new(
                "commitment",
                "required",
                "the commitment statement is required",
            ));
        } else if commitment.chars().count() > MAX_COMMITMENT_CHARS {
            errors.push(FieldError::new(
                "commitment",
                "too_long",
                format!("the commitment is at most {MAX_COMMITMENT_CHARS} characters"),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        match (
            country_code,
            entity,
            signatory_name,
            signatory_title,
            language,
            focal_point_name,
            focal_point_title,
            focal_point_ministry,
            email,
        ) {
            (
                Some(country_code),
                Some(entity),
                Some(signatory_name),
                Some(signatory_title),
                Some(language),
                Some(focal_point_name),
                Some(focal_point_title),
                Some(focal_point_ministry),
                Some(focal_point_email),
            ) => Ok(ValidApplication {
                country_code,
                entity,
                signatory_name,
                signatory_title,
                commitment: commitment.to_owned(),
                language,
                focal_point_name,
                focal_point_title,
                focal_point_ministry,
                focal_point_email,
            }),
            _ => Err(errors),
        }
    }

    /// The hidden field was filled in: only a robot sees it.
    pub fn is_from_a_robot(&self) -> bool {
        self.website
            .as_deref()
            .is_some_and(|w| !w.trim().is_empty())
    }
}

/// What the signed letter's bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterCheck {
    Pdf,
    Empty,
    TooLarge,
    /// Not a PDF, whatever its name or declared type.
    NotPdf,
}

/// A PDF starts with `%PDF-` (within its first kilobyte, as readers accept) and ends with
/// `%%EOF` (within its last kilobyte). An executable, an image or a truncated upload fails.
pub fn check_letter(bytes: &[u8]) -> LetterCheck {
    if bytes.is_empty() {
        return LetterCheck::Empty;
    }
    if bytes.len() > MAX_LETTER_BYTES {
        return LetterCheck::TooLarge;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    let starts = head.windows(5).any(|w| w == b"%PDF-");
    let ends = tail.windows(5).any(|w| w == b"%%EOF");
    if starts && ends {
        LetterCheck::Pdf
    } else {
        LetterCheck::NotPdf
    }
}

/// An application as the secretariat reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MembershipApplication {
    pub id: Uuid,
    pub status: ApplicationStatus,
    pub country_code: String,
    pub country_name: String,
    pub entity: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub commitment: String,
    pub language: String,
    pub focal_point: NominatedFocalPoint,
    pub letter: LetterInfo,
    /// The message sent with the decision.
    pub decision_message: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by: Option<Uuid>,
    /// The focal point's account, once the application is accepted.
    pub focal_point_user_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// The stored letter, downloaded from `GET /membership-applications/{id}/letter`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LetterInfo {
    pub name: String,
    pub size: u64,
}

/// `201` to an application: its number, to quote in any exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationReceipt {
    pub id: Uuid,
    pub status: ApplicationStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Accept,
    Decline,
}

/// `POST /membership-applications/{id}/decision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionRequest {
    pub decision: Decision,
    /// Sent to the applicant with the decision; required when declining.
    #[serde(default)]
    pub message: String,
    /// The joining date to record when accepting; the day of the decision when absent.
    #[serde(default)]
    pub joined_on: Option<NaiveDate>,
}

/// Why a decision cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionRefused {
    AlreadyDecided(ApplicationStatus),
    Invalid(Vec<FieldError>),
}

impl DecisionRequest {
    /// A decision is taken once; declining says why.
    pub fn check(&self, current: ApplicationStatus) -> Result<String, DecisionRefused> {
        if current != ApplicationStatus::Received {
            return Err(DecisionRefused::AlreadyDecided(current));
        }
        let message = self.message.trim();
        if self.decision == Decision::Decline && message.is_empty() {
            return Err(DecisionRefused::Invalid(vec![FieldError::new(
                "message",
                "required",
                "tell the applicant why the application is declined",
            )]));
        }
        if message.chars().count() > 5_000 {
            return Err(DecisionRefused::Invalid(vec![FieldError::new(
                "message",
                "too_long",
                "the message is at most 5000 characters",
            )]));
        }
        Ok(message.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ApplicationForm {
        ApplicationForm {
            country_code: "ben".into(),
            entity: "Ministère des Affaires sociales".into(),
            signatory_name: "A. Minister".into(),
            signatory_title: "Ministre".into(),
            commitment: "Nous nous engageons…".into(),
            language: "fr".into(),
            focal_point: NominatedFocalPoint {
                name: "Awa Diallo".into(),
                title: "Directrice".into(),
                ministry: "Affaires sociales".into(),
                email: "Awa@Example.org".into(),
            },
            website: None,
        }
    }

    #[test]
    fn a_complete_form_is_normalised() {
        let valid = form().validate().expect("valid");
        assert_eq!(valid.country_code, "BEN");
        assert_eq!(valid.focal_point_email.as_str(), "awa@example.org");
        assert_eq!(valid.language, "fr");
    }

    #[test]
    fn every_problem_is_reported_at_once_and_line_breaks_are_refused() {
        let mut bad = form();
        bad.signatory_name = "Eve\r\nBcc: victim@example.org".into();
        bad.focal_point.email = "nope".into();
        bad.language = "de".into();
        bad.commitment = " ".into();
        let errors = bad.validate().expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "signatory_name",
                "language",
                "focal_point.email",
                "commitment"
            ]
        );
        assert_eq!(errors[0].code, "invalid_characters");
    }

    #[test]
    fn the_honeypot_tells_robots() {
        let mut robot = form();
        assert!(!robot.is_from_a_robot());
        robot.website = Some("http://spam.example".into());
        assert!(robot.is_from_a_robot());
    }

    #[test]
    fn a_letter_is_a_pdf_by_its_bytes() {
        assert_eq!(
            check_letter(b"%PDF-1.4\n1 0 obj\n%%EOF\n"),
            LetterCheck::Pdf
        );
        assert_eq!(
            check_letter(b"MZ\x90\0\x03 this is an exe"),
            LetterCheck::NotPdf
        );
        assert_eq!(
            check_letter(b"%PDF-1.4\n1 0 obj cut off"),
            LetterCheck::NotPdf
        );
        assert_eq!(check_letter(b""), LetterCheck::Empty);
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(MAX_LETTER_BYTES + 1, b' ');
        assert_eq!(check_letter(&big), LetterCheck::TooLarge);
    }

    #[test]
    fn a_decision_is_taken_once_and_a_decline_says_why() {
        let decline = DecisionRequest {
            decision: Decision::Decline,
            message: "  ".into(),
            joined_on: None,
        };
        assert!(matches!(
            decline.check(ApplicationStatus::Received),
            Err(DecisionRefused::Invalid(_))
        ));
        let accept = DecisionRequest {
            decision: Decision::Accept,
            message: String::new(),
            joined_on: None,
        };
        assert_eq!(accept.check(ApplicationStatus::Received), Ok(String::new()));
        assert_eq!(
            accept.check(ApplicationStatus::Declined),
            Err(DecisionRefused::AlreadyDecided(ApplicationStatus::Declined))
        );
    }
}
