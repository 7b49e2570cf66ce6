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
    /// `None` when no documented path matches.
    pub fn allowed(&self, path: &str) -> Option<&[&'static str]> {
        let wanted: Vec<&str> = path.split('/').collect();
        self.0
            .iter()
            .find(|(template, _)| {
                template.len() == wanted.len()
                    && template.iter().zip(&wanted).all(|(t, w)| {
                        t == w || (t.starts_with('{') && t.ends_with('}') && !w.is_empty())
                    })
            })
            .map(|(_, methods)| methods.as_slice())
    }
}
