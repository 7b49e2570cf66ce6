//! Reference data the platform ships: countries, WHO INSPIRE strategies, SDG indicators.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// A country of ISO 3166-1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    #[cfg_attr(feature = "openapi", schema(example = "KEN"))]
    pub code: String,
    /// English short name.
    pub name: String,
    /// French short name.
    pub name_fr: String,
    /// Spanish short name.
    pub name_es: String,
    /// Portuguese short name.
    pub name_pt: String,
    /// UN M49 region: Africa, Americas, Asia, Europe or Oceania.
    pub region: String,
    /// Member of the pioneer alliance.
    pub pioneer: bool,
}

/// Filters of `GET /countries`.
impl Country {
    /// The country's name in the language `code` (`en`, `fr`, `es`, `pt`); English otherwise.
    pub fn name_in(&self, code: &str) -> &str {
        match code {
            "fr" => &self.name_fr,
            "es" => &self.name_es,
            "pt" => &self.name_pt,
            _ => &self.name,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CountryQuery {
    /// Only pioneer countries (`true`) or only the others (`false`).
    pub pioneer: Option<bool>,
    /// UN region, e.g. `Africa` (case-insensitive).
    pub region: Option<String>,
}

/// One of the seven WHO INSPIRE strategies to end violence against children.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Strategy {
    #[cfg_attr(feature = "openapi", schema(example = "I"))]
    pub code: String,
    pub name: String,
    pub name_fr: String,
    pub name_es: String,
    pub name_pt: String,
}

/// An SDG indicator on violence against children.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicator {
    #[cfg_attr(feature = "openapi", schema(example = "16.2.1"))]
    pub code: String,
    /// Official English title.
    pub title: String,
    pub title_fr: String,
    pub title_es: String,
    pub title_pt: String,
}

/// Reference data named in each language of the UI.
pub trait Localized {
    /// The names in English, French, Spanish and Portuguese.
    fn names(&self) -> [&str; 4];

    /// The name in the language `code` (`en`, `fr`, `es`, `pt`); English for another language
    /// or an empty name.
    fn name_in(&self, code: &str) -> &str {
        let [en, fr, es, pt] = self.names();
        let name = match code {
            "fr" => fr,
            "es" => es,
            "pt" => pt,
            _ => en,
        };
        if name.is_empty() { en } else { name }
    }
}

impl Localized for Country {
    fn names(&self) -> [&str; 4] {
        [&self.name, &self.name_fr, &self.name_es, &self.name_pt]
    }
}

impl Localized for Strategy {
    fn names(&self) -> [&str; 4] {
        [&self.name, &self.name_fr, &self.name_es, &self.name_pt]
    }
}

impl Localized for Indicator {
    fn names(&self) -> [&str; 4] {
        [&self.title, &self.title_fr, &self.title_es, &self.title_pt]
    }
}

/// Reference codes that inputs must name: INSPIRE strategies and SDG indicators.
pub struct Reference<'a> {
    pub strategies: &'a BTreeSet<String>,
    pub indicators: &'a BTreeSet<String>,
}

/// The reference codes themselves, read once from the database (they change only with a
/// migration); [`ReferenceCodes::reference`] lends them to the checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReferenceCodes {
    pub strategies: BTreeSet<String>,
    pub indicators: BTreeSet<String>,
}

impl ReferenceCodes {
    pub fn reference(&self) -> Reference<'_> {
        Reference {
            strategies: &self.strategies,
            indicators: &self.indicators,
        }
    }
}
