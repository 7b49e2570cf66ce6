//! What the server writes for people (spreadsheet headings, and later e-mails), in the
//! languages of the UI, from the same translation files as the web app
//! (`pioneer_domain::languages`). API error messages stay English: they are for integrators.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use pioneer_domain::languages::{LANGUAGES, position_of, preferred};

/// The mails' texts (`locales/mail/*.ftl`), in the order of [`LANGUAGES`]: apart from the web
/// app's file so that the app does not download them.
const MAIL_MESSAGES: [&str; 4] = [
    include_str!("../../../locales/mail/en.ftl"),
    include_str!("../../../locales/mail/fr.ftl"),
    include_str!("../../../locales/mail/es.ftl"),
    include_str!("../../../locales/mail/pt.ftl"),
];

/// Every language's messages, parsed once at start.
pub struct Texts {
    bundles: Vec<FluentBundle<FluentResource>>,
}

fn bundle(code: &str, sources: &[&str]) -> anyhow::Result<FluentBundle<FluentResource>> {
    let mut bundle = FluentBundle::new_concurrent(vec![code.parse()?]);
    bundle.set_use_isolating(false);
    for source in sources {
        let resource = FluentResource::try_new((*source).to_owned())
            .map_err(|(_, e)| anyhow::anyhow!("locales/{code}.ftl: {e:?}"))?;
        bundle
            .add_resource(resource)
            .map_err(|e| anyhow::anyhow!("locales/{code}.ftl: {e:?}"))?;
    }
    Ok(bundle)
}

/// A language of [`LANGUAGES`], by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextLang(usize);

impl Texts {
    pub fn load() -> anyhow::Result<Self> {
        anyhow::ensure!(
            MAIL_MESSAGES.len() == LANGUAGES.len(),
            "a mail file per language"
        );
        let bundles = LANGUAGES
            .iter()
            .zip(MAIL_MESSAGES)
            .map(|(language, mail)| bundle(language.code, &[language.messages, mail]))
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
        self.format(lang, id, &[])
    }

    /// The message `id` in `lang` with its placeholders filled from `args`; the English one if
    /// that file lacks it.
    pub fn format(&self, lang: TextLang, id: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        [lang.0, 0]
            .into_iter()
            .find_map(|i| {
                let bundle = self.bundles.get(i)?;
                let pattern = bundle.get_message(id)?.value()?;
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                errors.is_empty().then(|| text.into_owned())
            })
            .unwrap_or_else(|| id.to_owned())
    }

    /// The language whose code is `code`; English for any other.
    pub fn lang(&self, code: &str) -> TextLang {
        TextLang(position_of(code).unwrap_or(0))
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

    /// Every mail file has the messages and placeholders of the English one, so that no mail
    /// goes out half in English or with `{ $link }` unfilled.
    #[test]
    fn every_mail_file_has_every_message_with_its_placeholders() {
        fn messages(source: &str) -> std::collections::BTreeMap<String, Vec<String>> {
            let mut out = std::collections::BTreeMap::new();
            let mut current = None::<String>;
            for line in source.lines() {
                if let Some((id, _)) = line.split_once(" =")
                    && !line.starts_with([' ', '#'])
                {
                    current = Some(id.trim().to_owned());
                    out.insert(id.trim().to_owned(), Vec::new());
                }
                if let Some(id) = &current {
                    let mut rest = line;
                    while let Some(start) = rest.find("{ $") {
                        let after = &rest[start + 3..];
                        let end = after.find([' ', '}']).unwrap_or(after.len());
                        let placeholders = out.get_mut(id).expect("inserted");
                        placeholders.push(after[..end].to_owned());
                        rest = &after[end..];
                    }
                }
            }
            for placeholders in out.values_mut() {
                placeholders.sort();
                placeholders.dedup();
            }
            out
        }
        let english = messages(MAIL_MESSAGES[0]);
        assert!(english.len() >= 10, "the mail file has its messages");
        for (language, source) in LANGUAGES.iter().zip(MAIL_MESSAGES).skip(1) {
            assert_eq!(
                messages(source),
                english,
                "locales/mail/{}.ftl",
                language.code
            );
        }
        let texts = Texts::load().expect("the translation files parse");
        let french = texts.lang("fr");
        let text = texts.format(
            french,
            "mail-invitation-subject",
            &[("platform", "Pioneer Hub")],
        );
        assert!(!text.contains('{'), "{text}");
    }
}
