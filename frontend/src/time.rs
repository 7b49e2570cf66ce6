//! Times in a zone, through the browser's `Intl` (no time-zone data in the app): an event is
//! shown in the viewer's zone, and its organiser's; the event form reads a local date and time
//! in the organiser's zone and sends the instant. Every call into `Intl` is guarded: a zone the
//! browser does not know gives `None`, never an exception.

use chrono::{DateTime, NaiveDateTime, Utc};
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::intl;

/// A `new Intl.DateTimeFormat(locale, options)`, or `None` when the browser refuses them.
fn formatter(locale: &str, options: &[(&str, &str)]) -> Option<JsValue> {
    intl::construct("DateTimeFormat", locale, options)
}

fn call(formatter: &JsValue, method: &str, at: &DateTime<Utc>) -> Option<JsValue> {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    intl::call1(formatter, method, &date)
}

/// The viewer's IANA zone, as the browser knows it (`UTC` when it says nothing).
pub fn viewer_zone() -> String {
    formatter("en", &[])
        .and_then(|f| {
            let resolved: Function = Reflect::get(&f, &"resolvedOptions".into())
                .ok()?
                .dyn_into()
                .ok()?;
            let options = resolved.call0(&f).ok()?;
            Reflect::get(&options, &"timeZone".into()).ok()?.as_string()
        })
        .unwrap_or_else(|| "UTC".to_owned())
}

/// `at` in `zone`, as `locale` writes a day and a time: `Thu, 10 December 2026, 14:00 EAT`.
/// `with_date: false`: the time and zone only.
pub fn format_in(at: &DateTime<Utc>, locale: &str, zone: &str, with_date: bool) -> Option<String> {
    let mut options = vec![
        ("timeZone", zone),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hourCycle", "h23"),
        ("timeZoneName", "short"),
    ];
    if with_date {
        options.extend([
            ("weekday", "short"),
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
        ]);
    }
    let formatter = formatter(locale, &options)?;
    call(&formatter, "format", at)?.as_string()
}

/// How far `zone`'s clocks are ahead of UTC at `at`, in minutes.
pub fn offset_minutes(zone: &str, at: &DateTime<Utc>) -> Option<i64> {
    let formatter = formatter(
        "en-GB",
        &[
            ("timeZone", zone),
            ("hourCycle", "h23"),
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("second", "2-digit"),
        ],
    )?;
    let parts: Array = call(&formatter, "formatToParts", at)?.dyn_into().ok()?;
    let mut fields = std::collections::HashMap::new();
    for part in parts.iter() {
        let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let value = Reflect::get(&part, &"value".into()).ok()?.as_string()?;
        fields.insert(kind, value);
    }
    let get = |key: &str| fields.get(key).and_then(|v| v.parse::<u32>().ok());
    let wall = chrono::NaiveDate::from_ymd_opt(
        i32::try_from(get("year")?).ok()?,
        get("month")?,
        get("day")?,
    )?
    .and_hms_opt(get("hour")? % 24, get("minute")?, get("second")?)?;
    Some((wall - at.naive_utc()).num_minutes())
}

/// The instant when `zone`'s clocks read `local` (the later one when they read it twice, the
/// moment after the gap when never).
pub fn local_to_utc(local: NaiveDateTime, zone: &str) -> Option<DateTime<Utc>> {
    let guess = local.and_utc();
    let first = offset_minutes(zone, &guess)?;
    let at = guess - chrono::Duration::minutes(first);
    let second = offset_minutes(zone, &at)?;
    Some(guess - chrono::Duration::minutes(second))
}

/// `at` as a `datetime-local` input's value in `zone` (`2026-12-10T14:00`).
pub fn to_local_input(at: &DateTime<Utc>, zone: &str) -> String {
    let offset = offset_minutes(zone, at).unwrap_or(0);
    (at.naive_utc() + chrono::Duration::minutes(offset))
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// A `datetime-local` input's value.
pub fn parse_local_input(raw: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .ok()
}

/// The month and year of `at` in `zone` (`December 2026`): the list's headings.
pub fn month_in(at: &DateTime<Utc>, locale: &str, zone: &str) -> Option<String> {
    let formatter = formatter(
        locale,
        &[("timeZone", zone), ("month", "long"), ("year", "numeric")],
    )?;
    call(&formatter, "format", at)?.as_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_datetime_local_value_reads_with_or_without_seconds() {
        let at = parse_local_input("2026-12-10T14:00").expect("reads");
        assert_eq!(at.to_string(), "2026-12-10 14:00:00");
        assert!(parse_local_input("2026-12-10T14:00:30").is_some());
        assert!(parse_local_input("10/12/2026 14:00").is_none());
    }
}
