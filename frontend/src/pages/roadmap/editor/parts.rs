//! The one editor of a list of parts (priorities, key actions, indicators): the list keyed by
//! id, the form that adds a part, and each part with its heading, its delete button, its
//! fields and its comments. Every edit is checked by the domain first, then queued on the
//! [`Drafts`] (autosave, `If-Match`, conflicts). A part list only declares, through
//! [`PartSpec`], where its parts live in the roadmap, how the domain checks them, and its
//! fields.

use std::marker::PhantomData;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use pioneer_domain::FieldError;
use pioneer_domain::roadmap::validation::Reference;
use pioneer_domain::roadmap::{Roadmap, TargetKind};
use serde_json::Value;
use uuid::Uuid;

use super::super::{PartKind, Refs, use_refs, use_sync};
use super::fields::{
    AddPartForm, Field, FieldErrors, checked, confirm, invalid_number, keyed_parts, reference_sets,
};
use crate::document::{CommentThread, DocumentPart, Drafts, OpMethod, PendingOp, one_field};
use crate::i18n::{Key, use_i18n};

/// What makes one list of parts different from the others.
pub(super) trait PartSpec: Sized + 'static {
    type Item: Clone + PartialEq + Send + Sync + 'static;

    const KIND: PartKind;
    /// What comments on a part are anchored to.
    const TARGET: TargetKind;
    /// One part in one word: its `data-testid`, its CSS class, and the stem of the add form's
    /// id and error path (`new-action-<priority>`, `new_action.<priority>.title`).
    const NAME: &'static str;
    /// The field that names a part, asked for by the add form.
    const NAME_FIELD: &'static str;
    const HEADING: Key;
    /// "Priority “{name}”".
    const NAMED: Key;
    const NEW_LABEL: Key;
    const ADD_BUTTON: Key;
    /// Whose parts these are, when the list lives inside another part (key actions inside
    /// their priority): smaller headings, no panel of their own.
    const PARENT: Option<PartKind> = None;

    fn items(roadmap: &Roadmap) -> &[Self::Item];
    fn id(item: &Self::Item) -> Uuid;
    fn name(item: &Self::Item) -> String;

    /// The part that the list of `parent` shows.
    fn parent_id(_item: &Self::Item) -> Option<Uuid> {
        None
    }

    /// The body of a new part called `name` under `parent`, and the domain's check of it.
    fn new_part(
        name: String,
        parent: Option<Uuid>,
        reference: &Reference,
    ) -> (Option<Value>, Result<(), Vec<FieldError>>);

    /// The domain's check of `current` as the JSON patch `body` would leave it; `None` when
    /// the body is not a patch of this part at all.
    fn check(
        current: &Self::Item,
        body: &Value,
        reference: &Reference,
    ) -> Option<Result<(), Vec<FieldError>>>;

    /// The part's fields, inside its form grid.
    fn fields(part: PartHandle<Self>) -> AnyView;

    /// What follows the part's fields and comments (a priority's key actions).
    fn below(_part: PartHandle<Self>) -> Option<AnyView> {
        None
    }
}

fn segment<S: PartSpec>() -> &'static str {
    S::KIND.segment().unwrap_or_default()
}

/// One part being edited: a copyable handle that its fields write through.
pub(super) struct PartHandle<S> {
    pub sync: Drafts<Roadmap>,
    pub id: Uuid,
    refs: StoredValue<Refs>,
    spec: PhantomData<fn() -> S>,
}

// Copy for every `S`: derives would ask `S: Copy`.
impl<S> Clone for PartHandle<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for PartHandle<S> {}

/// A text field of a part: where it reads its value and how it writes the typed text.
pub(super) struct TextField<T> {
    pub name: &'static str,
    pub label: Key,
    /// The input's `type`.
    pub kind: &'static str,
    pub multiline: bool,
    pub wide: bool,
    pub inputmode: Option<&'static str>,
    pub read: fn(&T) -> String,
    /// The JSON value of the typed text; `Err` when it is not a number where one is due.
    pub write: fn(&str) -> Result<Value, ()>,
}

impl<T> TextField<T> {
    /// A one-line text field written as it is typed.
    pub fn text(name: &'static str, label: Key, read: fn(&T) -> String) -> Self {
        Self {
            name,
            label,
            kind: "text",
            multiline: false,
            wide: false,
            inputmode: None,
            read,
            write: |raw| Ok(Value::String(raw.to_owned())),
        }
    }

