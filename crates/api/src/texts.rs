//! What the server writes for people (spreadsheet headings, and later e-mails), in the
//! languages of the UI, from the same translation files as the web app
//! (`pioneer_domain::languages`). API error messages stay English: they are for integrators.

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use pioneer_domain::languages::{LANGUAGES, position_of, preferred};

/// Every language's messages, parsed once at start.
pub struct Texts {
    bundles: Vec<FluentBundle<FluentResource>>,
}

/// A language of [`LANGUAGES`], by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLang(usize);

impl Texts {
    pub fn load() -> anyhow::Result<Self> {
        let bundles = LANGUAGES
            .iter()
            .map(|language| {
                let resource = FluentResource::try_new(language.messages.to_owned())
                    .map_err(|(_, e)| anyhow::anyhow!("locales/{}.ftl: {e:?}", language.code))?;
                let mut bundle = FluentBundle::new_concurrent(vec![language.code.parse()?]);
                bundle.set_use_isolating(false);
                bundle
                    .add_resource(resource)
                    .map_err(|e| anyhow::anyhow!("locales/{}.ftl: {e:?}", language.code))?;
                Ok(bundle)
            })
            .collect::<anyhow::Result<_>>()?;
        Ok(Self { bundles })
    }

    /// `?lang=` when it names a language of the UI, else the best of `Accept-Language`, else
    /// English.
    pub fn choose(&self, asked: Option<&str>, accept_language: Option<&str>) -> TextLang {
        asked
            .and_then(position_of)
            .or_else(|| accept_language.and_then(preferred))
            .map_or(TextLang(0), TextLang)
    }

    /// The message `id` (without placeholders) in `lang`; the English one if that file lacks it.
    pub fn get(&self, lang: TextLang, id: &str) -> String {
        [lang.0, 0]
            .into_iter()
            .find_map(|i| {
                let bundle = self.bundles.get(i)?;
                let pattern = bundle.get_message(id)?.value()?;
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, None, &mut errors);
                errors.is_empty().then(|| text.into_owned())
            })
            .unwrap_or_else(|| id.to_owned())
    }

    pub fn code(&self, lang: TextLang) -> &'static str {
        LANGUAGES[lang.0].code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_come_in_the_language_asked_for() {
        let texts = Texts::load().expect("the translation files parse");
        let spanish = texts.choose(Some("es"), Some("fr"));
        assert_eq!(texts.get(spanish, "export-budget"), "Presupuesto");
        let french = texts.choose(Some("xx"), Some("fr-CA,fr;q=0.9"));
        assert_eq!(texts.get(french, "export-sheet"), "Actions clés");
        assert_eq!(texts.code(texts.choose(None, None)), "en");
    }
}
