//! The files of the resource form: chosen, checked (25 MB at most each) and, once the resource
//! is saved, sent one after the other, each with its progress bar.

use std::rc::Rc;

use leptos::prelude::*;
use pioneer_domain::FieldError;
use pioneer_domain::knowledge::files::MAX_FILE_BYTES;
use uuid::Uuid;

use crate::api::{self, Api, ApiError};
use crate::components::ProgressBar;
use crate::i18n::{I18n, Key, use_i18n};
use crate::pages::applications::file_size;
use crate::pages::error_text;

/// The types the server takes, for the browser's file picker (the server reads the bytes).
const ACCEPTED: &str = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.mp4,.docx,.xlsx,.pptx,.odt,.csv,.txt,\
application/pdf,image/png,image/jpeg,image/gif,image/webp,video/mp4,text/csv,text/plain";

/// What is wrong with a file of `size` bytes before it is sent: too large, or nothing.
pub fn file_problem(size: f64) -> Option<FieldError> {
    (size > MAX_FILE_BYTES as f64).then(|| FieldError::new("file", "too_large", "at most 25 MB"))
}

/// Where a file stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileState {
    Waiting,
    /// Under way, with the percent sent.
    Sending(i32),
    Sent,
    Failed(String),
}

/// A chosen file, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub key: u64,
    pub name: String,
    pub size: u64,
    pub state: FileState,
    /// Found before sending (too large): the file is not sent.
    pub problem: Option<FieldError>,
}

impl Chosen {
    /// The percent its bar shows, once it is under way.
    fn percent(&self) -> Option<i32> {
        match self.state {
            FileState::Sending(percent) => Some(percent),
            FileState::Sent => Some(100),
            FileState::Waiting | FileState::Failed(_) => None,
        }
    }
}

/// A failed upload in the member's words: too large and refused types at the file.
fn upload_error(i18n: I18n, error: &ApiError) -> String {
    match error {
        ApiError::Status { status: 413, .. } => i18n.t(Key::ErrFileTooLarge).to_owned(),
        ApiError::Status { status: 415, .. } => i18n.t(Key::ErrFileType).to_owned(),
        ApiError::Status { details, .. } if !details.is_empty() => details
            .iter()
            .map(|e| i18n.field_error(e))
            .collect::<Vec<_>>()
            .join(" "),
        other => error_text(i18n, other),
    }
}

/// The chosen files: their `File`s (which stay in the browser's thread) and what the page
/// shows of each.
#[derive(Debug, Clone, Copy)]
pub struct Uploads {
    files: StoredValue<Vec<(u64, web_sys::File)>, LocalStorage>,
    pub list: RwSignal<Vec<Chosen>>,
    next_key: StoredValue<u64>,
}

impl Uploads {
    pub fn new() -> Self {
        Self {
            files: StoredValue::new_local(Vec::new()),
            list: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
        }
    }

    fn add(self, file: web_sys::File) {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        let size = file.size();
        self.list.update(|list| {
            list.push(Chosen {
                key,
                name: file.name(),
                size: size.max(0.0) as u64,
                state: FileState::Waiting,
                problem: file_problem(size),
            })
        });
        self.files.update_value(|files| files.push((key, file)));
    }

    fn remove(self, key: u64) {
        self.list.update(|list| list.retain(|c| c.key != key));
        self.files
            .update_value(|files| files.retain(|(k, _)| *k != key));
    }

    /// Whether a chosen file cannot be sent (too large).
    pub fn has_problem(self) -> bool {
        self.list
            .with_untracked(|list| list.iter().any(|c| c.problem.is_some()))
    }

    fn set(self, key: u64, state: FileState) {
        self.list.update(|list| {
            if let Some(chosen) = list.iter_mut().find(|c| c.key == key) {
                chosen.state = state;
            }
        });
    }

    /// Sends every file not sent yet to resource `id`, one after the other; true when all of
    /// them are there.
    pub async fn send_all(self, api: Api, id: Uuid, i18n: I18n) -> bool {
        let keys: Vec<u64> = self.list.with_untracked(|list| {
            list.iter()
                .filter(|c| c.state != FileState::Sent)
                .map(|c| c.key)
                .collect()
        });
        let mut all_sent = true;
        for key in keys {
            let Some(file) = self
                .files
                .try_with_value(|files| {
                    files
                        .iter()
                        .find(|(k, _)| *k == key)
                        .map(|(_, f)| f.clone())
                })
                .flatten()
            else {
                continue;
            };
            self.set(key, FileState::Sending(0));
            let progress: Rc<dyn Fn(i32)> = Rc::new(move |percent| {
                // Never back: the last event may come after the answer.
                self.list.update(|list| {
                    if let Some(chosen) = list.iter_mut().find(|c| c.key == key)
                        && let FileState::Sending(before) = chosen.state
                    {
                        chosen.state = FileState::Sending(before.max(percent));
                    }
                });
            });
            match api::knowledge::upload(api, id, &file, progress).await {
                Ok(_) => self.set(key, FileState::Sent),
                Err(error) => {
                    all_sent = false;
                    self.set(key, FileState::Failed(upload_error(i18n, &error)));
                }
            }
        }
        all_sent
    }
}

