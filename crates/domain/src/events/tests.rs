use std::collections::BTreeMap;

use super::*;
use crate::Role;
use crate::groups::GroupRole;

fn at(raw: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(raw)
        .expect("time")
        .with_timezone(&Utc)
}

fn webinar() -> NewEvent {
    NewEvent {
        kind: EventKind::Webinar,
        title: "  Positive parenting at scale  ".into(),
        description: "What worked in Kenya.".into(),
        starts_at: at("2026-12-10T11:00:00Z"),
        ends_at: at("2026-12-10T13:00:00Z"),
        timezone: "Africa/Nairobi".into(),
        languages: vec!["en".into(), " FR ".into(), "en".into()],
        interpretation: vec!["sw".into()],
        capacity: Some(10),
        online_url: Some("https://meet.example.org/parenting".into()),
        location: None,
        group_id: None,
        recording_resource_id: None,
    }
}

fn reader(role: Role, groups: &[(Uuid, GroupRole)]) -> Reader {
    Reader {
        user_id: Uuid::from_u128(1),
        role,
        groups: groups.iter().copied().collect::<BTreeMap<_, _>>(),
    }
}

#[test]
fn a_valid_event_is_trimmed_and_its_languages_kept_once() {
    let valid = webinar().validate().expect("valid");
    assert_eq!(valid.title, "Positive parenting at scale");
    assert_eq!(valid.timezone, chrono_tz::Africa::Nairobi);
    assert_eq!(valid.languages, vec!["en", "fr"]);
    assert_eq!(valid.interpretation, vec!["sw"]);
    assert_eq!(
        valid.online_url.as_deref(),
        Some("https://meet.example.org/parenting")
    );
    assert_eq!(valid.location, None);
}

#[test]
fn every_problem_is_reported_at_once() {
    let bad = NewEvent {
        title: String::new(),
        starts_at: at("2026-12-10T13:00:00Z"),
        ends_at: at("2026-12-10T11:00:00Z"),
        timezone: "Mars/Olympus".into(),
        languages: vec!["english".into()],
        capacity: Some(0),
        online_url: Some("javascript:alert(1)".into()),
        ..webinar()
    };
    let errors = bad.validate().expect_err("refused");
    let fields: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.field.as_str(), e.code.as_str()))
        .collect();
    for expected in [
        ("title", "required"),
        ("timezone", "unknown_timezone"),
        ("languages[0]", "invalid_language"),
        ("online_url", "invalid_url"),
        ("ends_at", "before_start"),
        ("capacity", "out_of_range"),
    ] {
        assert!(fields.contains(&expected), "{expected:?} in {fields:?}");
    }
}

#[test]
fn an_event_needs_a_place_or_a_link_and_a_sensible_length() {
    let nowhere = NewEvent {
        online_url: Some("  ".into()),
        location: None,
        ..webinar()
    };
    let errors = nowhere.validate().expect_err("refused");
    assert_eq!(errors[0].field, "location");
    assert_eq!(errors[0].code, "required");

    let in_person = NewEvent {
        online_url: None,
        location: Some("Nairobi, Kenyatta International Convention Centre".into()),
        ..webinar()
    };
    assert!(in_person.validate().is_ok());

    let far = NewEvent {
        starts_at: at("9999-12-10T11:00:00Z"),
        ends_at: at("9999-12-10T13:00:00Z"),
        ..webinar()
    };
    assert_eq!(far.validate().expect_err("refused")[0].field, "starts_at");

    let too_long = NewEvent {
        ends_at: at("2027-02-10T13:00:00Z"),
        ..webinar()
    };
    assert_eq!(
        too_long.validate().expect_err("refused")[0].code,
        "too_long"
    );
    for url in ["http://", "ftp://files.example.org", "https://a b.org"] {
        assert!(parse_url("online_url", url).is_err(), "{url}");
    }
}

#[test]
fn places_go_in_order_and_the_waiting_list_fills_what_frees() {
    assert_eq!(admit(Some(2), 0), RegistrationStatus::Registered);
    assert_eq!(admit(Some(2), 1), RegistrationStatus::Registered);
    assert_eq!(admit(Some(2), 2), RegistrationStatus::Waitlisted);
    assert_eq!(admit(None, 5_000), RegistrationStatus::Registered);
    assert_eq!(places_free(Some(10), 9, 40), 1);
    assert_eq!(places_free(Some(10), 10, 40), 0);
    assert_eq!(places_free(Some(20), 10, 4), 4);
    assert_eq!(places_free(None, 10, 4), 4);
    // A capacity lowered below those registered frees nothing (and takes no place away).
    assert_eq!(places_free(Some(5), 8, 3), 0);
}

#[test]
fn registration_closes_when_it_starts_and_the_reminder_comes_the_day_before() {
    let starts = at("2026-12-10T11:00:00Z");
    assert!(registration_open(starts, at("2026-12-10T10:59:59Z")));
    assert!(!registration_open(starts, starts));
    assert!(!reminder_due(starts, at("2026-12-09T10:59:59Z")));
    assert!(reminder_due(starts, at("2026-12-09T11:00:00Z")));
    assert!(reminder_due(starts, at("2026-12-10T10:00:00Z")));
    assert!(!reminder_due(starts, starts));
}

#[test]
fn group_events_are_for_the_group_and_organised_by_its_moderators() {
    let group = Uuid::from_u128(9);
    let other = Uuid::from_u128(10);
    let member = reader(Role::CountryFocalPoint, &[(group, GroupRole::Member)]);
    let moderator = reader(Role::Partner, &[(group, GroupRole::Moderator)]);
    let secretariat = reader(Role::Secretariat, &[]);
    let outsider = reader(Role::CountryFocalPoint, &[(other, GroupRole::Member)]);
    assert!(may_see(&member, Some(group)));
    assert!(may_see(&outsider, None));
    assert!(!may_see(&outsider, Some(group)));
    assert!(may_see(&secretariat, Some(group)));

    assert!(may_organise(&moderator, Some(group)));
    assert!(!may_organise(&moderator, None));
    assert!(!may_organise(&member, Some(group)));
    assert!(may_organise(&secretariat, None));
    let someone_else = Uuid::from_u128(77);
    assert!(may_manage(&moderator, someone_else, Some(group)));
    assert!(!may_manage(&member, someone_else, Some(group)));
    assert!(may_manage(&member, member.user_id, Some(group)));
}

#[test]
fn kinds_and_statuses_read_back_from_their_names() {
    for kind in EventKind::ALL {
        assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
    }
    for status in RegistrationStatus::ALL {
        assert_eq!(RegistrationStatus::parse(status.as_str()), Some(status));
    }
    assert_eq!(EventKind::parse("party"), None);
}

#[test]
fn the_zones_the_form_suggests_are_all_known() {
    for zone in SUGGESTED_ZONES {
        assert!(parse_timezone("timezone", zone).is_ok(), "{zone}");
    }
    assert!(
        parse_timezone("timezone", "Europe/Geneva").is_err(),
        "not an IANA zone"
    );
}

#[test]
fn a_registration_body_is_an_object() {
    assert!(serde_json::from_str::<NewRegistration>("{}").is_ok());
    assert!(serde_json::from_str::<NewRegistration>("[]").is_err());
}
