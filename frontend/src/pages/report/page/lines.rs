//! A report's lines: per key action of the roadmap its status, progress and spending; per
//! indicator its latest value and how far it has come toward the target. A line is replaced
//! whole (`PUT`): each control keeps what the member typed, and a change sends the whole line
//! once the domain's check accepts it.

use leptos::prelude::*;
use pioneer_domain::FieldError;
use pioneer_domain::currency::CURRENCIES;
use pioneer_domain::report::validation::{check_action_progress, check_indicator_value};
use pioneer_domain::report::{
    ActionProgress, ActionProgressInput, ActionStatus, IndicatorProgress, IndicatorValueInput,
};
use pioneer_domain::review::Section;
use pioneer_domain::roadmap::Money;
use uuid::Uuid;

use super::{ReportPart, use_report};
use crate::api::to_value;
use crate::components::ProgressBar;
use crate::document::{CommentThread, FieldErrors, PendingOp, invalid_attrs};
use crate::i18n::{I18n, Key, use_i18n};
use crate::pages::dynamic;

/// The fields of a key action's line, as the API names them.
const ACTION_FIELDS: [&str; 4] = ["status", "progress_percent", "spent", "note"];
const INDICATOR_FIELDS: [&str; 3] = ["value", "year", "source"];

fn money_text(i18n: I18n, money: Option<&Money>) -> String {
    money
        .map(|m| i18n.money(&m.amount, &m.currency))
        .unwrap_or_else(|| "—".into())
}

fn invalid(field: &str, code: &str) -> Vec<FieldError> {
    vec![FieldError::new(field, code, code)]
}

/// Sets `signal` to `now` when the line's value of it changed (so that what the member is
/// typing elsewhere in the line stays), or the first time.
fn follow<T: Clone + PartialEq + Send + Sync + 'static>(
    signal: RwSignal<T>,
    before: Option<&T>,
    now: T,
) {
    if before != Some(&now) {
        signal.set(now);
    }
}

/// The key actions, grouped under their priorities.
#[component]
pub fn ActionLines() -> impl IntoView {
    let ctx = use_report();
    let i18n = use_i18n();
    let groups = Memo::new(move |_| {
        ctx.sync.view.with(|r| {
            let mut groups: Vec<(Uuid, Vec<Uuid>)> = Vec::new();
            for line in &r.actions {
                match groups.iter_mut().find(|(p, _)| *p == line.priority_id) {
                    Some((_, ids)) => ids.push(line.action_id),
                    None => groups.push((line.priority_id, vec![line.action_id])),
                }
            }
            groups
        })
    });
    let priority_title = move |id: Uuid| {
        ctx.priorities.with(|all| {
            all.iter()
                .find(|p| p.id == id)
                .map(|p| i18n.fmt(Key::PriorityNamed, &[("name", &p.title)]))
        })
    };
    view! {
        <section class="report-section" aria-labelledby="actions-heading">
            <h2 id="actions-heading">{i18n.tx(Key::ActionProgress)}</h2>
            <Show when=move || groups.with(Vec::is_empty)>
                <p class="muted">{i18n.tx(Key::NoActions)}</p>
            </Show>
            <For each=move || groups.get() key=|(priority, ids)| (*priority, ids.clone()) let:group>
                <div class="priority-group">
                    {dynamic(move || priority_title(group.0).map(|t| view! { <h3 class="priority-title">{t}</h3> }))}
                    {group.1.into_iter().map(|id| view! { <ActionLine id=id /> }).collect_view()}
                </div>
            </For>
        </section>
    }
}

