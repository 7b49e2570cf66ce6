//! Which methods each documented path has, read from the spec once at start: what a request
//! that no handler took is answered (405 with `Allow` when the path has other methods, else 404).

use utoipa::openapi::OpenApi;

/// Path templates split into segments (`{id}` matches any segment), with their methods.
pub struct MethodTable(Vec<(Vec<String>, Vec<&'static str>)>);

impl MethodTable {
    pub fn from_spec(spec: &OpenApi) -> Self {
        let routes = spec
            .paths
            .paths
            .iter()
            .map(|(template, item)| {
                let segments = template.split('/').map(str::to_owned).collect();
                let methods = [
                    ("GET", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ]
                .into_iter()
                .filter_map(|(method, present)| present.then_some(method))
                .collect();
                (segments, methods)
            })
            .collect();
        Self(routes)
    }

    /// The methods the spec documents for a concrete request path (`/api/v1/users/0190…`), or
    /// `None` when no documented path matches. The most literal template wins, so that
    /// `/events/{id}.ics` takes `/events/0190….ics` before `/events/{id}` does.
    pub fn allowed(&self, path: &str) -> Option<&[&'static str]> {
        let wanted: Vec<&str> = path.split('/').collect();
        self.0
            .iter()
            .filter(|(template, _)| {
                template.len() == wanted.len()
                    && template
                        .iter()
                        .zip(&wanted)
                        .all(|(t, w)| segment_matches(t, w))
            })
            .max_by_key(|(template, _)| template.iter().map(|t| literal_len(t)).sum::<usize>())
            .map(|(_, methods)| methods.as_slice())
    }
}

/// The placeholder-free end of a template segment: `.ics` of `{id}.ics`, `""` of `{id}`;
/// `None` when the segment is no placeholder.
fn placeholder_suffix(template: &str) -> Option<&str> {
    let rest = template.strip_prefix('{')?;
    rest.find('}').map(|close| &rest[close + 1..])
}

fn segment_matches(template: &str, segment: &str) -> bool {
    match placeholder_suffix(template) {
        Some(suffix) => segment.len() > suffix.len() && segment.ends_with(suffix),
        None => template == segment,
    }
}

/// How much of a template segment is literal text.
fn literal_len(template: &str) -> usize {
    placeholder_suffix(template).map_or(template.len(), str::len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> MethodTable {
        MethodTable(vec![
            (
                "/api/v1/events/{id}"
                    .split('/')
                    .map(str::to_owned)
                    .collect(),
                vec!["GET", "PUT"],
            ),
            (
                "/api/v1/events/{id}.ics"
                    .split('/')
                    .map(str::to_owned)
                    .collect(),
                vec!["GET"],
            ),
        ])
    }

    #[test]
    fn the_most_literal_template_answers_for_a_path() {
        let table = table();
        assert_eq!(table.allowed("/api/v1/events/0190.ics"), Some(&["GET"][..]));
        assert_eq!(
            table.allowed("/api/v1/events/0190"),
            Some(&["GET", "PUT"][..])
        );
        assert_eq!(table.allowed("/api/v1/events/"), None);
        assert_eq!(table.allowed("/api/v1/other/0190"), None);
    }
}
