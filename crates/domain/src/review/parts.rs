//! The parts of a reviewed document (a roadmap's priorities, key actions, indicators; a report's
//! progress lines), each added, checked and patched the same way.

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Section;
use crate::FieldError;
use crate::reference::Reference;

pub trait Part: Serialize + Clone + Sized {
    /// What `POST` takes.
    type New: DeserializeOwned;
    /// What `PATCH` takes: absent fields stay.
    type Patch: DeserializeOwned;
    /// A new or patched part once checked, as it is stored.
    type Checked;
    /// The section comments and history entries name.
    const SECTION: Section;

    fn check(
        input: &Self::New,
        reference: &Reference<'_>,
    ) -> Result<Self::Checked, Vec<FieldError>>;
    /// The part as it will be after `patch`, to be checked like a new one.
    fn patched(patch: Self::Patch, current: &Self) -> Self::New;
}
