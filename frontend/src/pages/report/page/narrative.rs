//! The report in the team's own words: achievements, challenges, lessons learned, and how
//! children and young people took part. Each section is saved on change (`PATCH` of the
//! report's `narrative`) and has its own comments.

use leptos::prelude::*;
use pioneer_domain::report::validation::check_narrative;
use pioneer_domain::report::{Narrative as Sections, NarrativePatch};
use pioneer_domain::review::Section;

use super::{ReportPart, use_report};
use crate::document::{CommentThread, Field, PendingOp, one_field};
use crate::i18n::{Key, use_i18n};
use crate::pages::dynamic;

/// A narrative section: its field in the API, its heading, its comments and how to read it.
struct Part {
    field: &'static str,
    heading: Key,
    hint: Key,
    section: Section,
    read: fn(&Sections) -> String,
}

const PARTS: [Part; 4] = [
    Part {
        field: "achievements",
        heading: Key::Achievements,
        hint: Key::AchievementsHint,
        section: Section::Achievements,
        read: |n| n.achievements.clone(),
    },
    Part {
        field: "challenges",
        heading: Key::Challenges,
        hint: Key::ChallengesHint,
        section: Section::Challenges,
        read: |n| n.challenges.clone(),
    },
    Part {
        field: "lessons_learned",
        heading: Key::LessonsLearned,
        hint: Key::LessonsLearnedHint,
        section: Section::LessonsLearned,
        read: |n| n.lessons_learned.clone(),
    },
    Part {
        field: "children_participation",
        heading: Key::ChildrenParticipation,
        hint: Key::ChildrenParticipationHint,
        section: Section::ChildrenParticipation,
        read: |n| n.children_participation.clone(),
    },
];

/// The patch that sets one section.
fn patch(field: &str, text: String) -> NarrativePatch {
    let mut patch = NarrativePatch::default();
    *match field {
        "achievements" => &mut patch.achievements,
        "challenges" => &mut patch.challenges,
        "lessons_learned" => &mut patch.lessons_learned,
        _ => &mut patch.children_participation,
    } = Some(text);
    patch
}

#[component]
pub fn Narrative() -> impl IntoView {
    let ctx = use_report();
    let sync = ctx.sync;
    let i18n = use_i18n();
    let report_id = sync.doc.id;
    let sections = PARTS
        .iter()
        .map(|part| {
            let field = part.field;
            let read = part.read;
            let text = Memo::new(move |_| sync.view.with(|r| read(&r.narrative)));
            let path = format!("narrative.{field}");
            let commit = Callback::new(move |value: String| {
                let result = check_narrative(&patch(field, value.clone())).map(drop);
                if sync.check("", &[&format!("narrative.{field}")], result) {
                    sync.push(PendingOp::patch(
                        ReportPart::Narrative,
                        None,
                        one_field(field, value.into()),
                    ));
                }
            });
            let heading = part.heading;
            let hint = part.hint;
            let body = move || {
                if ctx.editing.get() {
                    view! {
                        <Field
                            id=format!("narrative-{}", field.replace('_', "-"))
                            label=heading
                            path=path.clone()
                            multiline=true
                            wide=true
                            value=text
                            on_commit=commit
                        />
                        <p class="hint">{i18n.tx(hint)}</p>
                    }
                    .into_any()
                } else {
                    view! {
                        <h3>{i18n.tx(heading)}</h3>
                        <p class="prose" data-testid=format!("narrative-{field}")>
                            {move || {
                                let text = text.get();
                                if text.trim().is_empty() { "—".to_owned() } else { text }
                            }}
                        </p>
                    }
                    .into_any()
                }
            };
            view! {
                <div class="panel with-comments narrative-part">
                    <div class="section-body">{dynamic(body)}</div>
                    <CommentThread kind=part.section id=report_id />
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="report-section" aria-labelledby="narrative-heading">
            <h2 id="narrative-heading">{i18n.tx(Key::NarrativeHeading)}</h2>
            {sections}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_section_is_patched_alone() {
        let p = patch("lessons_learned", "Listen to children".into());
        assert_eq!(p.lessons_learned.as_deref(), Some("Listen to children"));
        assert!(p.achievements.is_none() && p.challenges.is_none());
        let p = patch("children_participation", "Youth panel".into());
        assert_eq!(p.children_participation.as_deref(), Some("Youth panel"));
    }
}