/// One key action's line, its editor or its values, and its comments.
#[component]
fn ActionLine(id: Uuid) -> impl IntoView {
    let ctx = use_report();
    let sync = ctx.sync;
    let i18n = use_i18n();
    let line = Memo::new(move |_| {
        sync.view
            .with(|r| r.actions.iter().find(|a| a.action_id == id).cloned())
    });
    let read = move |f: fn(&ActionProgress) -> String| {
        move || line.with(|l| l.as_ref().map(f).unwrap_or_default())
    };
    let title = read(|l| l.title.clone());
    let percent = Signal::derive(move || {
        line.with(|l| l.as_ref().map_or(0, |l| i32::from(l.progress_percent)))
    });
    let percent_text = Signal::derive(move || {
        i18n.fmt(
            Key::ProgressDone,
            &[("percent", &percent.get().to_string())],
        )
    });
    let strategies = move || {
        line.with(|l| l.as_ref().map(|l| l.strategies.clone()).unwrap_or_default())
            .into_iter()
            .map(|code| view! { <li class="badge badge-accent">{ctx.strategy_name(i18n, &code)}</li> })
            .collect_view()
    };
    let budget = move || {
        line.with(|l| match l.as_ref().and_then(|l| l.budget.as_ref()) {
            Some(budget) => i18n.fmt(
                Key::BudgetOf,
                &[("amount", &money_text(i18n, Some(budget)))],
            ),
            None => i18n.t(Key::NoBudgetLine).to_owned(),
        })
    };
    let carried = move || line.with(|l| l.as_ref().is_some_and(|l| l.carried_over));
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();

    view! {
        <article class="panel report-line" data-testid="action-progress" aria-labelledby=labelled_by>
            <div class="with-comments">
                <div class="section-body">
                    <h4 class="line-title" id=heading_id>{title}</h4>
                    <ul class="tags" aria-label=i18n.t(Key::Strategies)>{dynamic(strategies)}</ul>
                    <p class="muted">{budget}</p>
                    <Show when=carried>
                        <p class="badge badge-carried" data-testid="carried-over">{i18n.tx(Key::CarriedOver)}</p>
                    </Show>
                    <ProgressBar percent=percent label=percent_text testid="action-progress-bar" />
                    {move || if ctx.editing.get() {
                        view! { <ActionEditor id=id line=line /> }.into_any()
                    } else {
                        view! { <ActionValues line=line /> }.into_any()
                    }}
                </div>
                <CommentThread kind=Section::Action id=id />
            </div>
        </article>
    }
}

#[component]
fn ActionValues(line: Memo<Option<ActionProgress>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let line = line.get()?;
        Some(view! {
            <dl class="details">
                <dt>{i18n.tx(Key::ActionStatus)}</dt>
                <dd data-testid="action-status">{i18n.tx(I18n::action_status_key(line.status))}</dd>
                <dt>{i18n.tx(Key::Spent)}</dt>
                <dd>{money_text(i18n, line.spent.as_ref())}</dd>
                <dt>{i18n.tx(Key::Note)}</dt>
                <dd class="prose">{if line.note.is_empty() { "—".to_owned() } else { line.note.clone() }}</dd>
            </dl>
        })
    }
}

