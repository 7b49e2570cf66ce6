//! iCalendar (RFC 5545) files: one event (`/events/{id}.ics`) or a member's registrations
//! (`/me/calendar.ics`). Times are written in the organiser's zone (`DTSTART;TZID=…`), and each
//! zone used gets its `VTIMEZONE`, with the offsets in force over the events' span, as the RFC
//! asks: a calendar that does not know the IANA name still places the event right.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, Tz};
use uuid::Uuid;

/// How the calendar should hold an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryStatus {
    /// The member has a place.
    Confirmed,
    /// The member is on the waiting list.
    Tentative,
    Cancelled,
}

impl EntryStatus {
    fn as_str(self) -> &'static str {
        match self {
            EntryStatus::Confirmed => "CONFIRMED",
            EntryStatus::Tentative => "TENTATIVE",
            EntryStatus::Cancelled => "CANCELLED",
        }
    }
}

/// One event as a calendar holds it.
#[derive(Debug, Clone)]
pub struct CalendarEntry {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: Tz,
    pub location: Option<String>,
    /// The event's page in the web app.
    pub url: String,
    /// Grows with each change of the event, so that calendars take the new version.
    pub sequence: u32,
    pub status: EntryStatus,
}

/// A whole `VCALENDAR`. `host`: the domain that makes the events' `UID`s unique; `now`: the
/// `DTSTAMP`.
pub fn calendar(name: &str, entries: &[CalendarEntry], host: &str, now: DateTime<Utc>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Pioneer Hub//Events//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    let mut zones: BTreeMap<&str, Vec<&CalendarEntry>> = BTreeMap::new();
    for entry in entries {
        zones.entry(entry.timezone.name()).or_default().push(entry);
    }
    for zone in zones.values() {
        vtimezone(&mut out, zone);
    }
    for entry in entries {
        vevent(&mut out, entry, host, now);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn vevent(out: &mut String, entry: &CalendarEntry, host: &str, now: DateTime<Utc>) {
    let tz = entry.timezone;
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@{}", entry.id, host));
    line(out, &format!("DTSTAMP:{}", utc(now)));
    line(
        out,
        &format!("DTSTART;TZID={}:{}", tz.name(), local(entry.starts_at, tz)),
    );
    line(
        out,
        &format!("DTEND;TZID={}:{}", tz.name(), local(entry.ends_at, tz)),
    );
    line(out, &format!("SUMMARY:{}", text(&entry.title)));
    if !entry.description.is_empty() {
        line(out, &format!("DESCRIPTION:{}", text(&entry.description)));
    }
    if let Some(location) = &entry.location {
        line(out, &format!("LOCATION:{}", text(location)));
    }
    line(out, &format!("URL:{}", entry.url));
    line(out, &format!("SEQUENCE:{}", entry.sequence));
    line(out, &format!("STATUS:{}", entry.status.as_str()));
    line(out, "END:VEVENT");
}

/// The zone's observances for its events: for each, the one in force when it starts and any
/// change while it lasts (a span of years between events is not walked through).
fn vtimezone(out: &mut String, entries: &[&CalendarEntry]) {
    let Some(tz) = entries.first().map(|e| e.timezone) else {
        return;
    };
    let mut onsets = BTreeSet::new();
    let mut fixed = None;
    for entry in entries {
        // The change that started the observance in force at the start, a year back at most.
        match changes(tz, entry.starts_at - Duration::days(366), entry.starts_at).pop() {
            Some(change) => {
                onsets.insert(change);
            }
            None => fixed = Some(entry.starts_at),
        }
        onsets.extend(changes(tz, entry.starts_at, entry.ends_at));
    }
    line(out, "BEGIN:VTIMEZONE");
    line(out, &format!("TZID:{}", tz.name()));
    if let Some(at) = fixed.filter(|_| onsets.is_empty()) {
        let offset = offset_seconds(tz, at);
        let epoch = DateTime::<Utc>::UNIX_EPOCH.naive_utc();
        observance_lines(out, is_daylight(tz, at), epoch, offset, offset);
    }
    for change in onsets {
        observance(out, tz, change);
    }
    line(out, "END:VTIMEZONE");
}

fn observance(out: &mut String, tz: Tz, change: DateTime<Utc>) {
    let before = offset_seconds(tz, change - Duration::seconds(1));
    let after = offset_seconds(tz, change);
    // DTSTART is the local time of the change as the clocks read before it.
    let onset = change.naive_utc() + Duration::seconds(i64::from(before));
    observance_lines(out, is_daylight(tz, change), onset, before, after);
}

fn observance_lines(out: &mut String, daylight: bool, onset: NaiveDateTime, from: i32, to: i32) {
    let kind = if daylight { "DAYLIGHT" } else { "STANDARD" };
    line(out, &format!("BEGIN:{kind}"));
    line(out, &format!("DTSTART:{}", onset.format("%Y%m%dT%H%M%S")));
    line(out, &format!("TZOFFSETFROM:{}", offset_text(from)));
    line(out, &format!("TZOFFSETTO:{}", offset_text(to)));
    line(out, &format!("END:{kind}"));
}

/// The instants in `(from, to]` when the zone's offset changes, to the second.
fn changes(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let mut found = Vec::new();
    let mut at = from;
    while at < to {
        let next = (at + Duration::hours(6)).min(to);
        if offset_seconds(tz, at) != offset_seconds(tz, next) {
            // The change lies in (at, next]: halve until one second wide.
            let (mut low, mut high) = (at, next);
            while high - low > Duration::seconds(1) {
                let middle = low + (high - low) / 2;
                if offset_seconds(tz, middle) == offset_seconds(tz, low) {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            found.push(high);
        }
        at = next;
    }
    found
}

fn offset_seconds(tz: Tz, at: DateTime<Utc>) -> i32 {
    tz.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
}

fn is_daylight(tz: Tz, at: DateTime<Utc>) -> bool {
    !tz.offset_from_utc_datetime(&at.naive_utc())
        .dst_offset()
        .is_zero()
}

/// `+0300`, `-0430`, `+053628` (seconds only when there are some).
fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let total = seconds.unsigned_abs();
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60);
    if secs == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{secs:02}")
    }
}

fn utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%Y%m%dT%H%M%S").to_string()
}

