//! Events: organising, seeing (group events only for the group), registering with a capacity
//! and a waiting list under concurrency, cancelling (the waiting list moves up in order, and is
//! told), iCalendar files read back by an iCalendar library, and the reminder of the day before.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use futures_util::future::join_all;
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime};
use pioneer_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, send, spawn_app, wait_for_mails_with};

async fn text(app: &TestApp, token: &str, path: &str) -> (StatusCode, String, String) {
    let response = app
        .get(path)
        .bearer_auth(token)
        .send()
        .await
        .expect("request");
    let status = response.status();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, kind, response.text().await.expect("body"))
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A webinar of `capacity` places starting `in_hours` from the server's now, in Nairobi time.
fn webinar(app: &TestApp, in_hours: i64, capacity: Option<u32>) -> Value {
    let starts = app.state.clock.now() + Duration::hours(in_hours);
    json!({
        "kind": "webinar",
        "title": "Positive parenting at scale",
        "description": "What worked in **Kenya**. <script>alert(1)</script>",
        "starts_at": rfc3339(starts),
        "ends_at": rfc3339(starts + Duration::minutes(90)),
        "timezone": "Africa/Nairobi",
        "languages": ["en", "fr"],
        "interpretation": ["sw"],
        "capacity": capacity,
        "online_url": "https://meet.example.org/parenting",
    })
}

async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let (status, created) = app.post_json(token, "/api/v1/events", body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    created
}

async fn register(app: &TestApp, token: &str, event: &str) -> (StatusCode, Value) {
    app.post_json(
        token,
        &format!("/api/v1/events/{event}/registrations"),
        json!({}),
    )
    .await
}

