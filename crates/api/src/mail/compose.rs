//! The mails' words, in the recipient's language, from `locales/mail/*.ftl`.

use pioneer_domain::Role;

use super::{OutgoingMail, Recipient};
use crate::texts::Texts;

/// Builds one mail: subject and body from `{id}-subject` and `{id}-body`, with the signature.
fn mail(
    texts: &Texts,
    language: &str,
    to: Recipient,
    id: &str,
    args: &[(&str, &str)],
) -> OutgoingMail {
    let lang = texts.lang(language);
    let subject = texts.format(lang, &format!("{id}-subject"), args);
    let body = texts.format(lang, &format!("{id}-body"), args);
    let signature = texts.get(lang, "mail-signature");
    OutgoingMail {
        to,
        subject,
        text: format!("{body}\n\n{signature}\n"),
    }
}

fn recipient(email: &str, name: Option<&str>) -> Recipient {
    Recipient {
        email: email.to_owned(),
        name: name.map(str::to_owned),
    }
}

pub struct ApplicationMail<'a> {
    pub language: &'a str,
    pub focal_point_email: &'a str,
    pub focal_point_name: &'a str,
    pub country: &'a str,
    pub signatory: &'a str,
    pub id: &'a str,
}

/// The acknowledgment of an expression of interest, to the nominated focal point.
pub fn application_received(texts: &Texts, a: &ApplicationMail<'_>) -> OutgoingMail {
    mail(
        texts,
        a.language,
        recipient(a.focal_point_email, Some(a.focal_point_name)),
        "mail-application-received",
        &[
            ("name", a.focal_point_name),
            ("country", a.country),
            ("signatory", a.signatory),
            ("id", a.id),
        ],
    )
}

/// The decision on an expression of interest, with the secretariat's message.
pub fn application_decided(
    texts: &Texts,
    a: &ApplicationMail<'_>,
    accepted: bool,
    message: &str,
) -> OutgoingMail {
    let id = if accepted {
        "mail-application-accepted"
    } else {
        "mail-application-declined"
    };
    mail(
        texts,
        a.language,
        recipient(a.focal_point_email, Some(a.focal_point_name)),
        id,
        &[
            ("name", a.focal_point_name),
            ("country", a.country),
            ("message", message),
        ],
    )
}

pub struct InvitationMail<'a> {
    pub language: &'a str,
    pub email: &'a str,
    pub name: Option<&'a str>,
    /// Who invites: a member's name, or the secretariat.
    pub inviter: Option<&'a str>,
    pub role: Role,
    pub link: &'a str,
    pub days: i64,
}

pub fn invitation(texts: &Texts, i: &InvitationMail<'_>) -> OutgoingMail {
    let lang = texts.lang(i.language);
    let role = texts.get(lang, &format!("mail-role-{}", i.role.as_str()));
    let inviter = i
        .inviter
        .map_or_else(|| texts.get(lang, "mail-secretariat"), str::to_owned);
    let days = i.days.to_string();
    mail(
        texts,
        i.language,
        recipient(i.email, i.name),
        "mail-invitation",
        &[
            ("platform", "Pioneer Hub"),
            ("inviter", &inviter),
            ("role", &role),
            ("link", i.link),
            ("days", &days),
        ],
    )
}

/// An existing account made focal point of a country whose application was accepted.
pub fn account_linked(
    texts: &Texts,
    language: &str,
    email: &str,
    name: &str,
    country: &str,
    link: &str,
) -> OutgoingMail {
    mail(
        texts,
        language,
        recipient(email, Some(name)),
        "mail-account-linked",
        &[("name", name), ("country", country), ("link", link)],
    )
}

pub fn password_reset(
    texts: &Texts,
    language: &str,
    email: &str,
    name: &str,
    link: &str,
    minutes: i64,
) -> OutgoingMail {
    let minutes = minutes.to_string();
    mail(
        texts,
        language,
        recipient(email, Some(name)),
        "mail-reset",
        &[("link", link), ("minutes", &minutes)],
    )
}

pub struct ReminderMail<'a> {
    pub language: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub country: &'a str,
    pub year: i32,
    pub due: &'a str,
    pub link: &'a str,
}

pub fn reminder(texts: &Texts, r: &ReminderMail<'_>) -> OutgoingMail {
    let year = r.year.to_string();
    mail(
        texts,
        r.language,
        recipient(r.email, Some(r.name)),
        "mail-reminder",
        &[
            ("name", r.name),
            ("country", r.country),
            ("year", &year),
            ("due", r.due),
            ("link", r.link),
        ],
    )
}

pub struct EventReminderMail<'a> {
    pub language: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub title: &'a str,
    /// The start, in the organiser's zone.
    pub when: &'a str,
    pub timezone: &'a str,
    pub link: &'a str,
}

pub fn event_reminder(texts: &Texts, r: &EventReminderMail<'_>) -> OutgoingMail {
    mail(
        texts,
        r.language,
        recipient(r.email, Some(r.name)),
        "mail-event-reminder",
        &[
            ("name", r.name),
            ("title", r.title),
            ("when", r.when),
            ("timezone", r.timezone),
            ("link", r.link),
        ],
    )
}

pub struct DigestMail<'a> {
    pub language: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub count: &'a str,
    /// One line per notification, with its link.
    pub lines: &'a str,
    pub link: &'a str,
    /// Where the digest is switched off.
    pub settings: &'a str,
}

pub fn digest(texts: &Texts, d: &DigestMail<'_>) -> OutgoingMail {
    mail(
        texts,
        d.language,
        recipient(d.email, Some(d.name)),
        "mail-digest",
        &[
            ("name", d.name),
            ("count", d.count),
            ("lines", d.lines),
            ("link", d.link),
            ("settings", d.settings),
        ],
    )
}
