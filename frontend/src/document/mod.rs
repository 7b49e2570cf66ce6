//! What every reviewed document shares in the app: the autosave queue with its conflict view,
//! the threaded comments, the reviewer's decision, the history and the changes since the
//! approved version. A document kind plugs in by implementing [`Document`] (roadmaps do it in
//! `pages::roadmap`); the API paths come from its [`DocumentRef`].

pub mod changes;
mod comments;
mod decision;
pub mod drafts;
mod history;
mod status;

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use self::changes::{ChangesSinceApprovedView, has_approved_before};
pub use self::comments::{CommentThread, Comments};
pub use self::decision::DecisionPanel;
pub use self::drafts::{Drafts, OpMethod, PendingOp, StepOutcome, one_field, part_json};
pub use self::history::HistoryPanel;
pub use self::status::{ConflictView, SaveStatus, show_value};
use crate::api::DocumentRef;
use crate::i18n::I18n;

/// A list of parts of a document that a write can address, or the document itself.
pub trait DocumentPart:
    Copy + Eq + Debug + Serialize + DeserializeOwned + Send + Sync + 'static
{
    /// The JSON field of the list in the document, which is also its path segment in the API
    /// (`priorities`); `None` for the document itself.
    fn segment(self) -> Option<&'static str>;
}

/// A document that a country team drafts and a reviewer decides on, as the app edits it.
pub trait Document:
    Clone + PartialEq + Debug + Serialize + DeserializeOwned + Send + Sync + 'static
{
    type Part: DocumentPart;

    fn doc_ref(&self) -> DocumentRef;

    /// Changes with every write; sent back in `If-Match`.
    fn revision(&self) -> i64;

    fn set_revision(&mut self, revision: i64);

    /// A field path of the error details (`actions.<id>.end_month`) in the member's words.
    fn describe_path(&self, i18n: I18n, path: &str) -> String;
}