async fn group_with(app: &TestApp, secretariat: &str, members: &[(&TestUser, &str)]) -> String {
    let (status, group) = app
        .post_json(
            secretariat,
            "/api/v1/groups",
            json!({"name": "Safe schools", "description": "Teachers and schools"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{group}");
    let id = group["id"].as_str().expect("id").to_owned();
    for (member, role) in members {
        let (status, body) = app
            .post_json(
                secretariat,
                &format!("/api/v1/groups/{id}/members"),
                json!({"user_email": member.email, "role": role}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    id
}

fn instant(when: DatePerhapsTime) -> DateTime<Utc> {
    match when {
        DatePerhapsTime::DateTime(date_time) => date_time.try_into_utc().expect("a known zone"),
        DatePerhapsTime::Date(date) => panic!("a date without time: {date}"),
    }
}

fn local(when: DatePerhapsTime) -> (NaiveDateTime, String) {
    match when {
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            (date_time, tzid)
        }
        other => panic!("not a time in a named zone: {other:?}"),
    }
}

#[tokio::test]
async fn an_event_is_organised_shown_and_read_back_from_its_calendar_file() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, member) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;

    // Bad input: every problem at once, nothing written.
    let mut bad = webinar(&app, 48, Some(10));
    bad["timezone"] = json!("Mars/Olympus");
    bad["ends_at"] = json!("2020-01-01T00:00:00Z");
    bad["online_url"] = json!("javascript:alert(1)");
    let (status, body) = app.post_json(&secretariat, "/api/v1/events", bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .filter_map(|d| d["field"].as_str())
        .collect();
    for field in ["timezone", "ends_at", "online_url"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    let (status, _) = app
        .post_json(&member, "/api/v1/events", webinar(&app, 48, Some(10)))
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "a focal point organises no event"
    );

    let event = create(&app, &secretariat, webinar(&app, 48, Some(10))).await;
    let id = event["id"].as_str().expect("id");
    assert_eq!(event["timezone"], "Africa/Nairobi");
    assert_eq!(event["languages"], json!(["en", "fr"]));
    assert_eq!(event["interpretation"], json!(["sw"]));
    assert_eq!(event["registered_count"], 0);
    assert!(
        event["description_html"]
            .as_str()
            .expect("html")
            .contains("<strong>Kenya</strong>")
    );
    assert!(
        !event["description_html"]
            .as_str()
            .expect("html")
            .contains("<script")
    );

    // A member sees it, but the link to join only once they hold a place.
    let (status, list) = app.get_json(&member, "/api/v1/events").await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["total"], 1);
    let seen = &list["items"][0];
    assert_eq!(seen["starts_at"], event["starts_at"]);
    assert_eq!(seen["online"], true);
    assert_eq!(seen["online_url"], Value::Null);
    let (status, registration) = register(&app, &member, id).await;
    assert_eq!(status, StatusCode::CREATED, "{registration}");
    assert_eq!(registration["status"], "registered");
    let (status, again) = register(&app, &member, id).await;
    assert_eq!(status, StatusCode::OK, "registering twice answers the same");
    assert_eq!(again["id"], registration["id"]);
    let (_, seen) = app.get_json(&member, &format!("/api/v1/events/{id}")).await;
    assert_eq!(seen["online_url"], "https://meet.example.org/parenting");
    assert_eq!(seen["registered_count"], 1);
    assert_eq!(seen["my_registration"]["id"], registration["id"]);

    // The event's file, read back by an iCalendar library: the same instants, in Nairobi time,
    // and a VTIMEZONE whose offset gives those instants too.
    let (status, kind, ics) = text(&app, &member, &format!("/api/v1/events/{id}.ics")).await;
    assert_eq!(status, StatusCode::OK, "{ics}");
    assert!(kind.starts_with("text/calendar"), "{kind}");
    let calendar: Calendar = ics.parse().expect("RFC 5545");
    let parsed: Vec<_> = calendar.events().collect();
    assert_eq!(parsed.len(), 1);
    let starts_at: DateTime<Utc> = event["starts_at"]
        .as_str()
        .expect("start")
        .parse()
        .expect("time");
    let ends_at: DateTime<Utc> = event["ends_at"]
        .as_str()
        .expect("end")
        .parse()
        .expect("time");
    assert_eq!(instant(parsed[0].get_start().expect("DTSTART")), starts_at);
    assert_eq!(instant(parsed[0].get_end().expect("DTEND")), ends_at);
    assert_eq!(parsed[0].get_summary(), Some("Positive parenting at scale"));
    let (local_start, tzid) = local(parsed[0].get_start().expect("DTSTART"));
    assert_eq!(tzid, "Africa/Nairobi");
    assert_eq!(local_start - Duration::hours(3), starts_at.naive_utc());
    let unfolded = icalendar::parser::unfold(&ics);
    let raw = icalendar::parser::read_calendar(&unfolded).expect("parses");
    let zone = raw
        .components
        .iter()
        .find(|c| c.name == "VTIMEZONE")
        .expect("a VTIMEZONE");
    let offset = zone.components[0]
        .properties
        .iter()
        .find(|p| p.name == "TZOFFSETTO")
        .expect("TZOFFSETTO");
    assert_eq!(offset.val.as_str(), "+0300");

    // The member's feed holds it; someone not registered has an empty feed.
    let (status, _, feed) = text(&app, &member, "/api/v1/me/calendar.ics").await;
    assert_eq!(status, StatusCode::OK);
    let feed: Calendar = feed.parse().expect("RFC 5545");
    let entries: Vec<_> = feed.events().collect();
    assert_eq!(entries.len(), 1);
    assert_eq!(instant(entries[0].get_start().expect("DTSTART")), starts_at);
    assert_eq!(entries[0].property_value("STATUS"), Some("CONFIRMED"));
    let (_, _, empty) = text(&app, &secretariat, "/api/v1/me/calendar.ics").await;
    assert_eq!(
        empty.parse::<Calendar>().expect("parses").events().count(),
        0
    );
    let (status, _, _) = text(&app, "not-a-token", "/api/v1/me/calendar.ics").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = text(
        &app,
        &member,
        &format!("/api/v1/events/{}.ics", uuid::Uuid::now_v7()),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn fifty_members_registering_at_once_for_ten_places_give_ten_and_forty_waiting() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let event = create(&app, &secretariat, webinar(&app, 72, Some(10))).await;
    let id = event["id"].as_str().expect("id").to_owned();
    let mut tokens = Vec::new();
    for _ in 0..50 {
        let (_, token) = app.signed_in(Role::CountryContributor, Some("KEN")).await;
        tokens.push(token);
    }
    let answers = join_all(tokens.iter().map(|token| register(&app, token, &id))).await;
    let mut statuses = std::collections::HashMap::<String, usize>::new();
    for (status, registration) in &answers {
        assert_eq!(*status, StatusCode::CREATED, "{registration}");
        *statuses
            .entry(registration["status"].as_str().expect("status").to_owned())
            .or_default() += 1;
    }
    assert_eq!(statuses.get("registered"), Some(&10), "{statuses:?}");
    assert_eq!(statuses.get("waitlisted"), Some(&40), "{statuses:?}");
    let (_, seen) = app
        .get_json(&secretariat, &format!("/api/v1/events/{id}"))
        .await;
    assert_eq!(seen["registered_count"], 10);
    assert_eq!(seen["waitlisted_count"], 40);

    // The waiting list, in order: positions 1..40, each once.
    let (status, attendees) = app
        .get_json(
            &secretariat,
            &format!("/api/v1/events/{id}/registrations?per_page=100"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{attendees}");
    let rows = attendees["items"].as_array().expect("items");
    assert_eq!(rows.len(), 50);
    let waiting: Vec<&Value> = rows
        .iter()
        .filter(|r| r["status"] == "waitlisted")
        .collect();
    let positions: Vec<u64> = waiting
        .iter()
        .map(|r| r["waitlist_position"].as_u64().expect("position"))
        .collect();
    assert_eq!(positions, (1..=40).collect::<Vec<u64>>());
    assert!(rows[0]["email"].as_str().is_some_and(|e| e.contains('@')));

    // Three cancel, one after the other: each time the first waiting gets the place, and is
    // told; the others move up.
    let token_of = |user_id: &Value| {
        answers
            .iter()
            .zip(&tokens)
            .find(|((_, r), _)| &r["user_id"] == user_id)
            .map(|(_, token)| token.clone())
            .expect("a token")
    };
    let holders: Vec<&Value> = rows
        .iter()
        .filter(|r| r["status"] == "registered")
        .collect();
    for (round, holder) in holders.iter().take(3).enumerate() {
        let token = token_of(&holder["user_id"]);
        let (status, cancelled) = send(
            app.delete(&format!(
                "/api/v1/events/{id}/registrations/{}",
                holder["id"].as_str().expect("id")
            ))
            .bearer_auth(&token),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{cancelled}");
        assert_eq!(cancelled["status"], "cancelled");
        let first = waiting[round];
        let first_token = token_of(&first["user_id"]);
        let (_, theirs) = app
            .get_json(&first_token, &format!("/api/v1/events/{id}"))
            .await;
        assert_eq!(
            theirs["my_registration"]["status"], "registered",
            "round {round}"
        );
        assert_eq!(theirs["online_url"], "https://meet.example.org/parenting");
        let (_, told) = app
            .get_json(&first_token, "/api/v1/notifications?lang=en")
            .await;
        assert_eq!(told["items"][0]["kind"], "event_place", "{told}");
        assert_eq!(told["items"][0]["link"], format!("/events/{id}"));
        let next_token = token_of(&waiting[round + 1]["user_id"]);
        let (_, next) = app
            .get_json(&next_token, &format!("/api/v1/events/{id}"))
            .await;
        assert_eq!(next["my_registration"]["status"], "waitlisted");
        assert_eq!(next["my_registration"]["waitlist_position"], 1);
    }
    let (_, seen) = app
        .get_json(&secretariat, &format!("/api/v1/events/{id}"))
        .await;
    assert_eq!(seen["registered_count"], 10);
    assert_eq!(seen["waitlisted_count"], 37);

    // Cancelling twice changes nothing; someone else's registration is not theirs to cancel.
    let other = holders[5]["id"].as_str().expect("id");
    let (status, _) = send(
        app.delete(&format!("/api/v1/events/{id}/registrations/{other}"))
            .bearer_auth(&tokens[0]),
    )
    .await;
    let own = answers[0].1["user_id"] == holders[5]["user_id"];
    assert_eq!(
        status,
        if own {
            StatusCode::OK
        } else {
            StatusCode::NOT_FOUND
        }
    );

    // A larger capacity gives the new places to the waiting list; a smaller one than those
    // holding a place is refused.
    let mut bigger = webinar(&app, 72, Some(12));
    bigger["starts_at"] = seen["starts_at"].clone();
    bigger["ends_at"] = seen["ends_at"].clone();
    let (status, grown) = send(
        app.put(&format!("/api/v1/events/{id}"))
            .bearer_auth(&secretariat)
            .json(&bigger),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{grown}");
    assert_eq!(grown["registered_count"], 12);
    assert_eq!(grown["waitlisted_count"], 35);
    bigger["capacity"] = json!(5);
    let (status, refused) = send(
        app.put(&format!("/api/v1/events/{id}"))
            .bearer_auth(&secretariat)
            .json(&bigger),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    assert_eq!(refused["error"]["details"][0]["code"], "below_registered");
}

#[tokio::test]
async fn a_groups_events_reach_its_members_only_on_every_path() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (moderator, moderator_token) = app.signed_in(Role::Partner, None).await;
    let (member, member_token) = app.signed_in(Role::CountryFocalPoint, Some("GHA")).await;
    let (_, outsider) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;
    let group = group_with(
        &app,
        &secretariat,
        &[(&moderator, "moderator"), (&member, "member")],
    )
    .await;

    // A moderator organises for the group, not for everyone.
    let (status, _) = app
        .post_json(&moderator_token, "/api/v1/events", webinar(&app, 48, None))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let mut body = webinar(&app, 48, None);
    body["kind"] = json!("training");
    body["group_id"] = json!(group);
    let event = create(&app, &moderator_token, body).await;
    let id = event["id"].as_str().expect("id");
    assert_eq!(event["group_name"], "Safe schools");

    let (_, list) = app.get_json(&outsider, "/api/v1/events").await;
    assert_eq!(list["total"], 0, "{list}");
    for path in [
        format!("/api/v1/events/{id}"),
        format!("/api/v1/events/{id}/registrations"),
    ] {
        let (status, _) = app.get_json(&outsider, &path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _, _) = text(&app, &outsider, &format!("/api/v1/events/{id}.ics")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = register(&app, &outsider, id).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (_, list) = app
        .get_json(&member_token, &format!("/api/v1/events?group_id={group}"))
        .await;
    assert_eq!(list["total"], 1);
    let (status, registration) = register(&app, &member_token, id).await;
    assert_eq!(status, StatusCode::CREATED, "{registration}");
    let (status, _) = app
        .get_json(&member_token, &format!("/api/v1/events/{id}/registrations"))
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the attendee list is the organisers'"
    );
    let (status, attendees) = app
        .get_json(
            &moderator_token,
            &format!("/api/v1/events/{id}/registrations"),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attendees["items"][0]["email"], member.email);

    // Taken out of the group, the member loses the event at once, from the feed too.
    let (status, _) = send(
        app.delete(&format!("/api/v1/groups/{group}/members/{}", member.id))
            .bearer_auth(&secretariat),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app
        .get_json(&member_token, &format!("/api/v1/events/{id}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, _, feed) = text(&app, &member_token, "/api/v1/me/calendar.ics").await;
    assert_eq!(
        feed.parse::<Calendar>().expect("parses").events().count(),
        0
    );

    // Filters: a kind that is not one is refused; a range that ends before it starts finds none.
    let (status, _) = app
        .get_json(&member_token, "/api/v1/events?kind=party")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let now = app.state.clock.now();
    let range = |from: DateTime<Utc>, to: DateTime<Utc>| {
        format!(
            "/api/v1/events?from={}&to={}",
            rfc3339(from).replace('+', "%2B"),
            rfc3339(to).replace('+', "%2B")
        )
    };
    let (status, month) = app
        .get_json(&secretariat, &range(now, now + Duration::days(3)))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(month["total"], 1, "{month}");
    let (status, inverted) = app
        .get_json(&secretariat, &range(now + Duration::days(3), now))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(inverted["total"], 0);
}

#[tokio::test]
async fn the_reminder_comes_once_the_day_before_and_registration_closes_at_the_start() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (member, member_token) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;
    let event = create(&app, &secretariat, webinar(&app, 30, Some(5))).await;
    let id = event["id"].as_str().expect("id");
    let (status, _) = register(&app, &member_token, id).await;
    assert_eq!(status, StatusCode::CREATED);

    assert_eq!(
        pioneer_api::events::write_reminders(&app.state)
            .await
            .expect("runs"),
        0
    );
    app.state.clock.advance(Duration::hours(7));
    // The server's own schedule may write it before this call does: either way, once (the
    // notifications below count it).
    let written = pioneer_api::events::write_reminders(&app.state)
        .await
        .expect("runs");
    assert!(written <= 1, "{written} reminders for one registration");
    assert_eq!(
        pioneer_api::events::write_reminders(&app.state)
            .await
            .expect("runs"),
        0,
        "once"
    );
    // Seven hours on, the morning's access token has expired: sign in again.
    let member_token = app.login(&member).await.access_token;
    let (_, told) = app
        .get_json(&member_token, "/api/v1/notifications?lang=fr")
        .await;
    assert_eq!(told["items"][0]["kind"], "event_reminder", "{told}");
    let reminders = told["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|n| n["kind"] == "event_reminder")
        .count();
    assert_eq!(reminders, 1, "{told}");
    assert!(
        told["items"][0]["summary"]
            .as_str()
            .expect("summary")
            .contains("Positive parenting")
    );
    let mail = wait_for_mails_with(&app.outbox, &[&member.email, "Positive parenting"], 1)
        .await
        .remove(0);
    assert!(mail.contains("Africa/Nairobi"), "{mail}");

    app.state.clock.advance(Duration::hours(25));
    let (_, late) = app.signed_in(Role::CountryFocalPoint, Some("MEX")).await;
    let (status, body) = register(&app, &late, id).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"]["code"], "registration_closed");
    let (_, past) = app.get_json(&late, "/api/v1/events?past=true").await;
    assert_eq!(past["total"], 1, "{past}");
    let (_, upcoming) = app.get_json(&late, "/api/v1/events").await;
    assert_eq!(upcoming["total"], 0);
}