/// The file picker and the list of the chosen files with their progress.
#[component]
pub fn FileField(
    uploads: Uploads,
    /// While the form is being sent: no file is added or removed.
    #[prop(into)]
    busy: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |_| {
        let Some(input) = input.get_untracked() else {
            return;
        };
        if let Some(files) = input.files() {
            for at in 0..files.length() {
                if let Some(file) = files.get(at) {
                    uploads.add(file);
                }
            }
        }
        // The same file can be chosen again after it is removed.
        input.set_value("");
    };
    let invalid = move || {
        uploads
            .list
            .with(|list| list.iter().any(|c| c.problem.is_some()))
            .then_some("true")
    };
    let item = move |chosen: Chosen| {
        let key = chosen.key;
        let current = Memo::new(move |_| {
            uploads
                .list
                .with(|list| list.iter().find(|c| c.key == key).cloned())
        });
        let percent = Signal::derive(move || {
            current.with(|c| c.as_ref().and_then(Chosen::percent).unwrap_or(0))
        });
        let name = chosen.name.clone();
        let label = Signal::derive(move || {
            i18n.fmt(
                Key::UploadProgressLabel,
                &[("name", &name), ("percent", &percent.get().to_string())],
            )
        });
        let under_way = move || current.with(|c| c.as_ref().and_then(Chosen::percent).is_some());
        let state = move || {
            current.with(|c| match c.as_ref().map(|c| (&c.state, &c.problem)) {
                Some((_, Some(problem))) => Some(
                    view! { <p class="field-error">{i18n.field_error(problem)}</p> }.into_any(),
                ),
                Some((FileState::Failed(message), None)) => Some(
                    view! { <p class="field-error" role="alert">{message.clone()}</p> }.into_any(),
                ),
                Some((FileState::Waiting, None)) => {
                    Some(view! { <p class="hint">{i18n.tx(Key::FileWaiting)}</p> }.into_any())
                }
                Some((FileState::Sent, None)) => Some(
                    view! { <p class="hint upload-done">{i18n.tx(Key::FileSent)}</p> }.into_any(),
                ),
                _ => None,
            })
        };
        let removable = move || {
            !busy.get() && current.with(|c| c.as_ref().is_some_and(|c| c.state != FileState::Sent))
        };
        let remove_label = i18n.fmt(Key::RemoveNamed, &[("name", &chosen.name)]);
        view! {
            <li class="upload" data-testid="upload-item">
                <div class="upload-head">
                    <span class="upload-name">{chosen.name.clone()}</span>
                    <span class="muted">{file_size(chosen.size)}</span>
                    <Show when=removable>
                        <button
                            type="button"
                            class="button button-small button-quiet"
                            aria-label=remove_label.clone()
                            on:click=move |_| uploads.remove(key)
                        >
                            {i18n.tx(Key::RemoveFile)}
                        </button>
                    </Show>
                </div>
                <Show when=under_way>
                    <ProgressBar percent=percent label=label testid="upload-progress" />
                </Show>
                {move || state()}
            </li>
        }
    };
    view! {
        <div class="field">
            <label for="rf-files">{i18n.tx(Key::AttachFiles)}</label>
            <input
                id="rf-files"
                type="file"
                multiple
                accept=ACCEPTED
                node_ref=input
                on:change=on_change
                disabled=move || busy.get()
                aria-invalid=invalid
                aria-describedby="rf-files-hint"
            />
            <p class="hint" id="rf-files-hint">{i18n.tx(Key::FilesHint)}</p>
            <ul class="uploads" aria-live="polite">
                <For each=move || uploads.list.get() key=|c| c.key children=item />
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_of_more_than_25_megabytes_is_refused_before_it_is_sent() {
        assert_eq!(file_problem(1024.0), None);
        assert_eq!(file_problem((25 * 1024 * 1024) as f64), None);
        let problem = file_problem((25 * 1024 * 1024 + 1) as f64);
        assert_eq!(
            problem.map(|p| (p.field, p.code)),
            Some(("file".into(), "too_large".into()))
        );
        let i18n = I18n::for_tests();
        let refused = ApiError::Status {
            status: 415,
            code: pioneer_domain::ErrorCode::UnsupportedMediaType,
            message: String::new(),
            details: Vec::new(),
            retry_after: None,
            current: None,
        };
        assert_eq!(
            upload_error(i18n, &refused),
            "This type of file is not accepted."
        );
    }

    #[test]
    fn a_file_shows_its_bar_once_under_way_and_full_once_sent() {
        let mut chosen = Chosen {
            key: 1,
            name: "a.pdf".into(),
            size: 10,
            state: FileState::Waiting,
            problem: None,
        };
        assert_eq!(chosen.percent(), None);
        chosen.state = FileState::Sending(40);
        assert_eq!(chosen.percent(), Some(40));
        chosen.state = FileState::Sent;
        assert_eq!(chosen.percent(), Some(100));
        chosen.state = FileState::Failed("no".into());
        assert_eq!(chosen.percent(), None);
    }
}
