//! What every export shares: cells that a spreadsheet would run as formulas are written as
//! text; a CSV or a workbook (one sheet per table) is answered as a download.

use actix_web::HttpResponse;
use actix_web::http::header;
use pioneer_domain::money::parse_amount;

use crate::error::{ApiError, ApiResult};

/// A cell that a spreadsheet would run as a formula is written as text.
pub fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && parse_amount(cell, "").is_err() {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// A table of an export: a sheet of a workbook, or a CSV file.
pub struct Table {
    pub name: &'static str,
    pub columns: Vec<&'static str>,
    /// The columns whose cells are amounts (numbers with two decimals in a workbook).
    pub amounts: Vec<&'static str>,
    /// The columns whose cells are counts (whole numbers in a workbook).
    pub counts: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

fn attachment(name: &str) -> (header::HeaderName, String) {
    (
        header::CONTENT_DISPOSITION,
        format!("attachment; filename=\"{name}\""),
    )
}

/// The table as CSV, formulas defused.
pub fn csv_response(table: &Table, file_name: &str) -> ApiResult<HttpResponse> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(&table.columns)
        .map_err(ApiError::internal)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(|c| defuse(c)))
            .map_err(ApiError::internal)?;
    }
    let body = writer
        .into_inner()
        .map_err(|e| ApiError::internal(anyhow::anyhow!("{e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(attachment(file_name))
        .body(body))
}

/// The tables as a workbook, one sheet each, amounts and counts as numbers.
pub fn xlsx_response(tables: &[Table], file_name: &str) -> ApiResult<HttpResponse> {
    let bytes = workbook(tables).map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header(attachment(file_name))
        .body(bytes))
}

fn workbook(tables: &[Table]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.name)?;
        for (col, title) in (0u16..).zip(&table.columns) {
            sheet.write_string_with_format(0, col, *title, &bold)?;
        }
        for (row, cells) in (1u32..).zip(&table.rows) {
            for (col, (cell, column)) in (0u16..).zip(cells.iter().zip(&table.columns)) {
                // Hundredths and counts are exact in a double.
                if table.amounts.contains(column)
                    && let Ok(cents) = parse_amount(cell, "")
                {
                    sheet.write_number_with_format(row, col, cents.0 as f64 / 100.0, &money)?;
                } else if table.counts.contains(column)
                    && let Ok(count) = cell.parse::<u32>()
                {
                    sheet.write_number(row, col, f64::from(count))?;
                } else {
                    sheet.write_string(row, col, cell)?;
                }
            }
        }
        sheet.autofit();
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn formulas_are_written_as_text_but_negative_amounts_stay_numbers() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("-12.50"), "-12.50");
        assert_eq!(defuse("Ministry of Health"), "Ministry of Health");
    }
}
