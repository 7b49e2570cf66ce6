use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{TestApp, error_code, spawn_app};

async fn get_json(app: &TestApp, path: &str) -> Value {
    let response = app.get(path).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.json().await.expect("JSON body")
}

#[tokio::test]
async fn all_iso_countries_are_listed_with_the_47_pioneers_flagged() {
    let app = spawn_app().await;

    let all = get_json(&app, "/api/v1/countries").await;
    let pioneers = get_json(&app, "/api/v1/countries?pioneer=true&per_page=100").await;

    assert_eq!(all["total"], 249);
    assert_eq!(pioneers["total"], 47);
    let codes: Vec<&str> = pioneers["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    for code in [
        "AGO", "BRA", "CIV", "COL", "FRA", "JPN", "KEN", "PHL", "SWE", "TLS", "TUR", "ZWE",
    ] {
        assert!(codes.contains(&code), "{code} is a pioneer");
    }
    assert!(!codes.contains(&"NOR"), "Norway is not a pioneer");
    let others = get_json(&app, "/api/v1/countries?pioneer=false").await;
    assert_eq!(others["total"], 249 - 47);
}

#[tokio::test]
async fn a_country_has_a_name_in_each_language_of_the_ui_and_a_region() {
    let app = spawn_app().await;
    let civ = get_json(&app, "/api/v1/countries/civ").await;
    assert_eq!(civ["code"], "CIV");
    assert_eq!(civ["name"], "Côte d'Ivoire");
    assert_eq!(civ["name_fr"], "Côte d'Ivoire");
    assert_eq!(civ["name_es"], "Costa de Marfil");
    assert_eq!(civ["name_pt"], "Costa do Marfim");
    assert_eq!(civ["region"], "Africa");
    assert_eq!(civ["pioneer"], true);
    let deu = get_json(&app, "/api/v1/countries/DEU").await;
    assert_eq!(
        (deu["name"].as_str(), deu["name_fr"].as_str()),
        (Some("Germany"), Some("Allemagne"))
    );
    let bra = get_json(&app, "/api/v1/countries/BRA").await;
    assert_eq!(
        (bra["name_es"].as_str(), bra["name_pt"].as_str()),
        (Some("Brasil"), Some("Brasil"))
    );

    let missing = app.get("/api/v1/countries/XXX").send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_code(missing).await, "not_found");
}

#[tokio::test]
async fn countries_filter_by_region() {
    let app = spawn_app().await;
    let african_pioneers = get_json(
        &app,
        "/api/v1/countries?pioneer=true&region=%20africa%20&per_page=100",
    )
    .await;
    let items = african_pioneers["items"].as_array().unwrap();
    assert_eq!(african_pioneers["total"], items.len());
    assert!(
        items
            .iter()
            .all(|c| c["region"] == "Africa" && c["pioneer"] == true)
    );
    assert!(items.iter().any(|c| c["code"] == "KEN"));
    assert!(!items.iter().any(|c| c["code"] == "BRA"));
    let bad = app
        .get("/api/v1/countries?pioneer=maybe")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

/// Fuzzing found `?region=` with a NUL answered 422 on PostgreSQL (which cannot hold a NUL) and
/// an empty page on SQLite: a region that names no region finds no country, on both.
#[tokio::test]
async fn a_region_that_names_no_region_finds_nothing() {
    let app = spawn_app().await;
    for (region, found) in [
        ("Africa", true),
        ("%00", false),
        ("Afr%00ica", false),
        ("%C3%A1%00C", false),
        ("Atlantis", false),
    ] {
        let response = app
            .get(&format!("/api/v1/countries?region={region}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{region}");
        let page: Value = response.json().await.unwrap();
        assert_eq!(page["total"].as_u64().unwrap() > 0, found, "{region}");
    }
}

fn codes(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["code"].as_str().expect("a code").to_owned())
        .collect()
}

#[tokio::test]
async fn countries_are_paged_like_every_list_with_the_whole_count_as_total() {
    let app = spawn_app().await;

    let first = get_json(&app, "/api/v1/countries").await;
    assert_eq!(first["items"].as_array().map(Vec::len), Some(20));
    assert_eq!(
        (first["page"].as_u64(), first["per_page"].as_u64()),
        (Some(1), Some(20))
    );

    let mut every_code = Vec::new();
    for (page, expected) in [(1, 100), (2, 100), (3, 49)] {
        let answer = get_json(&app, &format!("/api/v1/countries?per_page=100&page={page}")).await;
        assert_eq!(answer["total"], 249, "page {page}");
        assert_eq!(answer["page"], page);
        assert_eq!(answer["per_page"], 100);
        let codes = codes(&answer);
        assert_eq!(codes.len(), expected, "page {page}");
        every_code.extend(codes);
    }
    let mut sorted = every_code.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        sorted, every_code,
        "the pages follow the codes, with no country twice"
    );
    assert_eq!(every_code.len(), 249);

    let past_the_end = get_json(&app, "/api/v1/countries?per_page=100&page=4").await;
    assert_eq!(past_the_end["total"], 249);
    assert!(codes(&past_the_end).is_empty());

    let too_big = app
        .get("/api/v1/countries?per_page=101")
        .send()
        .await
        .unwrap();
    assert_eq!(too_big.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error_code(too_big).await, "validation_failed");
}

#[tokio::test]
async fn strategies_and_indicators_are_paged_too() {
    let app = spawn_app().await;
    let strategies = get_json(&app, "/api/v1/strategies?per_page=3&page=3").await;
    assert_eq!(strategies["total"], 7);
    assert_eq!(codes(&strategies).len(), 1);
    let indicators = get_json(&app, "/api/v1/indicators?per_page=10&page=2").await;
    assert_eq!(indicators["total"], 13);
    assert_eq!(codes(&indicators), ["5.3.2", "8.7.1", "4.a.1"]);
}

#[tokio::test]
async fn the_seven_inspire_strategies_are_listed_in_order() {
    let app = spawn_app().await;
    let strategies = get_json(&app, "/api/v1/strategies").await;
    assert_eq!(strategies["total"], 7);
    let names: Vec<&str> = strategies["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names[0], "Implementation and enforcement of laws");
    assert_eq!(names[6], "Education and life skills");
    assert!(strategies["items"].as_array().unwrap().iter().all(|s| {
        ["name_fr", "name_es", "name_pt"]
            .iter()
            .all(|field| !s[*field].as_str().unwrap().is_empty())
    }));
}

#[tokio::test]
async fn the_sdg_indicators_on_violence_against_children_are_listed() {
    let app = spawn_app().await;
    let indicators = get_json(&app, "/api/v1/indicators").await;
    let codes: Vec<&str> = indicators["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "16.2.1", "16.2.2", "16.2.3", "16.1.1", "16.1.3", "16.3.1", "16.9.1", "5.2.1", "5.2.2",
            "5.3.1", "5.3.2", "8.7.1", "4.a.1"
        ]
    );
    let first = &indicators["items"][0];
    assert!(
        first["title"]
            .as_str()
            .unwrap()
            .starts_with("Proportion of children aged 1")
    );
    assert!(
        first["title_fr"]
            .as_str()
            .unwrap()
            .starts_with("Proportion")
    );
    let title = |field: &str| first[field].as_str().unwrap_or_default().to_owned();
    assert!(title("title_es").starts_with("Proporción de niños de entre 1 y 17 años"));
    assert!(title("title_pt").starts_with("Proporção de crianças de 1 a 17 anos"));
}
