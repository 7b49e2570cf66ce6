//! Makes `Key`, one variant per message of the English translation file, so that a text the
//! code asks for and the files lack is a compile error. The files themselves are checked
//! against each other by the tests (`i18n::tests`).

use std::fmt::Write as _;
use std::path::Path;

fn variant(id: &str) -> String {
    id.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn main() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales/en.ftl");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source).expect("locales/en.ftl");
    let ids: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim()))
        .collect();
    let mut out = String::new();
    out.push_str("/// One visible string of the UI: a message of the translation files.\n");
    out.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for id in &ids {
        let _ = writeln!(out, "    {},", variant(id));
    }
    out.push_str("}\n\nimpl Key {\n    pub const ALL: &'static [Key] = &[\n");
    for id in &ids {
        let _ = writeln!(out, "        Key::{},", variant(id));
    }
    out.push_str("    ];\n\n    /// The message's id in the translation files.\n");
    out.push_str("    pub fn id(self) -> &'static str {\n        match self {\n");
    for id in &ids {
        let _ = writeln!(out, "            Key::{} => \"{id}\",", variant(id));
    }
    out.push_str("        }\n    }\n}\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("keys.rs");
    std::fs::write(dest, out).expect("writing keys.rs");
}
