//! Components that several pages are made of.

use leptos::prelude::*;

use crate::i18n::{Key, use_i18n};

/// One row of a [`DataTable`]: the first cell names the row (a row header), the others follow
/// the columns.
pub type Row = Vec<AnyView>;

/// The table of a list page: a hidden caption, column headings, and rows whose first cell is
/// the row's header, in a box that scrolls sideways on a narrow screen. Cells are views, so
/// that one table serves every list (and is compiled once).
#[component]
pub fn DataTable(
    /// The table's `data-testid`.
    testid: &'static str,
    /// What the table lists, for screen readers.
    caption: Key,
    columns: Vec<Key>,
    rows: Vec<Row>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table data-testid=testid>
                <caption class="visually-hidden">{i18n.tx(caption)}</caption>
                <thead>
                    <tr>
                        {columns
                            .into_iter()
                            .map(|key| view! { <th scope="col">{i18n.tx(key)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|cells| {
                            let cells = cells.into_iter().enumerate().map(|(at, cell)| {
                                if at == 0 {
                                    view! { <th scope="row">{cell}</th> }.into_any()
                                } else {
                                    view! { <td>{cell}</td> }.into_any()
                                }
                            });
                            view! { <tr>{cells.collect_view()}</tr> }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A status as a badge: a colour (the CSS class `status-<status>`) and the word.
#[component]
pub fn StatusBadge(
    /// The status's code (`changes_requested`), for the colour and `data-status`.
    status: &'static str,
    label: Key,
    /// The test id; a document page's own badge is `status-badge`.
    #[prop(default = "status")]
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge status status-{status}") data-testid=testid data-status=status>
            {i18n.tx(label)}
        </span>
    }
}

/// A bar from 0 to 100 % (clamped), named by `label` for screen readers; `label` is also
/// shown beside it.
#[component]
pub fn ProgressBar(
    #[prop(into)] percent: Signal<i32>,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let clamped = move || percent.get().clamp(0, 100);
    view! {
        <div class="progress-line">
            <div
                class="progress"
                role="progressbar"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || clamped().to_string()
                aria-valuetext=move || label.get()
                data-testid=testid
            >
                <div class="progress-fill" style=move || format!("width: {}%", clamped())></div>
            </div>
            <span class="progress-text" aria-hidden="true">{move || label.get()}</span>
        </div>
    }
}

/// A coordinate of the drawings, to a tenth, written with integers: formatting an `f64` would
/// bring the float formatter into the wasm for nothing else.
pub fn px(value: f64) -> String {
    let tenths = (value.max(0.0) * 10.0 + 0.5) as u64;
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        tenth => format!("{}.{tenth}", tenths / 10),
    }
}

/// The buttons that download a spreadsheet of the API through the session (a plain link would
/// not carry the token): the browser saves `<file>.csv` or `<file>.xlsx`.
#[component]
pub fn ExportButtons(
    /// The API path of the JSON view, its query (empty or `?…`) and the file's name without
    /// its extension, e.g. `("/reporting-cycles/2025/tracker", "?region=Africa",
    /// "tracker-2025")`: the files are at the path with `.csv` or `.xlsx`, with the query.
    #[prop(into)]
    target: Signal<(String, String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = crate::api::use_api();
    let failure = RwSignal::new(None::<String>);
    let working = RwSignal::new(false);
    let download = move |extension: &'static str| {
        let (path, query, file) = target.get_untracked();
        working.set(true);
        failure.set(None);
        leptos::task::spawn_local(async move {
            let result = api
                .download(
                    &format!("{path}.{extension}{query}"),
                    &format!("{file}.{extension}"),
                )
                .await;
            if let Err(error) = result {
                failure.set(Some(crate::pages::error_text(i18n, &error)));
            }
            working.set(false);
        });
    };
    view! {
        <div class="export no-print">
            <button
                type="button"
                class="button button-quiet"
                data-testid="export-csv"
                disabled=move || working.get()
                on:click=move |_| download("csv")
            >
                {i18n.tx(Key::DownloadCsv)}
            </button>
            <button
                type="button"
                class="button button-quiet"
                data-testid="export-xlsx"
                disabled=move || working.get()
                on:click=move |_| download("xlsx")
            >
                {i18n.tx(Key::DownloadXlsx)}
            </button>
            {move || failure.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::px;

    #[test]
    fn coordinates_are_written_to_a_tenth() {
        assert_eq!(px(720.0), "720");
        assert_eq!(px(242.0), "242");
        assert_eq!(px(12.34), "12.3");
        assert_eq!(px(12.96), "13");
        assert_eq!(px(0.05), "0.1");
    }
}
