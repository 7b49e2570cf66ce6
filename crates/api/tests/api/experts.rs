//! The directory of experts and partner organisations: profiles written by members and found
//! through the search engine, organisations kept by the secretariat, and contact requests that
//! show an address only once the expert accepts.

use pioneer_domain::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, send, spawn_app};

fn profile(bio: &str, strategies: &[&str], languages: &[&str], countries: &[&str]) -> Value {
    json!({
        "bio": bio,
        "organisation": "Ministry of Education",
        "strategies": strategies,
        "tags": ["Teacher training"],
        "languages": languages,
        "countries": countries,
        "regions": ["africa"],
    })
}

async fn put_profile(app: &TestApp, token: &str, body: &Value) -> (StatusCode, Value) {
    send(
        app.put("/api/v1/me/expert-profile")
            .bearer_auth(token)
            .json(body),
    )
    .await
}

fn names(found: &Value) -> Vec<String> {
    found["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["name"].as_str().expect("name").to_owned())
        .collect()
}

async fn set_name(app: &TestApp, admin: &str, id: uuid::Uuid, body: Value) {
    let (status, _) = send(
        app.patch(&format!("/api/v1/users/{id}"))
            .bearer_auth(admin)
            .json(&body),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_member_writes_a_profile_and_the_directory_finds_it_by_words_and_filters() {
    let app = spawn_app().await;
    let (expert, expert_token) = app.signed_in(Role::CountryFocalPoint, Some("SEN")).await;
    let (other, other_token) = app.signed_in(Role::Partner, None).await;
    let (_, reader) = app.signed_in(Role::CountryFocalPoint, Some("KEN")).await;

    let (status, _) = app
        .get_json(&expert_token, "/api/v1/me/expert-profile")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no profile yet");

    let (status, mine) = put_profile(
        &app,
        &expert_token,
        &profile(
            "J'ai formé les enseignants à la discipline positive dans les écoles du Sénégal.",
            &["education"],
            &["FR", "en"],
            &["sen"],
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    assert_eq!(mine["id"], json!(expert.id));
    assert_eq!(mine["languages"], json!(["fr", "en"]));
    assert_eq!(mine["countries"], json!(["SEN"]));
    assert_eq!(mine["regions"], json!(["Africa"]));
    assert_eq!(mine["tags"], json!(["teacher training"]));
    assert_eq!(mine["organisation"]["name"], "Ministry of Education");
    assert_eq!(mine["email"], json!(expert.email), "their own address");

    let (status, _) = put_profile(
        &app,
        &other_token,
        &profile(
            "Parenting programmes with fathers in Kenya and Uganda.",
            &["parenting"],
            &["en"],
            &["KEN", "UGA"],
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // Words, stemmed: "enseignant" finds "enseignants"; "father" finds "fathers".
    let (status, found) = app.get_json(&reader, "/api/v1/experts?q=enseignant").await;
    assert_eq!(status, StatusCode::OK, "{found}");
    assert_eq!(found["total"], 1);
    let hit = &found["items"][0];
    assert_eq!(hit["id"], json!(expert.id));
    assert_eq!(
        hit["email"],
        Value::Null,
        "no address before a request is accepted"
    );
    let (_, found) = app.get_json(&reader, "/api/v1/experts?q=father").await;
    assert_eq!(found["items"][0]["id"], json!(other.id));

    // Filters, alone and together, with their counts.
    let (_, all) = app.get_json(&reader, "/api/v1/experts").await;
    assert_eq!(all["total"], 2);
    assert_eq!(all["facets"]["language"]["en"], 2);
    assert_eq!(all["facets"]["language"]["fr"], 1);
    assert_eq!(all["facets"]["region"]["Africa"], 2);
    let (_, by_language) = app.get_json(&reader, "/api/v1/experts?language=fr").await;
    assert_eq!(names(&by_language).len(), 1);
    assert_eq!(by_language["items"][0]["id"], json!(expert.id));
    let (_, by_strategy) = app
        .get_json(&reader, "/api/v1/experts?strategy=parenting&country=uga")
        .await;
    assert_eq!(by_strategy["items"][0]["id"], json!(other.id));
    assert_eq!(by_strategy["total"], 1);
    let (_, none) = app
        .get_json(&reader, "/api/v1/experts?strategy=parenting&language=fr")
        .await;
    assert_eq!(none["total"], 0);

    // A changed profile is found by its new words at once, and no longer by the old.
    let (status, _) = put_profile(
        &app,
        &other_token,
        &profile(
            "Helplines and case management.",
            &["services"],
            &["en"],
            &["KEN"],
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, found) = app.get_json(&reader, "/api/v1/experts?q=father").await;
    assert_eq!(found["total"], 0);
    let (_, found) = app.get_json(&reader, "/api/v1/experts?q=helpline").await;
    assert_eq!(found["items"][0]["id"], json!(other.id));

    // Leaving the directory.
    let response = app
        .delete("/api/v1/me/expert-profile")
        .bearer_auth(&other_token)
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let (_, all) = app.get_json(&reader, "/api/v1/experts").await;
    assert_eq!(all["total"], 1);
    let (status, _) = app
        .get_json(&reader, &format!("/api/v1/experts/{}", other.id))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_directory_is_for_members_and_a_renamed_or_deactivated_member_follows() {
    let app = spawn_app().await;
    let (admin_user, admin) = app.signed_in(Role::Admin, None).await;
    let (expert, expert_token) = app.signed_in(Role::Partner, None).await;
    let (_, reader) = app.signed_in(Role::CountryContributor, Some("KEN")).await;
    let _ = admin_user;
    put_profile(
        &app,
        &expert_token,
        &profile(
            "Budgets for child protection.",
            &["income"],
            &["en"],
            &["GHA"],
        ),
    )
    .await;

    let response = app.get("/api/v1/experts").send().await.expect("request");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);

    set_name(&app, &admin, expert.id, json!({"name": "Kwame Mensah"})).await;
    let (_, found) = app.get_json(&reader, "/api/v1/experts?q=mensah").await;
    assert_eq!(names(&found), ["Kwame Mensah"], "the new name is searched");

    set_name(&app, &admin, expert.id, json!({"active": false})).await;
    let (_, found) = app.get_json(&reader, "/api/v1/experts").await;
    assert_eq!(
        found["total"], 0,
        "a deactivated member leaves the directory"
    );
    let (status, _) = app
        .get_json(&reader, &format!("/api/v1/experts/{}", expert.id))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_profiles_are_refused_field_by_field_and_lose_nothing() {
    let app = spawn_app().await;
    let (_, token) = app.signed_in(Role::Partner, None).await;
    let good = profile(
        "Evaluation of school programmes.",
        &["education"],
        &["en"],
        &["MEX"],
    );
    assert_eq!(put_profile(&app, &token, &good).await.0, StatusCode::OK);

    let (status, body) = put_profile(
        &app,
        &token,
        &json!({
            "bio": "",
            "strategies": ["magic"],
            "languages": ["english"],
            "countries": ["XX1"],
            "regions": ["Atlantis"],
            "organisation_id": uuid::Uuid::now_v7(),
        }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<&str> = body["error"]["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| d["field"].as_str().expect("field"))
        .collect();
    for field in [
        "bio",
        "strategies[0]",
        "languages[0]",
        "countries[0]",
        "regions[0]",
    ] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    let (status, body) = put_profile(
        &app,
        &token,
        &json!({"bio": "Fine.", "organisation_id": uuid::Uuid::now_v7()}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["details"][0]["code"], "unknown_organisation");

    let (_, mine) = app.get_json(&token, "/api/v1/me/expert-profile").await;
    assert_eq!(
        mine["bio"], "Evaluation of school programmes.",
        "nothing lost"
    );

    let (status, _) = app.get_json(&token, "/api/v1/experts?kind=magic").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let long = "a".repeat(501);
    let (status, _) = app
        .get_json(&token, &format!("/api/v1/experts?q={long}"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_secretariat_keeps_the_organisations_and_experts_link_to_them() {
    let app = spawn_app().await;
    let (_, secretariat) = app.signed_in(Role::Secretariat, None).await;
    let (_, member) = app.signed_in(Role::Partner, None).await;
    let (_, reader) = app.signed_in(Role::CountryFocalPoint, Some("COL")).await;
    let body = json!({
        "name": "Survivors' Voices Network",
        "kind": "survivor_led",
        "description": "Survivors advising services.",
        "website": "https://example.org/voices",
        "strategies": ["services"],
        "languages": ["es", "en"],
        "countries": ["COL"],
        "regions": ["Americas"],
    });

    let (status, _) = app
        .post_json(&member, "/api/v1/organisations", body.clone())
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "only the secretariat");

    let (status, created) = app
        .post_json(&secretariat, "/api/v1/organisations", body.clone())
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().expect("id").to_owned();
    assert_eq!(created["kind"], "survivor_led");
    assert_eq!(created["experts_count"], 0);

    let mut same = body.clone();
    same["name"] = json!("SURVIVORS' VOICES NETWORK");
    let (status, conflict) = app
        .post_json(&secretariat, "/api/v1/organisations", same)
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(conflict["error"]["code"], "organisation_name_taken");

    // Case is folded in every script, alike on both databases.
    let mut accented = body.clone();
    accented["name"] = json!("Réseau Écoute Enfance");
    let (status, _) = app
        .post_json(&secretariat, "/api/v1/organisations", accented.clone())
        .await;
    assert_eq!(status, StatusCode::CREATED);
    accented["name"] = json!("RÉSEAU  ÉCOUTE ENFANCE");
    let (status, conflict) = app
        .post_json(&secretariat, "/api/v1/organisations", accented)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{conflict}");
    assert_eq!(conflict["error"]["code"], "organisation_name_taken");

    let mut bad = body.clone();
    bad["website"] = json!("javascript:alert(1)");
    bad["name"] = json!("Other");
    let (status, refused) = app
        .post_json(&secretariat, "/api/v1/organisations", bad)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused["error"]["details"][0]["field"], "website");

    // A member names it in their profile: it is counted, and its name is theirs to be found by.
    let mut mine = profile(
        "Case management for survivors.",
        &["services"],
        &["es"],
        &["COL"],
    );
    mine["organisation_id"] = json!(id);
    let (status, expert) = put_profile(&app, &member, &mine).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(expert["organisation"]["id"], json!(id));
    assert_eq!(expert["organisation"]["kind"], "survivor_led");
    let (_, organisation) = app
        .get_json(&reader, &format!("/api/v1/organisations/{id}"))
        .await;
    assert_eq!(organisation["experts_count"], 1);
    let (_, found) = app
        .get_json(&reader, &format!("/api/v1/experts?organisation_id={id}"))
        .await;
    assert_eq!(found["total"], 1);
    let (_, found) = app
        .get_json(&reader, "/api/v1/experts?kind=survivor_led")
        .await;
    assert_eq!(found["total"], 1);

    // Renamed: found by the new name, and so is its expert.
    let mut renamed = body.clone();
    renamed["name"] = json!("Red de Sobrevivientes");
    let (status, _) = send(
        app.put(&format!("/api/v1/organisations/{id}"))
            .bearer_auth(&secretariat)
            .json(&renamed),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, orgs) = app
        .get_json(&reader, "/api/v1/organisations?q=sobrevivientes")
        .await;
    assert_eq!(orgs["total"], 1);
    assert_eq!(orgs["items"][0]["name"], "Red de Sobrevivientes");
    let (_, experts) = app
        .get_json(&reader, "/api/v1/experts?q=sobrevivientes")
        .await;
    assert_eq!(experts["total"], 1);

    let (_, by_kind) = app
        .get_json(&reader, "/api/v1/organisations?kind=academia")
        .await;
    assert_eq!(by_kind["total"], 0);
    let (status, _) = app
        .get_json(
            &reader,
            &format!("/api/v1/organisations/{}", uuid::Uuid::now_v7()),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_contact_request_shows_the_address_only_once_the_expert_accepts() {
    let app = spawn_app().await;
    let (expert, expert_token) = app.signed_in(Role::Partner, None).await;
    let (asker, asker_token) = app.signed_in(Role::CountryFocalPoint, Some("UGA")).await;
    let (_, outsider) = app.signed_in(Role::CountryFocalPoint, Some("NPL")).await;
    put_profile(
        &app,
        &expert_token,
        &profile(
            "Costing parenting programmes.",
            &["parenting"],
            &["en"],
            &["UGA"],
        ),
    )
    .await;
    let ask = |message: &str| json!({"expert_id": expert.id, "message": message});

    let (status, request) = app
        .post_json(
            &asker_token,
            "/api/v1/contact-requests",
            ask("  Could we talk about costing?  "),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{request}");
    let id = request["id"].as_str().expect("id").to_owned();
    assert_eq!(request["status"], "pending");
    assert_eq!(request["message"], "Could we talk about costing?");
    assert_eq!(request["to"]["email"], Value::Null);
    assert_eq!(request["from"]["email"], Value::Null);

    // Asking again while it waits answers the same request.
    let (status, again) = app
        .post_json(&asker_token, "/api/v1/contact-requests", ask("Hello?"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["id"], json!(id));

    // The expert is told, and finds it among those received; the asker among those sent.
    let (_, notifications) = app.get_json(&expert_token, "/api/v1/notifications").await;
    let told = &notifications["items"][0];
    assert_eq!(told["kind"], "contact_request");
    assert_eq!(told["link"], "/contacts");
    let (_, received) = app
        .get_json(&expert_token, "/api/v1/contact-requests")
        .await;
    assert_eq!(received["total"], 1);
    assert_eq!(received["items"][0]["id"], json!(id));
    let (_, sent) = app
        .get_json(
            &asker_token,
            "/api/v1/contact-requests?box=sent&status=pending",
        )
        .await;
    assert_eq!(sent["items"][0]["id"], json!(id));
    let (_, none) = app.get_json(&asker_token, "/api/v1/contact-requests").await;
    assert_eq!(none["total"], 0, "the asker received none");

    // Nobody else reads or answers it; the asker cannot answer their own.
    let (status, _) = app
        .get_json(&outsider, &format!("/api/v1/contact-requests/{id}"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for token in [&asker_token, &expert_token] {
        let (status, read) = app
            .get_json(token, &format!("/api/v1/contact-requests/{id}"))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(read["message"], "Could we talk about costing?");
    }
    let decision = format!("/api/v1/contact-requests/{id}/decision");
    let (status, _) = app
        .post_json(&outsider, &decision, json!({"accept": true}))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .post_json(&asker_token, &decision, json!({"accept": true}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, card) = app
        .get_json(&asker_token, &format!("/api/v1/experts/{}", expert.id))
        .await;
    assert_eq!(card["email"], Value::Null);
    assert_eq!(card["contact"]["status"], "pending");
    assert_eq!(card["contact"]["sent"], true);

    let (status, accepted) = app
        .post_json(&expert_token, &decision, json!({"accept": true}))
        .await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    assert_eq!(accepted["status"], "accepted");
    assert_eq!(accepted["to"]["email"], json!(expert.email));
    assert_eq!(accepted["from"]["email"], json!(asker.email));
    let (status, twice) = app
        .post_json(&expert_token, &decision, json!({"accept": false}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(twice["error"]["code"], "already_decided");

    let (_, card) = app
        .get_json(&asker_token, &format!("/api/v1/experts/{}", expert.id))
        .await;
    assert_eq!(card["email"], json!(expert.email), "shown once accepted");
    let (_, stranger_card) = app
        .get_json(&outsider, &format!("/api/v1/experts/{}", expert.id))
        .await;
    assert_eq!(stranger_card["email"], Value::Null, "to them only");
    let (_, notifications) = app.get_json(&asker_token, "/api/v1/notifications").await;
    assert_eq!(notifications["items"][0]["kind"], "contact_accepted");

    let (status, refused) = app
        .post_json(&asker_token, "/api/v1/contact-requests", ask("Again"))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(refused["error"]["code"], "already_in_contact");
}

#[tokio::test]
async fn a_declined_request_pauses_asking_and_bad_requests_are_refused() {
    let app = spawn_app().await;
    let (expert, expert_token) = app.signed_in(Role::Partner, None).await;
    let (_, no_profile) = app.signed_in(Role::Partner, None).await;
    let (no_profile_user, _) = app.signed_in(Role::Partner, None).await;
    let (_, asker) = app.signed_in(Role::CountryFocalPoint, Some("GHA")).await;
    put_profile(
        &app,
        &expert_token,
        &profile(
            "School safety audits.",
            &["environments"],
            &["en"],
            &["GHA"],
        ),
    )
    .await;

    let (status, body) = app
        .post_json(
            &expert_token,
            "/api/v1/contact-requests",
            json!({"expert_id": expert.id, "message": "me"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["details"][0]["code"], "yourself");
    let (status, body) = app
        .post_json(
            &no_profile,
            "/api/v1/contact-requests",
            json!({"expert_id": no_profile_user.id, "message": "Hello"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["details"][0]["code"], "unknown_expert");
    let (status, body) = app
        .post_json(
            &asker,
            "/api/v1/contact-requests",
            json!({"expert_id": expert.id, "message": "x".repeat(2001)}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["details"][0]["field"], "message");

    let (status, request) = app
        .post_json(
            &asker,
            "/api/v1/contact-requests",
            json!({"expert_id": expert.id, "message": "Could you review our audit tool?"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let id = request["id"].as_str().expect("id");
    let (status, declined) = app
        .post_json(
            &expert_token,
            &format!("/api/v1/contact-requests/{id}/decision"),
            json!({"accept": false}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(declined["status"], "declined");
    assert_eq!(
        declined["to"]["email"],
        Value::Null,
        "no address when declined"
    );
    let (_, notifications) = app.get_json(&asker, "/api/v1/notifications").await;
    assert_eq!(notifications["items"][0]["kind"], "contact_declined");

    let (status, refused) = app
        .post_json(
            &asker,
            "/api/v1/contact-requests",
            json!({"expert_id": expert.id, "message": "Please?"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(refused["error"]["code"], "recently_declined");
}
