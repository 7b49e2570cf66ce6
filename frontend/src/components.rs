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
