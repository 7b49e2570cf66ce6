//! What every reviewed document shares in the app: the autosave queue with its conflict view,
//! the labelled fields and their errors, the threaded comments, the reviewer's decision, the
//! history and the changes since the approved version. A document kind plugs in by
//! implementing [`Document`] (roadmaps in `pages::roadmap`, annual reports in
//! `pages::report::page`); the API paths come from its [`DocumentRef`].

pub mod changes;
mod comments;
mod decision;
pub mod drafts;
mod fields;
mod history;
mod status;
mod steps;

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use self::changes::{ChangesSinceApprovedView, has_approved_before};
pub use self::comments::{CommentThread, Comments};
pub use self::decision::DecisionPanel;
pub use self::drafts::{Drafts, OpMethod, PendingOp, one_field, part_json};
pub use self::fields::{Field, FieldErrorList, FieldErrors, invalid_attrs};
pub use self::history::HistoryPanel;
pub use self::status::{ConflictView, SaveStatus, show_value};
pub use self::steps::{Notice, Steps, error_message, notice_text, print_page};
use crate::api::{DocumentRef, Verdict};
use crate::i18n::{I18n, Key};

/// A list of parts of a document that a write can address, or the document itself.
pub trait DocumentPart:
    Copy + Eq + Debug + Serialize + DeserializeOwned + Send + Sync + 'static
{
    /// The path segment of the list in the API (`priorities`, `support-requests`); `None` for
    /// the document itself.
    fn segment(self) -> Option<&'static str>;

    /// The JSON field of the list in the document (`support_requests`), which also starts the
    /// paths of its fields' errors; the segment unless the two differ.
    fn field(self) -> Option<&'static str> {
        self.segment()
    }

    /// The JSON field that identifies a part of the list: `id`, or what the part stands for
    /// (a report's line of a key action is `action_id`).
    fn id_field(self) -> &'static str {
        "id"
    }

    /// For a write to the document itself: the JSON object of the document that the written
    /// fields belong to (a report's `narrative`); the request wraps them in it.
    fn within(self) -> Option<&'static str> {
        None
    }
}

/// A document that a country team drafts and a reviewer decides on, as the app edits it.
pub trait Document:
    Clone + PartialEq + Debug + Serialize + DeserializeOwned + Send + Sync + 'static
{
    type Part: DocumentPart;

    /// "Someone else changed this roadmap meanwhile", in this kind's words.
    const CONFLICT_TITLE: Key;
    /// The reviewer's positive decision: what the API calls it, and its button.
    const APPROVAL: (Verdict, Key);
    /// What the page says once the document is submitted.
    const SUBMITTED: Key;
    /// What the page says when someone else wrote first and it shows the document as it is now.
    const STALE_RELOADED: Key;
    /// The code refusing an edit of the kind outside its editable statuses, and its words.
    const NOT_EDITABLE: (pioneer_domain::ErrorCode, Key);

    fn doc_ref(&self) -> DocumentRef;

    /// Changes with every write; sent back in `If-Match`.
    fn revision(&self) -> i64;

    fn set_revision(&mut self, revision: i64);

    /// A field path of the error details (`actions.<id>.end_month`) in the member's words.
    fn describe_path(&self, i18n: I18n, path: &str) -> String;
}
