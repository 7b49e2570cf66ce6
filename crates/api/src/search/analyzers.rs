//! How text becomes searchable terms, one analyzer per language of the UI: words split on
//! anything that is not a letter or a digit, lower-cased, accents folded to ASCII (so "ecole"
//! finds "école" and a phone keyboard without accents finds everything), then stemmed with the
//! language's Snowball stemmer ("violences" finds "violence", "parenting" finds "parents",
//! "niños" finds "niño"). Folding comes before stemming, on the text indexed and on the query
//! alike, so both meet on the same stem.

use tantivy::Index;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};

/// The analyzers' names, as the index schema names them: one per language of the UI.
pub const LANGUAGES: [(&str, Language); 4] = [
    ("fr", Language::French),
    ("en", Language::English),
    ("es", Language::Spanish),
    ("pt", Language::Portuguese),
];

/// The name of the analyzer of `language` (`fr`, `en`, `es`, `pt`).
pub fn analyzer_name(language: &str) -> String {
    format!("text_{language}")
}

/// Longer "words" are not words (a pasted URL, a hash): not indexed.
const LONGEST_WORD: usize = 40;

fn analyzer(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(language))
        .build()
}

/// Registers the four analyzers on `index` (each time it is opened: tantivy does not keep them).
pub fn register(index: &Index) {
    for (code, language) in LANGUAGES {
        index
            .tokenizers()
            .register(&analyzer_name(code), analyzer(language));
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::QueryParser;
    use tantivy::schema::{IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions};
    use tantivy::{Index, TantivyDocument, doc};

    use super::{LANGUAGES, analyzer, analyzer_name, register};

    fn terms(language: &str, text: &str) -> Vec<String> {
        let (_, lang) = LANGUAGES
            .into_iter()
            .find(|(code, _)| *code == language)
            .expect("a language of the UI");
        let mut analyzer = analyzer(lang);
        let mut stream = analyzer.token_stream(text);
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(stream.token().text.clone());
        }
        terms
    }

    #[test]
    fn accents_case_and_endings_meet_on_one_stem() {
        assert_eq!(terms("fr", "écoles"), terms("fr", "ecole"));
        assert_eq!(terms("fr", "École"), terms("fr", "ecoles"));
        assert_eq!(terms("fr", "violences"), terms("fr", "violence"));
        assert_eq!(terms("en", "parenting"), terms("en", "parents"));
        assert_eq!(terms("es", "niños"), terms("es", "niño"));
        assert_eq!(terms("pt", "crianças"), terms("pt", "criança"));
        // Different words stay different.
        assert_ne!(terms("fr", "école"), terms("fr", "enfant"));
        assert_ne!(terms("en", "parenting"), terms("en", "painting"));
    }

    #[test]
    fn long_tokens_are_left_out() {
        let long = "a".repeat(60);
        assert_eq!(terms("en", &format!("child {long} protection")).len(), 2);
    }

    /// A search as members will make it: a document in its language's field, found by words
    /// typed without accents or in another form.
    #[test]
    fn an_index_finds_documents_by_folded_and_stemmed_words() {
        let mut builder = Schema::builder();
        let fields: Vec<_> = LANGUAGES
            .iter()
            .map(|(code, _)| {
                let indexing = TextFieldIndexing::default()
                    .set_tokenizer(&analyzer_name(code))
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions);
                let options = TextOptions::default()
                    .set_indexing_options(indexing)
                    .set_stored();
                builder.add_text_field(&format!("body_{code}"), options)
            })
            .collect();
        let title = builder.add_text_field("title", STORED);
        let index = Index::create_in_ram(builder.build());
        register(&index);
        let mut writer = index.writer(15_000_000).expect("a writer");
        let documents = [
            (
                0,
                "Écoles sans violence",
                "Les écoles protègent les enfants des violences.",
            ),
            (
                1,
                "Parenting programmes",
                "Parents learn positive discipline.",
            ),
            (2, "Niños seguros", "Programas para el niño y su familia."),
            (3, "Escolas seguras", "As crianças aprendem sem medo."),
        ];
        for (language, name, body) in documents {
            let mut document = doc!(title => name);
            document.add_text(fields[language], body);
            writer.add_document(document).expect("added");
        }
        writer.commit().expect("committed");
        let reader = index.reader().expect("a reader");
        let searcher = reader.searcher();
        let parser = QueryParser::for_index(&index, fields.clone());
        let found = |query: &str| -> Vec<String> {
            let query = parser.parse_query(query).expect("a query");
            searcher
                .search(&query, &TopDocs::with_limit(10).order_by_score())
                .expect("searched")
                .into_iter()
                .filter_map(|(_, address)| {
                    let document: TantivyDocument = searcher.doc(address).ok()?;
                    let value = document.get_first(title)?;
                    tantivy::schema::Value::as_str(&value).map(str::to_owned)
                })
                .collect()
        };
        assert_eq!(found("ecole"), ["Écoles sans violence"]);
        assert_eq!(found("violence"), ["Écoles sans violence"]);
        assert_eq!(found("parenting"), ["Parenting programmes"]);
        assert_eq!(found("ninos"), ["Niños seguros"]);
        assert_eq!(found("criancas"), ["Escolas seguras"]);
        assert!(found("painting").is_empty());
    }
}