/// A TEXT value: backslashes, semicolons, commas and line breaks escaped; other control
/// characters dropped.
fn text(raw: &str) -> String {
    let mut escaped = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Writes a content line, folded at 75 octets (never inside a character), ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(tz: Tz, starts: &str, hours: i64) -> CalendarEntry {
        let starts_at = DateTime::parse_from_rfc3339(starts)
            .expect("time")
            .with_timezone(&Utc);
        CalendarEntry {
            id: Uuid::from_u128(7),
            title: "Webinar: positive parenting, part 1; questions".into(),
            description: "Line one\nline two, with a comma".into(),
            starts_at,
            ends_at: starts_at + Duration::hours(hours),
            timezone: tz,
            location: Some("Online".into()),
            url: "https://hub.example/events/7".into(),
            sequence: 2,
            status: EntryStatus::Confirmed,
        }
    }

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-01T08:00:00Z")
            .expect("time")
            .with_timezone(&Utc)
    }

    #[test]
    fn an_event_is_written_in_its_zone_with_escaped_text_and_crlf() {
        let ics = calendar(
            "Pioneer Hub",
            &[entry(chrono_tz::Africa::Nairobi, "2026-12-10T11:00:00Z", 2)],
            "hub.example",
            now(),
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART;TZID=Africa/Nairobi:20261210T140000\r\n"));
        assert!(ics.contains("DTEND;TZID=Africa/Nairobi:20261210T160000\r\n"));
        assert!(ics.contains("UID:00000000-0000-0000-0000-000000000007@hub.example\r\n"));
        assert!(ics.contains("DTSTAMP:20261201T080000Z\r\n"));
        assert!(ics.contains("SUMMARY:Webinar: positive parenting\\, part 1\\; questions\r\n"));
        assert!(ics.contains("DESCRIPTION:Line one\\nline two\\, with a comma\r\n"));
        // Nairobi keeps +03:00 all year: one observance.
        assert!(ics.contains(
            "TZID:Africa/Nairobi\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE"
        ));
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare line feeds");
    }

    #[test]
    fn a_zone_with_summer_time_gets_the_change_before_and_those_during_the_span() {
        // Paris, from before the end of summer time (25 October 2026, 03:00 → 02:00) to after.
        let first = entry(chrono_tz::Europe::Paris, "2026-10-20T08:00:00Z", 1);
        let second = entry(chrono_tz::Europe::Paris, "2026-11-03T08:00:00Z", 1);
        let ics = calendar("c", &[first, second], "h", now());
        assert!(ics.contains("DTSTART;TZID=Europe/Paris:20261020T100000\r\n"));
        assert!(ics.contains("DTSTART;TZID=Europe/Paris:20261103T090000\r\n"));
        assert!(ics.contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT"
        ));
        assert!(ics.contains(
            "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD"
        ));
        assert_eq!(ics.matches("BEGIN:VTIMEZONE").count(), 1);
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut long = entry(chrono_tz::UTC, "2026-12-10T11:00:00Z", 1);
        long.title = "Échange régional — protection de l’enfance en ligne ".repeat(4);
        let ics = calendar("c", &[long], "h", now());
        for physical in ics.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{physical:?} is {} octets",
                physical.len()
            );
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!(
            "SUMMARY:{}",
            "Échange régional — protection de l’enfance en ligne ".repeat(4)
        )));
        assert_eq!(offset_text(-16_200), "-0430");
        assert_eq!(offset_text(8_188), "+021628");
    }
}