/// The controls of a key action's line; any change sends the whole line.
#[component]
fn ActionEditor(id: Uuid, line: Memo<Option<ActionProgress>>) -> impl IntoView {
    let ctx = use_report();
    let sync = ctx.sync;
    let i18n = use_i18n();
    let status = RwSignal::new(ActionStatus::NotStarted);
    let percent = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    // Without a budget in the roadmap, the member says in what currency the money was spent.
    let chosen_currency = RwSignal::new("USD".to_owned());
    let budget_currency = Memo::new(move |_| {
        line.with(|l| {
            l.as_ref()
                .and_then(|l| l.budget.as_ref())
                .map(|b| b.currency.clone())
        })
    });
    Effect::new(move |before: Option<Option<ActionProgress>>| {
        let now = line.get();
        if let Some(now) = &now {
            let before = before.flatten();
            let before = before.as_ref();
            follow(status, before.map(|b| &b.status), now.status);
            follow(
                percent,
                before.map(|b| b.progress_percent.to_string()).as_ref(),
                now.progress_percent.to_string(),
            );
            let spent = |l: &ActionProgress| {
                l.spent
                    .as_ref()
                    .map(|m| m.amount.clone())
                    .unwrap_or_default()
            };
            follow(amount, before.map(spent).as_ref(), spent(now));
            follow(note, before.map(|b| &b.note), now.note.clone());
            if let Some(spent) = &now.spent {
                chosen_currency.set(spent.currency.clone());
            }
        }
        now
    });

    let prefix = format!("actions.{id}.");
    let commit = {
        let prefix = prefix.clone();
        move || {
            let Some(current) = line.get_untracked() else {
                return;
            };
            let raw = percent.get_untracked();
            let progress_percent = match raw.trim() {
                "" => {
                    sync.check(
                        &prefix,
                        &["progress_percent"],
                        Err(invalid("progress_percent", "required")),
                    );
                    return;
                }
                raw => match raw.parse::<i64>() {
                    Ok(p) => p,
                    Err(_) => {
                        sync.check(
                            &prefix,
                            &["progress_percent"],
                            Err(invalid("progress_percent", "invalid_number")),
                        );
                        return;
                    }
                },
            };
            let budget_currency = current.budget.as_ref().map(|b| b.currency.clone());
            let currency = budget_currency
                .clone()
                .unwrap_or_else(|| chosen_currency.get_untracked());
            let typed = amount.get_untracked().trim().to_owned();
            let input = ActionProgressInput {
                status: status.get_untracked(),
                progress_percent,
                spent: (!typed.is_empty()).then_some(Money {
                    amount: typed,
                    currency,
                }),
                note: note.get_untracked(),
                budget_currency,
            };
            let result = check_action_progress(&input).map(drop);
            if sync.check(&prefix, &ACTION_FIELDS, result)
                && let Some(body) = to_value(&input)
            {
                sync.push(PendingOp::put(ReportPart::Actions, id, body));
            }
        }
    };
    let commit = StoredValue::new(commit);
    let run = move || commit.with_value(|c| c());

    let status_id = format!("{id}-status");
    let percent_id = format!("{id}-progress-percent");
    let spent_id = format!("{id}-spent");
    let currency_id = format!("{id}-currency");
    let note_id = format!("{id}-note");
    let (percent_invalid, percent_described) = invalid_attrs(
        format!("{prefix}progress_percent"),
        format!("{percent_id}-error"),
    );
    let (spent_invalid, spent_described) =
        invalid_attrs(format!("{prefix}spent"), format!("{spent_id}-error"));
    let (note_invalid, note_described) =
        invalid_attrs(format!("{prefix}note"), format!("{note_id}-error"));
    let spent_label = move || match budget_currency.get() {
        Some(currency) => i18n.fmt(Key::SpentIn, &[("currency", &currency)]),
        None => i18n.t(Key::Spent).to_owned(),
    };

    view! {
        <div class="form-grid line-form">
            <div class="field">
                <label for=status_id.clone()>{i18n.tx(Key::ActionStatus)}</label>
                <select
                    id=status_id.clone()
                    on:change=move |ev| {
                        if let Ok(chosen) = event_target_value(&ev).parse::<ActionStatus>() {
                            status.set(chosen);
                            run();
                        }
                    }
                >
                    {ActionStatus::ALL
                        .iter()
                        .map(|s| {
                            let s = *s;
                            view! {
                                <option value=s.as_str() prop:selected=move || status.get() == s>
                                    {i18n.tx(I18n::action_status_key(s))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <FieldErrors path=format!("{prefix}status") id=format!("{status_id}-error") />
            </div>
            <div class="field">
                <label for=percent_id.clone()>{i18n.tx(Key::ProgressPercent)}</label>
                <input
                    id=percent_id.clone()
                    type="number"
                    min="0"
                    max="100"
                    step="1"
                    inputmode="numeric"
                    prop:value=move || percent.get()
                    aria-invalid=percent_invalid
                    aria-describedby=percent_described
                    on:input=move |ev| percent.set(event_target_value(&ev))
                    on:change=move |_| run()
                />
                <FieldErrors path=format!("{prefix}progress_percent") id=format!("{percent_id}-error") />
            </div>
            <div class="field">
                <label for=spent_id.clone()>{spent_label}</label>
                <input
                    id=spent_id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    prop:value=move || amount.get()
                    aria-invalid=spent_invalid
                    aria-describedby=spent_described
                    on:input=move |ev| amount.set(event_target_value(&ev))
                    on:change=move |_| run()
                />
                <FieldErrors path=format!("{prefix}spent") id=format!("{spent_id}-error") />
            </div>
            <Show when=move || budget_currency.with(Option::is_none)>
                <div class="field">
                    <label for=currency_id.clone()>{i18n.tx(Key::Currency)}</label>
                    <select
                        id=currency_id.clone()
                        on:change=move |ev| {
                            chosen_currency.set(event_target_value(&ev));
                            if !amount.get_untracked().trim().is_empty() {
                                run();
                            }
                        }
                    >
                        {CURRENCIES
                            .iter()
                            .map(|code| {
                                let code = *code;
                                view! {
                                    <option value=code prop:selected=move || chosen_currency.with(|c| c == code)>
                                        {code}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </Show>
            <div class="field field-wide">
                <label for=note_id.clone()>{i18n.tx(Key::Note)}</label>
                <textarea
                    id=note_id.clone()
                    rows="2"
                    prop:value=move || note.get()
                    aria-invalid=note_invalid
                    aria-describedby=note_described
                    on:input=move |ev| note.set(event_target_value(&ev))
                    on:change=move |_| run()
                ></textarea>
                <FieldErrors path=format!("{prefix}note") id=format!("{note_id}-error") />
            </div>
        </div>
    }
}

/// The indicators of the roadmap, each with its latest value.
#[component]
pub fn IndicatorLines() -> impl IntoView {
    let ctx = use_report();
    let i18n = use_i18n();
    let ids = Memo::new(move |_| {
        ctx.sync.view.with(|r| {
            r.indicators
                .iter()
                .map(|i| i.indicator_id)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="report-section" aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">{i18n.tx(Key::Indicators)}</h2>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="muted">{i18n.tx(Key::NoIndicators)}</p>
            </Show>
            <For each=move || ids.get() key=|id| *id let:id>
                <IndicatorLine id=id />
            </For>
        </section>
    }
}

/// How far an indicator has come, in words.
fn progress_words(i18n: I18n, progress: Option<i32>) -> String {
    match progress {
        Some(p) if p < 0 => i18n.fmt(Key::AwayFromTarget, &[("percent", &(-p).to_string())]),
        Some(p) => i18n.fmt(Key::TowardTarget, &[("percent", &p.to_string())]),
        None => i18n.t(Key::NoProgressData).to_owned(),
    }
}

fn level(value: &Option<String>, year: Option<i32>, i18n: I18n) -> String {
    match (value, year) {
        (Some(value), Some(year)) => format!("{} ({year})", i18n.number(value)),
        (Some(value), None) => i18n.number(value),
        _ => "—".into(),
    }
}

#[component]
fn IndicatorLine(id: Uuid) -> impl IntoView {
    let ctx = use_report();
    let sync = ctx.sync;
    let i18n = use_i18n();
    let line = Memo::new(move |_| {
        sync.view
            .with(|r| r.indicators.iter().find(|i| i.indicator_id == id).cloned())
    });
    let text = move |f: fn(&IndicatorProgress, I18n) -> String| {
        move || line.with(|l| l.as_ref().map(|l| f(l, i18n)).unwrap_or_default())
    };
    let progress = Memo::new(move |_| line.with(|l| l.as_ref().and_then(|l| l.progress_to_target)));
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <article class="panel report-line indicator" data-testid="indicator-progress" aria-labelledby=labelled_by>
            <div class="with-comments">
                <div class="section-body">
                    <h3 class="line-title" id=heading_id>{text(|l, _| l.name.clone())}</h3>
                    <dl class="details">
                        <dt>{i18n.tx(Key::SdgIndicator)}</dt>
                        <dd>{text(|l, i18n| l.indicator_code.clone().unwrap_or_else(|| i18n.t(Key::NationalIndicator).to_owned()))}</dd>
                        <dt>{i18n.tx(Key::Unit)}</dt>
                        <dd>{text(|l, _| l.unit.clone())}</dd>
                        <dt>{i18n.tx(Key::BaselineValue)}</dt>
                        <dd>{text(|l, i18n| level(&l.baseline_value, l.baseline_year, i18n))}</dd>
                        <dt>{i18n.tx(Key::TargetValue)}</dt>
                        <dd>{text(|l, i18n| level(&l.target_value, l.target_year, i18n))}</dd>
                    </dl>
                    <Show when=move || line.with(|l| l.as_ref().is_some_and(|l| l.carried_over))>
                        <p class="badge badge-carried" data-testid="carried-over">{i18n.tx(Key::CarriedOver)}</p>
                    </Show>
                    {move || match progress.get() {
                        Some(p) => view! {
                            <ProgressBar
                                percent=p
                                label=Signal::derive(move || progress_words(i18n, progress.get()))
                                testid="indicator-progress-bar"
                            />
                        }
                        .into_any(),
                        None => view! { <p class="muted">{progress_words(i18n, None)}</p> }.into_any(),
                    }}
                    {move || if ctx.editing.get() {
                        view! { <IndicatorEditor id=id line=line /> }.into_any()
                    } else {
                        view! {
                            <dl class="details">
                                <dt>{i18n.tx(Key::LatestValue)}</dt>
                                <dd data-testid="indicator-value">{text(|l, i18n| level(&l.value, l.year, i18n))}</dd>
                                <dt>{i18n.tx(Key::Source)}</dt>
                                <dd>{text(|l, _| if l.source.is_empty() { "—".to_owned() } else { l.source.clone() })}</dd>
                            </dl>
                        }
                        .into_any()
                    }}
                </div>
                <CommentThread kind=Section::Indicator id=id />
            </div>
        </article>
    }
}

/// Value, year and source of an indicator; sent together once all three hold.
#[component]
fn IndicatorEditor(id: Uuid, line: Memo<Option<IndicatorProgress>>) -> impl IntoView {
    let ctx = use_report();
    let sync = ctx.sync;
    let i18n = use_i18n();
    let report_year = sync.view.with_untracked(|r| r.year);
    let value = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    Effect::new(move |before: Option<Option<IndicatorProgress>>| {
        let now = line.get();
        if let Some(now) = &now {
            let before = before.flatten();
            let before = before.as_ref();
            let value_of = |l: &IndicatorProgress| l.value.clone().unwrap_or_default();
            // A value not given yet is most likely of the year reported on.
            let year_of = |l: &IndicatorProgress| l.year.unwrap_or(report_year).to_string();
            follow(value, before.map(value_of).as_ref(), value_of(now));
            follow(year, before.map(year_of).as_ref(), year_of(now));
            follow(source, before.map(|b| &b.source), now.source.clone());
        }
        now
    });
    let prefix = format!("indicators.{id}.");
    let commit = {
        let prefix = prefix.clone();
        move || {
            let (raw_value, raw_year, raw_source) = (
                value.get_untracked(),
                year.get_untracked(),
                source.get_untracked(),
            );
            if raw_value.trim().is_empty() && raw_source.trim().is_empty() {
                sync.check(&prefix, &INDICATOR_FIELDS, Ok(()));
                return;
            }
            let parsed_year = match raw_year.trim() {
                "" => Err(invalid("year", "required")),
                raw => raw
                    .parse::<i32>()
                    .map_err(|_| invalid("year", "invalid_number")),
            };
            let input = IndicatorValueInput {
                value: raw_value,
                year: parsed_year.clone().unwrap_or_default(),
                source: raw_source,
            };
            let result = match (check_indicator_value(&input), parsed_year) {
                (Ok(_), Ok(_)) => Ok(()),
                (checked, parsed) => {
                    let mut problems: Vec<FieldError> = checked.err().unwrap_or_default();
                    if let Err(year_problem) = parsed {
                        problems.retain(|p| p.field != "year");
                        problems.extend(year_problem);
                    }
                    Err(problems)
                }
            };
            if sync.check(&prefix, &INDICATOR_FIELDS, result)
                && let Some(body) = to_value(&input)
            {
                sync.push(PendingOp::put(ReportPart::Indicators, id, body));
            }
        }
    };
    let commit = StoredValue::new(commit);
    let run = move || commit.with_value(|c| c());
    let control = move |field: &'static str,
                        label: Key,
                        signal: RwSignal<String>,
                        kind: &'static str,
                        mode: Option<&'static str>| {
        let element = format!("{id}-{field}");
        let error_id = format!("{element}-error");
        let path = format!("{prefix}{field}");
        let (aria_invalid, described) = invalid_attrs(path.clone(), error_id.clone());
        view! {
            <div class="field">
                <label for=element.clone()>{i18n.tx(label)}</label>
                <input
                    id=element
                    type=kind
                    inputmode=mode
                    autocomplete="off"
                    prop:value=move || signal.get()
                    aria-invalid=aria_invalid
                    aria-describedby=described
                    on:input=move |ev| signal.set(event_target_value(&ev))
                    on:change=move |_| run()
                />
                <FieldErrors path=path id=error_id />
            </div>
        }
    };
    view! {
        <div class="form-grid line-form">
            {control("value", Key::Value, value, "text", Some("decimal"))}
            {control("year", Key::ValueYear, year, "number", Some("numeric"))}
            {control("source", Key::Source, source, "text", None)}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_toward_a_target_is_said_in_both_directions() {
        let i18n = I18n::for_tests();
        assert_eq!(
            progress_words(i18n, Some(30)),
            "30% of the way from the baseline to the target"
        );
        assert_eq!(
            progress_words(i18n, Some(-20)),
            "20% further from the target than the baseline"
        );
        assert_eq!(level(&Some("12.5".into()), Some(2024), i18n), "12.5 (2024)");
        assert_eq!(level(&None, Some(2024), i18n), "—");
    }
}
