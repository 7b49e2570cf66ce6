//! In-app notifications: what happened that concerns a member, where to look, read or not.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a notification tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// A new post in a thread they follow.
    Reply,
    /// A post names them.
    Mention,
    /// Their reply was accepted as the answer.
    AcceptedAnswer,
    /// They were added to a thematic group.
    GroupInvitation,
    /// A moderator published, returned or archived their resource.
    ModerationDecision,
    /// A place freed up in an event they waited for: they hold it now.
    EventPlace,
    /// An event they hold a place in starts within a day.
    EventReminder,
    /// A member asks to join a group they moderate.
    JoinRequest,
    /// A moderator accepted their request to join a group.
    JoinApproved,
    /// A moderator declined their request to join a group.
    JoinDeclined,
    /// A member asks them, as an expert, to be in touch.
    ContactRequest,
    /// An expert accepted their contact request: their address is shown.
    ContactAccepted,
    /// An expert declined their contact request.
    ContactDeclined,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 13] = [
        NotificationKind::Reply,
        NotificationKind::Mention,
        NotificationKind::AcceptedAnswer,
        NotificationKind::GroupInvitation,
        NotificationKind::ModerationDecision,
        NotificationKind::EventPlace,
        NotificationKind::EventReminder,
        NotificationKind::JoinRequest,
        NotificationKind::JoinApproved,
        NotificationKind::JoinDeclined,
        NotificationKind::ContactRequest,
        NotificationKind::ContactAccepted,
        NotificationKind::ContactDeclined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::Reply => "reply",
            NotificationKind::Mention => "mention",
            NotificationKind::AcceptedAnswer => "accepted_answer",
            NotificationKind::GroupInvitation => "group_invitation",
            NotificationKind::ModerationDecision => "moderation_decision",
            NotificationKind::EventPlace => "event_place",
            NotificationKind::EventReminder => "event_reminder",
            NotificationKind::JoinRequest => "join_request",
            NotificationKind::JoinApproved => "join_approved",
            NotificationKind::JoinDeclined => "join_declined",
            NotificationKind::ContactRequest => "contact_request",
            NotificationKind::ContactAccepted => "contact_accepted",
            NotificationKind::ContactDeclined => "contact_declined",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }
}

/// One notification, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: Uuid,
    pub kind: NotificationKind,
    pub read: bool,
    pub created_at: DateTime<Utc>,
    /// Where it points, as a path of the web app (`/discussions/{id}#post-{post_id}`).
    pub link: String,
    /// One sentence: who did what, on what.
    pub summary: String,
}

/// `GET /notifications/unread-count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnreadCount {
    pub unread: u64,
}

/// `GET /notifications` filters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct NotificationFilter {
    /// Only the unread ones.
    #[serde(default)]
    pub unread: bool,
}

/// `GET`/`PUT /me/notification-settings`: what reaches the member by e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationSettings {
    /// A daily e-mail of the notifications not yet read (on unless switched off).
    pub digest: bool,
}

/// The hour of the day (UTC) when the daily digest goes out.
pub const DIGEST_HOUR_UTC: u32 = 6;

/// The moment of the day `now` falls in when the digest goes out.
pub fn digest_time(now: DateTime<Utc>) -> DateTime<Utc> {
    now.date_naive()
        .and_hms_opt(DIGEST_HOUR_UTC, 0, 0)
        .map_or(now, |at| at.and_utc())
}

/// Whether a member's digest is due: the day's hour has come, and the last one went before it.
pub fn digest_due(last_sent: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    let today = digest_time(now);
    now >= today && last_sent.is_none_or(|sent| sent < today)
}

/// What a digest tells: the unread notifications since the last digest, a day back at most.
pub fn digest_since(last_sent: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DateTime<Utc> {
    let day_back = now - chrono::Duration::days(1);
    last_sent.map_or(day_back, |sent| sent.max(day_back))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(raw: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(raw)
            .expect("time")
            .with_timezone(&Utc)
    }

    #[test]
    fn the_digest_goes_once_a_day_after_its_hour() {
        let morning = at("2026-12-07T06:30:00Z");
        assert!(digest_due(None, morning));
        assert!(
            !digest_due(None, at("2026-12-07T05:59:00Z")),
            "before the hour"
        );
        assert!(digest_due(Some(at("2026-12-06T06:01:00Z")), morning));
        assert!(
            !digest_due(Some(at("2026-12-07T06:01:00Z")), morning),
            "sent today"
        );
        assert_eq!(digest_since(None, morning), at("2026-12-06T06:30:00Z"));
        assert_eq!(
            digest_since(Some(at("2026-12-06T12:00:00Z")), morning),
            at("2026-12-06T12:00:00Z")
        );
        assert_eq!(
            digest_since(Some(at("2026-11-01T06:00:00Z")), morning),
            at("2026-12-06T06:30:00Z"),
            "a day back at most"
        );
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in NotificationKind::ALL {
            assert_eq!(NotificationKind::parse(kind.as_str()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::json!(kind.as_str())
            );
        }
        assert_eq!(NotificationKind::parse("digest"), None);
    }
}
