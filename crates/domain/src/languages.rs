//! The languages the platform speaks, with their translation files (`locales/*.ftl`, Fluent):
//! the web app and the server read the same files. Adding a language is a new file and one line
//! in [`LANGUAGES`].

/// How a language writes numbers and sums of money.
#[derive(Debug)]
pub struct NumberStyle {
    pub decimal: char,
    /// Between groups of three digits.
    pub group: &'static str,
    /// `€1,234.50` (symbol first, no space), `€ 1.234,50` (first, spaced) or `1 234,50 €`.
    pub currency_first: bool,
    pub currency_space: bool,
}

/// A language the UI speaks.
#[derive(Debug)]
pub struct Language {
    /// BCP 47 tag, as written in `<html lang>` and in localStorage.
    pub code: &'static str,
    /// The language's name in itself, as the switcher shows it.
    pub native_name: &'static str,
    pub numbers: NumberStyle,
    /// The translation file (Fluent).
    pub messages: &'static str,
}

/// Every language of the UI; the first is the fallback.
pub const LANGUAGES: &[Language] = &[
    Language {
        code: "en",
        native_name: "English",
        numbers: NumberStyle {
            decimal: '.',
            group: ",",
            currency_first: true,
            currency_space: false,
        },
        messages: include_str!("../../../locales/en.ftl"),
    },
    Language {
        code: "fr",
        native_name: "Français",
        numbers: NumberStyle {
            decimal: ',',
            group: "\u{202f}",
            currency_first: false,
            currency_space: true,
        },
        messages: include_str!("../../../locales/fr.ftl"),
    },
    Language {
        code: "es",
        native_name: "Español",
        numbers: NumberStyle {
            decimal: ',',
            group: ".",
            currency_first: false,
            currency_space: true,
        },
        messages: include_str!("../../../locales/es.ftl"),
    },
    Language {
        code: "pt",
        native_name: "Português",
        numbers: NumberStyle {
            decimal: ',',
            group: ".",
            currency_first: true,
            currency_space: true,
        },
        messages: include_str!("../../../locales/pt.ftl"),
    },
];

/// The language a tag such as `fr-FR` or `es_419` names, if the platform speaks it.
pub fn position_of(tag: &str) -> Option<usize> {
    let primary = tag
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    LANGUAGES
        .iter()
        .position(|language| language.code == primary)
}

/// The first language of an `Accept-Language` header that the platform speaks, taking the
/// tags by their weight (`q`), the first listed first among equals.
pub fn preferred(accept_language: &str) -> Option<usize> {
    let mut tags: Vec<(f32, usize, &str)> = accept_language
        .split(',')
        .enumerate()
        .map(|(order, item)| {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (weight, order, tag)
        })
        .filter(|(weight, _, _)| *weight > 0.0)
        .collect();
    tags.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    tags.into_iter().find_map(|(_, _, tag)| position_of(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_language_a_browser_asks_for_is_chosen() {
        let code = |header: &str| preferred(header).map(|i| LANGUAGES[i].code);
        assert_eq!(code("pt-BR,pt;q=0.9,en;q=0.8"), Some("pt"));
        assert_eq!(code("de-DE, es;q=0.5, fr;q=0.7"), Some("fr"));
        assert_eq!(code("de, it"), None);
        assert_eq!(code("fr;q=0, en"), Some("en"));
        assert_eq!(position_of("es_419").map(|i| LANGUAGES[i].code), Some("es"));
    }
}
