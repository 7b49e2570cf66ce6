//! What classifies a resource, an expert or an organisation: INSPIRE strategies, countries and
//! regions, tags and languages. One set of checks, so that the directory's filters and the
//! knowledge base's facets speak the same codes.

use std::collections::BTreeSet;

use crate::FieldError;
use crate::membership::application::parse_line;
use crate::user::parse_country_code;

pub const MAX_TAGS: usize = 20;
pub const MAX_TAG_CHARS: usize = 40;
pub const MAX_COUNTRIES: usize = 60;
pub const MAX_LANGUAGES: usize = 10;
/// The UN M49 regions the countries table uses.
pub const REGIONS: [&str; 5] = ["Africa", "Americas", "Asia", "Europe", "Oceania"];

fn too_many(field: &str, max: usize, what: &str) -> FieldError {
    FieldError::new(field, "too_many", format!("at most {max} {what}"))
}

/// INSPIRE strategy codes among `known`: sorted, each once; an unknown one is an error.
pub fn check_strategies(
    raw: &[String],
    known: &BTreeSet<String>,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut chosen = BTreeSet::new();
    for (i, code) in raw.iter().enumerate() {
        let code = code.trim();
        if known.contains(code) {
            chosen.insert(code.to_owned());
        } else {
            errors.push(FieldError::new(
                format!("strategies[{i}]"),
                "unknown_strategy",
                format!("`{code}` is not an INSPIRE strategy"),
            ));
        }
    }
    chosen.into_iter().collect()
}

/// ISO 3166-1 alpha-3 codes, upper-cased: sorted, each once.
pub fn check_countries(raw: &[String], errors: &mut Vec<FieldError>) -> Vec<String> {
    if raw.len() > MAX_COUNTRIES {
        errors.push(too_many("countries", MAX_COUNTRIES, "countries"));
    }
    let mut countries = BTreeSet::new();
    for (i, code) in raw.iter().enumerate() {
        match parse_country_code(code) {
            Ok(code) => {
                countries.insert(code);
            }
            Err(e) => errors.push(FieldError::new(
                format!("countries[{i}]"),
                e.code,
                e.message,
            )),
        }
    }
    countries.into_iter().collect()
}

/// Free tags, lower-cased, one line each: sorted, each once.
pub fn check_tags(raw: &[String], errors: &mut Vec<FieldError>) -> Vec<String> {
    if raw.len() > MAX_TAGS {
        errors.push(too_many("tags", MAX_TAGS, "tags"));
    }
    let mut tags = BTreeSet::new();
    for (i, tag) in raw.iter().enumerate() {
        match parse_line(&format!("tags[{i}]"), &tag.to_lowercase(), MAX_TAG_CHARS) {
            Ok(tag) => {
                tags.insert(tag);
            }
            Err(e) => errors.push(e),
        }
    }
    tags.into_iter().collect()
}

/// Regions among [`REGIONS`] (any case), in that list's spelling: sorted, each once.
/// The region `raw` names, whatever its case (`africa` → `Africa`).
pub fn region_named(raw: &str) -> Option<&'static str> {
    REGIONS
        .iter()
        .find(|known| known.eq_ignore_ascii_case(raw.trim()))
        .copied()
}

pub fn check_regions(raw: &[String], errors: &mut Vec<FieldError>) -> Vec<String> {
    let mut regions = BTreeSet::new();
    for (i, region) in raw.iter().enumerate() {
        match region_named(region) {
            Some(known) => {
                regions.insert(known.to_owned());
            }
            None => errors.push(FieldError::new(
                format!("regions[{i}]"),
                "unknown_region",
                format!("a region is one of {}", REGIONS.join(", ")),
            )),
        }
    }
    regions.into_iter().collect()
}

/// Language codes (ISO 639-1, or 639-3 where there is none): two or three lower-case letters
/// each, each once in the order given, at most [`MAX_LANGUAGES`].
pub fn parse_language_codes(field: &str, raw: &[String]) -> Result<Vec<String>, FieldError> {
    if raw.len() > MAX_LANGUAGES {
        return Err(too_many(field, MAX_LANGUAGES, "languages"));
    }
    let mut seen = BTreeSet::new();
    let mut codes = Vec::new();
    for (index, code) in raw.iter().enumerate() {
        let code = code.trim().to_ascii_lowercase();
        if !(2..=3).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(FieldError::new(
                format!("{field}[{index}]"),
                "invalid_language",
                "a language is its ISO 639-1 code, such as en, fr, es, pt or sw",
            ));
        }
        if seen.insert(code.clone()) {
            codes.push(code);
        }
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn codes_are_normalised_sorted_and_kept_once() {
        let mut errors = Vec::new();
        assert_eq!(
            check_countries(&owned(&["ken", " COL", "KEN"]), &mut errors),
            owned(&["COL", "KEN"])
        );
        assert_eq!(
            check_tags(&owned(&["Parenting", "parenting ", "Schools"]), &mut errors),
            owned(&["parenting", "schools"])
        );
        assert_eq!(
            check_regions(&owned(&["africa", "Americas"]), &mut errors),
            owned(&["Africa", "Americas"])
        );
        assert_eq!(
            parse_language_codes("languages", &owned(&["FR", "en", "fr"])),
            Ok(owned(&["fr", "en"]))
        );
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn each_bad_value_names_its_place() {
        let mut errors = Vec::new();
        let known = BTreeSet::from(["parenting".to_owned()]);
        check_strategies(&owned(&["parenting", "magic"]), &known, &mut errors);
        check_countries(&owned(&["KE"]), &mut errors);
        check_regions(&owned(&["Atlantis"]), &mut errors);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["strategies[1]", "countries[0]", "regions[0]"]);
        assert_eq!(
            parse_language_codes("languages", &owned(&["english"]))
                .expect_err("too long")
                .field,
            "languages[0]"
        );
    }
}
