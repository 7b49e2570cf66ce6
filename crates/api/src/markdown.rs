//! Markdown written by members (knowledge resources, comments, discussions) to HTML that is safe
//! to put in a page: CommonMark with tables, strikethrough and task lists (`pulldown-cmark`), then
//! an allow-list sanitiser (`ammonia`) so that no script ever runs from user content — no
//! `<script>`, no event handlers, no `style`, no `javascript:` or `data:` URLs, no SVG, no
//! frames or forms — and every link opens with `rel="noopener noreferrer"`.
//!
//! The sanitiser is built once ([`Markdown::new`], kept in the app state): its allow-lists are
//! sets that cost something to make.

use std::collections::HashSet;

use ammonia::{Builder, UrlRelative};
use pulldown_cmark::{Options, Parser, html};

/// The link schemes a member's text may use.
const URL_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The tags a rendered text may keep: what CommonMark produces, no more.
const TAGS: [&str; 33] = [
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "input",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "dl",
    "dt",
    "dd",
];

pub struct Markdown {
    sanitiser: Builder<'static>,
}

impl Default for Markdown {
    fn default() -> Self {
        Self::new()
    }
}

impl Markdown {
    /// The one sanitiser of the process, built once.
    pub fn shared() -> &'static Markdown {
        static SHARED: std::sync::LazyLock<Markdown> = std::sync::LazyLock::new(Markdown::new);
        &SHARED
    }

    pub fn new() -> Self {
        let mut sanitiser = Builder::empty();
        sanitiser
            .tags(HashSet::from(TAGS))
            .tag_attributes(
                [
                    ("a", HashSet::from(["href", "title"])),
                    ("img", HashSet::from(["src", "alt", "title"])),
                    ("th", HashSet::from(["align"])),
                    ("td", HashSet::from(["align"])),
                    ("ol", HashSet::from(["start"])),
                ]
                .into(),
            )
            // Task lists: a disabled checkbox, nothing a reader can submit.
            .set_tag_attribute_value("input", "type", "checkbox")
            .set_tag_attribute_value("input", "disabled", "")
            .allowed_classes(
                [(
                    "code",
                    HashSet::from([
                        "language-rust",
                        "language-sql",
                        "language-json",
                        "language-text",
                    ]),
                )]
                .into(),
            )
            .url_schemes(HashSet::from(URL_SCHEMES))
            .url_relative(UrlRelative::Deny)
            .link_rel(Some("noopener noreferrer"))
            .strip_comments(true);
        Self { sanitiser }
    }

    /// The HTML of `source`, sanitised.
    pub fn to_html(&self, source: &str) -> String {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_FOOTNOTES;
        let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
        html::push_html(&mut unsafe_html, Parser::new_ext(source, options));
        self.sanitiser.clean(&unsafe_html).to_string()
    }
}