    pub fn wide(self) -> Self {
        Self { wide: true, ..self }
    }

    pub fn multiline(self) -> Self {
        Self {
            multiline: true,
            wide: true,
            ..self
        }
    }

    pub fn kind(self, kind: &'static str) -> Self {
        Self { kind, ..self }
    }

    pub fn decimal(self) -> Self {
        Self {
            inputmode: Some("decimal"),
            ..self
        }
    }

    pub fn write(self, write: fn(&str) -> Result<Value, ()>) -> Self {
        Self { write, ..self }
    }
}

impl<S: PartSpec> PartHandle<S> {
    fn new(id: Uuid) -> Self {
        Self {
            sync: use_sync(),
            id,
            refs: use_refs(),
            spec: PhantomData,
        }
    }

    /// The error path of the part's fields: `actions.<id>.`.
    pub fn prefix(self) -> String {
        format!("{}.{}.", segment::<S>(), self.id)
    }

    /// A text field of the part (see [`TextField`]'s builders).
    pub fn field(
        self,
        name: &'static str,
        label: Key,
        read: fn(&S::Item) -> String,
    ) -> TextField<S::Item> {
        TextField::text(name, label, read)
    }

    /// The id of the input of `field`: `<id>-end-month`, as the completeness list leads to.
    pub fn element_id(self, field: &str) -> String {
        format!("{}-{}", self.id, field.replace('_', "-"))
    }

    /// The part as shown now (untracked).
    pub fn current(self) -> Option<S::Item> {
        self.sync
            .view
            .with_untracked(|r| S::items(r).iter().find(|p| S::id(p) == self.id).cloned())
    }

    /// A value of the part, following the edits.
    pub fn memo<T>(self, read: fn(&S::Item) -> T) -> Memo<T>
    where
        T: Clone + Default + PartialEq + Send + Sync + 'static,
    {
        let id = self.id;
        Memo::new(move |_| {
            self.sync.view.with(|r| {
                S::items(r)
                    .iter()
                    .find(|p| S::id(p) == id)
                    .map(read)
                    .unwrap_or_default()
            })
        })
    }

    /// The codes that the domain's checks accept.
    pub fn with_reference<T>(self, f: impl FnOnce(&Reference) -> T) -> T {
        let (strategies, indicators) = reference_sets(self.refs);
        f(&Reference {
            strategies: &strategies,
            indicators: &indicators,
        })
    }

    /// Queues an edit of the part (a JSON patch), once the domain finds the result valid.
    pub fn commit(self, body: Value) {
        let Some(current) = self.current() else {
            return;
        };
        let Some(result) = self.with_reference(|reference| S::check(&current, &body, reference))
        else {
            return;
        };
        let fields: Vec<&str> = body
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        if checked(self.sync, &self.prefix(), &fields, result) {
            self.sync
                .push(PendingOp::patch(S::KIND, Some(self.id), body));
        }
    }

    /// Marks `field` as not holding a number.
    pub fn refuse_number(self, field: &str) {
        checked(
            self.sync,
            &self.prefix(),
            &[field],
            Err(invalid_number(field)),
        );
    }

    /// A labelled text field of the part, saved on change.
    pub fn text(self, field: TextField<S::Item>) -> AnyView {
        let name = field.name;
        let write = field.write;
        self.text_with(
            field,
            Callback::new(move |raw: String| match write(&raw) {
                Ok(value) => self.commit(one_field(name, value)),
                Err(()) => self.refuse_number(name),
            }),
        )
    }

    /// [`PartHandle::text`] with its own way of saving.
    pub fn text_with(self, field: TextField<S::Item>, on_commit: Callback<String>) -> AnyView {
        view! {
            <Field
                id=self.element_id(field.name)
                label=field.label
                path=format!("{}{}", self.prefix(), field.name)
                kind=field.kind
                multiline=field.multiline
                wide=field.wide
                inputmode=field.inputmode
                value=self.memo(field.read)
                on_commit=on_commit
            />
        }
        .into_any()
    }

    /// The errors of `field`, under a control that is not a [`Field`].
    pub fn errors(self, field: &str) -> AnyView {
        view! {
            <FieldErrors
                path=format!("{}{field}", self.prefix())
                id=format!("{}-error", self.element_id(field))
            />
        }
        .into_any()
    }
}

