//! The country team's editor: every field is saved on change, part by part, through the
//! [`Drafts`](crate::document::Drafts) queue. Each edit is first checked with the domain's own
//! rules (`check_*`); the problems, and those the server answers, show next to their fields by
//! path. The roadmap's own fields are here; its three part lists (priorities with their key
//! actions, indicators) share the one list editor of [`parts`] and only declare their fields.

mod actions;
mod fields;
mod indicators;
mod parts;
mod paths;
mod priorities;

use leptos::prelude::*;
use pioneer_domain::roadmap::validation::{check_complete, check_roadmap_patch};
use pioneer_domain::roadmap::{Consultation, Roadmap, RoadmapPatch, StakeholderGroup, TargetKind};
use serde_json::Value;

use self::fields::{Field, FieldErrors, checked, invalid_number};
use self::parts::part_list;
use self::paths::element_for_path;
pub use self::paths::{describe_path, field_heading};
use super::{PartKind, use_sync};
use crate::api::{from_value, to_value};
use crate::document::{CommentThread, PendingOp, one_field};
use crate::i18n::{Key, use_i18n};
use crate::pages::{dynamic, focus_id};

#[component]
pub fn Editor() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let view_rm = sync.view;

    let text_memo = move |f: fn(&Roadmap) -> String| {
        Signal::<String>::from(Memo::new(move |_| view_rm.with(f)))
    };

    // A roadmap-level edit, checked against the current period.
    let commit_roadmap = move |field: &'static str, value: Value| {
        let Some(patch) = from_value::<RoadmapPatch>(&one_field(field, value.clone())) else {
            return;
        };
        let period = view_rm.with_untracked(|r| (r.period_start, r.period_end));
        if checked(sync, "", &[field], check_roadmap_patch(&patch, period)) {
            sync.push(PendingOp::patch(
                PartKind::Roadmap,
                None,
                one_field(field, value),
            ));
        }
    };
    let commit_year = move |field: &'static str, raw: String| match raw.trim().parse::<i32>() {
        Ok(year) => commit_roadmap(field, year.into()),
        Err(_) => {
            checked(sync, "", &[field], Err(invalid_number(field)));
        }
    };
    let commit_consultation = move |change: Box<dyn Fn(&mut Consultation)>| {
        let mut consultation = view_rm.with_untracked(|r| r.consultation.clone());
        change(&mut consultation);
        if let Some(value) = to_value(&consultation) {
            commit_roadmap("consultation", value);
        }
    };

    let held_on = Signal::<String>::from(Memo::new(move |_| {
        view_rm.with(|r| {
            r.consultation
                .held_on
                .map(|d| d.to_string())
                .unwrap_or_default()
        })
    }));
    let participants = Signal::<String>::from(Memo::new(move |_| {
        view_rm.with(|r| {
            r.consultation
                .participants
                .map(|n| n.to_string())
                .unwrap_or_default()
        })
    }));
    let groups = Memo::new(move |_| view_rm.with(|r| r.consultation.stakeholder_groups.clone()));

    view! {
        <div class="editor" data-testid="editor">
            <div class="panel with-comments">
                <div class="section-body">
                    <h2>{i18n.tx(Key::Summary)}</h2>
                    <div class="form-grid">
                        <Field
                            id="rm-title"
                            label=Key::Title
                            path="title"
                            wide=true
                            value=text_memo(|r| r.title.clone())
                            on_commit=Callback::new(move |v: String| commit_roadmap("title", v.into()))
                        />
                        <Field
                            id="rm-period-start"
                            label=Key::PeriodStart
                            path="period_start"
                            kind="number"
                            value=text_memo(|r| r.period_start.to_string())
                            on_commit=Callback::new(move |v| commit_year("period_start", v))
                        />
                        <Field
                            id="rm-period-end"
                            label=Key::PeriodEnd
                            path="period_end"
                            kind="number"
                            value=text_memo(|r| r.period_end.to_string())
                            on_commit=Callback::new(move |v| commit_year("period_end", v))
                        />
                        <Field
                            id="rm-summary"
                            label=Key::Summary
                            path="summary"
                            multiline=true
                            wide=true
                            value=text_memo(|r| r.summary.clone())
                            on_commit=Callback::new(move |v: String| commit_roadmap("summary", v.into()))
                        />
                    </div>
                    <h3>{i18n.tx(Key::Consultation)}</h3>
                    <div class="form-grid">
                        <Field
                            id="rm-held-on"
                            label=Key::HeldOn
                            path="consultation.held_on"
                            kind="date"
                            value=held_on
                            on_commit=Callback::new(move |v: String| {
                                let date = v.trim().parse().ok();
                                commit_consultation(Box::new(move |c| c.held_on = date));
                            })
                        />
                        <Field
                            id="rm-participants"
                            label=Key::Participants
                            path="consultation.participants"
                            kind="number"
                            value=participants
                            on_commit=Callback::new(move |v: String| {
                                let raw = v.trim().to_owned();
                                if raw.is_empty() {
                                    commit_consultation(Box::new(|c| c.participants = None));
                                } else if let Ok(n) = raw.parse::<u32>() {
                                    commit_consultation(Box::new(move |c| c.participants = Some(n)));
                                } else {
                                    checked(
                                        sync,
                                        "",
                                        &["consultation.participants"],
                                        Err(invalid_number("consultation.participants")),
                                    );
                                }
                            })
                        />
                        <fieldset class="field field-wide checkbox-group">
                            <legend>{i18n.tx(Key::StakeholderGroups)}</legend>
                            <div class="checkbox-grid">
                                {StakeholderGroup::ALL
                                    .into_iter()
                                    .map(|group| {
                                        view! {
                                            <label class="checkbox">
                                                <input
                                                    type="checkbox"
                                                    prop:checked=move || groups.with(|g| g.contains(&group))
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        commit_consultation(Box::new(move |c| {
                                                            c.stakeholder_groups.retain(|g| *g != group);
                                                            if on {
                                                                c.stakeholder_groups.push(group);
                                                                c.stakeholder_groups.sort();
                                                            }
                                                        }));
                                                    }
                                                />
                                                {dynamic(move || i18n.stakeholder_group(group))}
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                            <FieldErrors path="consultation.stakeholder_groups" id="rm-groups-error" />
                        </fieldset>
                    </div>
                </div>
                <CommentThread kind=TargetKind::Roadmap id=sync.doc.id />
            </div>
            <Completeness />
            {part_list::<priorities::Priorities>(None)}
            {part_list::<indicators::Indicators>(None)}
        </div>
    }
}

/// What `check_complete` still finds, as a list that leads to each field.
#[component]
fn Completeness() -> impl IntoView {
    let sync = use_sync();
    let i18n = use_i18n();
    let problems = Memo::new(move |_| sync.view.with(check_complete));
    view! {
        <div class="panel panel-check" id="completeness" tabindex="-1" data-testid="completeness">
            <h2>{i18n.tx(Key::Completeness)}</h2>
            {dynamic(move || {
                let problems = problems.get();
                if problems.is_empty() {
                    return view! { <p class="alert alert-ok">{i18n.tx(Key::ReadyToSubmit)}</p> }.into_any();
                }
                view! {
                    <ul class="check-list">
                        {problems
                            .into_iter()
                            .map(|problem| {
                                let label = sync.view.with(|r| describe_path(i18n, r, &problem.field));
                                let target = element_for_path(&problem.field);
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="link-button"
                                            on:click=move |_| focus_id(&target)
                                        >
                                            {label}
                                        </button>
                                        " — "
                                        {i18n.field_error(&problem)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </div>
    }
}