/// The words of `source` without its markup, for the search index and its snippets.
pub fn plain_text(source: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut text = String::with_capacity(source.len());
    for event in Parser::new_ext(source, Options::ENABLE_TABLES) {
        match event {
            Event::Text(words) | Event::Code(words) => text.push_str(&words),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => {
                text.push('\n');
            }
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::Markdown;

    /// What must never come out of a member's text, whatever they write.
    fn assert_inert(html: &str, payload: &str) {
        let lower = html.to_ascii_lowercase();
        for forbidden in [
            "<script",
            "javascript:",
            "vbscript:",
            "data:",
            "<svg",
            "<math",
            "<iframe",
            "<object",
            "<embed",
            "<form",
            "<style",
            "<link",
            "<meta",
            "<base",
            "style=",
            "srcdoc",
            "formaction",
        ] {
            assert!(
                !lower.contains(forbidden),
                "{forbidden} survived {payload:?}: {html}"
            );
        }
        // No event handler attribute of any name (onerror, onload, onmouseover, …).
        let mut rest = lower.as_str();
        while let Some(at) = rest.find(" on") {
            let after = &rest[at + 3..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            let attr_follows = after[name.len()..].trim_start().starts_with('=');
            // Inside a tag only: text such as "based on facts" is fine.
            let inside_tag = rest[..at].rfind('<') > rest[..at].rfind('>');
            assert!(
                !(inside_tag && attr_follows && !name.is_empty()),
                "an on{name} handler survived {payload:?}: {html}"
            );
            rest = after;
        }
    }

    const PAYLOADS: [&str; 24] = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" onerror=\"alert(1)\" />",
        "<body onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\"java&#x09;script:alert(1)\">tab</a>",
        "[click](javascript:alert(1))",
        "[click](  javascript:alert(1)  )",
        "![img](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<svg onload=alert(1)><circle r=10 /></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<form action=\"https://evil.example\"><button formaction=\"javascript:alert(1)\">go</button></form>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p onmouseover=\"alert(1)\">hover</p>",
        "<scr<script>ipt>alert(1)</script>",
        "<<img src=x onerror=alert(1)//<",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a><!-- <script>alert(1)</script> -->",
    ];

    #[test]
    fn no_payload_survives() {
        let markdown = Markdown::new();
        for payload in PAYLOADS {
            let html = markdown.to_html(payload);
            assert_inert(&html, payload);
            // Inside a paragraph, a code span or a list too.
            for wrapped in [
                format!("Some text {payload} and more."),
                format!("- item {payload}"),
                format!("> {payload}"),
            ] {
                assert_inert(&markdown.to_html(&wrapped), &wrapped);
            }
        }
    }

    #[test]
    fn the_checker_would_see_a_handler() {
        // The payload check itself must fail on what it looks for.
        let result =
            std::panic::catch_unwind(|| assert_inert("<img src=x onerror=alert(1)>", "raw"));
        assert!(result.is_err());
        let result = std::panic::catch_unwind(|| assert_inert("<p>based on facts</p>", "text"));
        assert!(result.is_ok());
    }

    #[test]
    fn markdown_is_rendered_and_links_are_safe() {
        let markdown = Markdown::new();
        let html = markdown.to_html(
            "# Parenting programmes\n\nSee **the evidence** and [the report](https://who.int/report).\n\n\
             | Country | Reach |\n|---|---|\n| Kenya | 12 000 |\n\n- [x] translated\n- [ ] printed\n\n~~old~~",
        );
        assert!(html.contains("<h1>Parenting programmes</h1>"), "{html}");
        assert!(html.contains("<strong>the evidence</strong>"), "{html}");
        assert!(
            html.contains(
                "<a href=\"https://who.int/report\" rel=\"noopener noreferrer\">the report</a>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<table>") && html.contains("<td>Kenya</td>"),
            "{html}"
        );
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(
            html.contains("type=\"checkbox\"") && html.contains("disabled"),
            "{html}"
        );
    }

    #[test]
    fn text_that_looks_like_html_is_shown_not_run() {
        let html = Markdown::new().to_html("Use `<script>` tags? 3 < 5 & 6 > 2");
        assert!(html.contains("<code>&lt;script&gt;</code>"), "{html}");
        assert!(html.contains("3 &lt; 5 &amp; 6 &gt; 2"), "{html}");
    }

    #[test]
    fn relative_and_odd_links_lose_their_target() {
        let markdown = Markdown::new();
        for link in [
            "[x](/admin)",
            "[x](//evil.example)",
            "[x](file:///etc/passwd)",
        ] {
            let html = markdown.to_html(link);
            assert!(!html.contains("href"), "{link}: {html}");
            assert!(html.contains('x'), "{link}: {html}");
        }
        let html = markdown.to_html("[write](mailto:secretariat@alliance.example)");
        assert!(
            html.contains("href=\"mailto:secretariat@alliance.example\""),
            "{html}"
        );
    }
}