/// The list of `S` parts (under `parent` for a nested list), with the form that adds one.
pub(super) fn part_list<S: PartSpec>(parent: Option<Uuid>) -> AnyView {
    let sync = use_sync();
    let refs = use_refs();
    let i18n = use_i18n();
    let ids = Memo::new(move |_| {
        sync.view.with(|r| {
            S::items(r)
                .iter()
                .filter(|p| parent.is_none() || S::parent_id(p) == parent)
                .map(S::id)
                .collect::<Vec<_>>()
        })
    });
    let (list_path, list_error_id, new_prefix, new_id) = match (S::PARENT, parent) {
        (Some(parent_kind), Some(parent)) => (
            format!(
                "{}.{parent}.{}",
                parent_kind.segment().unwrap_or_default(),
                segment::<S>()
            ),
            format!("{parent}-{}-error", segment::<S>()),
            format!("new_{}.{parent}.", S::NAME),
            format!("new-{}-{parent}", S::NAME),
        ),
        _ => (
            segment::<S>().to_owned(),
            format!("{}-error", segment::<S>()),
            format!("new_{}.", S::NAME),
            format!("new-{}", S::NAME),
        ),
    };
    let new_name = RwSignal::new(String::new());
    let add = {
        let new_prefix = new_prefix.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let (strategies, indicators) = reference_sets(refs);
            let reference = Reference {
                strategies: &strategies,
                indicators: &indicators,
            };
            let (body, result) = S::new_part(new_name.get_untracked(), parent, &reference);
            if checked(sync, &new_prefix, &[S::NAME_FIELD], result)
                && let Some(body) = body
            {
                sync.push(PendingOp {
                    kind: S::KIND,
                    part_id: None,
                    method: OpMethod::Post,
                    body: Some(body),
                });
                new_name.set(String::new());
            }
        }
    };
    let nested = S::PARENT.is_some();
    let heading = if nested {
        view! { <h4>{i18n.tx(S::HEADING)}</h4> }.into_any()
    } else {
        view! { <h2>{i18n.tx(S::HEADING)}</h2> }.into_any()
    };
    view! {
        {heading}
        <FieldErrors path=list_path id=list_error_id />
        {keyed_parts(ids, part_editor::<S>)}
        <AddPartForm
            class=if nested { "add-form no-print" } else { "panel add-form no-print" }
            id=new_id
            label=S::NEW_LABEL
            path=format!("{new_prefix}{}", S::NAME_FIELD)
            button=S::ADD_BUTTON
            value=new_name
            on_submit=Callback::new(add)
        />
    }
    .into_any()
}

/// One part: heading, delete, fields, comments, and what the list puts below it.
fn part_editor<S: PartSpec>(id: Uuid) -> AnyView {
    // Built once per part: nothing here should follow the signals it reads.
    untrack(move || {
        let part = PartHandle::<S>::new(id);
        let i18n = use_i18n();
        let name = part.memo(S::name);
        let delete = move |_| {
            let label = name.get_untracked();
            if confirm(&i18n.fmt(Key::ConfirmDelete, &[("name", &label)])) {
                part.sync.push(PendingOp {
                    kind: S::KIND,
                    part_id: Some(id),
                    method: OpMethod::Delete,
                    body: None,
                });
            }
        };
        let heading = move || i18n.fmt(S::NAMED, &[("name", &name.get())]);
        let nested = S::PARENT.is_some();
        let title = if nested {
            view! { <h5>{heading}</h5> }.into_any()
        } else {
            view! { <h3>{heading}</h3> }.into_any()
        };
        let class = if nested {
            S::NAME.to_owned()
        } else {
            format!("panel {}", S::NAME)
        };
        view! {
            <article class=class data-testid=S::NAME aria-label=heading>
                <div class="with-comments">
                    <div class="section-body" data-testid=format!("{}-fields", S::NAME)>
                        <div class="part-head">
                            {title}
                            <button
                                type="button"
                                class="button button-danger button-small no-print"
                                aria-label=move || i18n.fmt(Key::DeleteNamed, &[("name", &name.get())])
                                on:click=delete
                            >
                                {i18n.tx(Key::Delete)}
                            </button>
                        </div>
                        <div class="form-grid">{S::fields(part)}</div>
                    </div>
                    <CommentThread kind=S::TARGET id=id />
                </div>
                {S::below(part)}
            </article>
        }
        .into_any()
    })
}
