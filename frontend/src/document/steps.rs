//! A document page's workflow steps, the same for every kind: one step at a time, what came of
//! the last one (a notice, or an error in the kind's words), and printing.

use leptos::prelude::*;
use leptos::task::spawn_local;
use pioneer_domain::ErrorCode;

use super::Document;
use super::drafts::{Drafts, StepOutcome};
use crate::api::{ApiError, Step};
use crate::i18n::{I18n, Key};
use crate::pages::error_text;

/// What a page says once a step is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Submitted,
    /// Someone else wrote first: the page shows the document as it is now.
    StaleReloaded,
}

/// A page's steps: whether one is under way, and what came of the last.
#[derive(Debug, Clone, Copy)]
pub struct Steps {
    pub working: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    pub notice: RwSignal<Option<Notice>>,
}

impl Default for Steps {
    fn default() -> Self {
        Self {
            working: RwSignal::new(false),
            error: RwSignal::new(None),
            notice: RwSignal::new(None),
        }
    }
}

impl Steps {
    /// Takes `step` on the document of `sync` unless one is under way; says `then` when it is
    /// done, and hands a refusal to `failed` (e.g. to focus the field it names).
    pub fn take<D: Document>(
        self,
        sync: Drafts<D>,
        step: Step,
        then: Option<Notice>,
        failed: impl Fn(&ApiError) + 'static,
    ) {
        if self.working.get_untracked() {
            return;
        }
        self.working.set(true);
        self.error.set(None);
        self.notice.set(None);
        spawn_local(async move {
            match sync.take_step(step).await {
                StepOutcome::Done => self.notice.set(then),
                StepOutcome::Reloaded => self.notice.set(Some(Notice::StaleReloaded)),
                StepOutcome::Failed(error) => {
                    failed(&error);
                    self.error.set(Some(error));
                }
            }
            self.working.set(false);
        });
    }
}

/// The words of a notice for documents of kind `D`.
pub fn notice_text<D: Document>(notice: Notice) -> Key {
    match notice {
        Notice::Submitted => D::SUBMITTED,
        Notice::StaleReloaded => D::STALE_RELOADED,
    }
}

/// A failed step or save, in the kind's words where it has its own.
pub fn error_message<D: Document>(i18n: I18n, error: &ApiError) -> String {
    match error.code() {
        Some(ErrorCode::ValidationFailed) => i18n.t(Key::FormHasErrors).to_owned(),
        Some(ErrorCode::CycleClosed) => i18n.t(Key::CycleClosedError).to_owned(),
        Some(code) if code == D::NOT_EDITABLE.0 => i18n.t(D::NOT_EDITABLE.1).to_owned(),
        _ => error_text(i18n, error),
    }
}

/// Opens the browser's print dialog (pages have a print stylesheet).
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
