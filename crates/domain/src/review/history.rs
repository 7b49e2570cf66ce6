//! The history of a reviewed document: who changed what and when, as typed events.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

use super::comments::CommentAuthor;
use super::{Section, Transition};

/// What happened to a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Happened {
    Created,
    Updated,
    Deleted,
    Submitted,
    Withdrawn,
    ChangesRequested,
    Approved,
    Accepted,
    Superseded,
    /// A new version was started from this one (recorded on the new draft).
    RevisionStarted,
    /// A new version was started from this one (recorded on the approved version).
    Revised,
    /// Turned down (a membership application).
    Declined,
    /// Taken out of circulation (a knowledge resource).
    Archived,
    /// A comment on the document was removed (its text is gone).
    CommentRemoved,
}

impl Happened {
    pub const ALL: [Happened; 14] = [
        Happened::Created,
        Happened::Updated,
        Happened::Deleted,
        Happened::Submitted,
        Happened::Withdrawn,
        Happened::ChangesRequested,
        Happened::Approved,
        Happened::Accepted,
        Happened::Superseded,
        Happened::RevisionStarted,
        Happened::Revised,
        Happened::Declined,
        Happened::Archived,
        Happened::CommentRemoved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Happened::Created => "created",
            Happened::Updated => "updated",
            Happened::Deleted => "deleted",
            Happened::Submitted => "submitted",
            Happened::Withdrawn => "withdrawn",
            Happened::ChangesRequested => "changes_requested",
            Happened::Approved => "approved",
            Happened::Accepted => "accepted",
            Happened::Superseded => "superseded",
            Happened::RevisionStarted => "revision_started",
            Happened::Revised => "revised",
            Happened::Declined => "declined",
            Happened::Archived => "archived",
            Happened::CommentRemoved => "comment_removed",
        }
    }
}

impl From<Transition> for Happened {
    /// What a workflow step is recorded as.
    fn from(transition: Transition) -> Self {
        match transition {
            Transition::Submit => Happened::Submitted,
            Transition::Withdraw => Happened::Withdrawn,
            Transition::RequestChanges => Happened::ChangesRequested,
            Transition::Approve => Happened::Approved,
            Transition::Accept => Happened::Accepted,
            Transition::Supersede => Happened::Superseded,
            Transition::Archive => Happened::Archived,
        }
    }
}

/// `section.happened`, e.g. `roadmap.submitted` or `action.updated`: written so in the
/// database and in the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HistoryEvent {
    pub section: Section,
    pub happened: Happened,
}

impl HistoryEvent {
    pub const fn new(section: Section, happened: Happened) -> Self {
        Self { section, happened }
    }
}

impl fmt::Display for HistoryEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.section, self.happened.as_str())
    }
}

impl FromStr for HistoryEvent {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (section, happened) = s
            .split_once('.')
            .ok_or_else(|| format!("`{s}` is not section.event"))?;
        let happened = Happened::ALL
            .into_iter()
            .find(|h| h.as_str() == happened)
            .ok_or_else(|| format!("unknown event `{happened}`"))?;
        Ok(Self {
            section: section.parse()?,
            happened,
        })
    }
}

impl Serialize for HistoryEvent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for HistoryEvent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        raw.parse().map_err(serde::de::Error::custom)
    }
}

/// One entry of a document's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    pub id: Uuid,
    /// The document's revision this change produced.
    pub revision: i64,
    pub actor: CommentAuthor,
    /// `section.event`, e.g. `roadmap.created`, `action.updated`, `roadmap.submitted`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "roadmap.submitted"))]
    pub event: HistoryEvent,
    /// What changed: `{field: {"from": …, "to": …}}`, or the created or deleted item.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub changes: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_round_trips_through_its_name() {
        for section in Section::ALL {
            for happened in Happened::ALL {
                let event = HistoryEvent::new(section, happened);
                assert_eq!(event.to_string().parse::<HistoryEvent>(), Ok(event));
                let json = serde_json::to_string(&event).unwrap();
                assert_eq!(serde_json::from_str::<HistoryEvent>(&json).unwrap(), event);
            }
        }
        assert_eq!(
            HistoryEvent::new(Section::Roadmap, Happened::ChangesRequested).to_string(),
            "roadmap.changes_requested"
        );
        assert_eq!(
            HistoryEvent::new(Section::Resource, Happened::CommentRemoved).to_string(),
            "resource.comment_removed"
        );
    }

    #[test]
    fn names_that_are_no_event_are_refused() {
        for raw in ["roadmap", "roadmap.exploded", "chapter.created", ""] {
            assert!(raw.parse::<HistoryEvent>().is_err(), "{raw}");
        }
    }
}
