//! Serving the built SPA: its files, the fallback to `index.html` for the SPA's routes, cache
//! headers (hashed assets cached for a year, `index.html` never) and its Content-Security-Policy.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, AcceptEncoding, ContentEncoding, Encoding, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, Responder, guard, web};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::error::ApiError;
use crate::state::AppState;

/// A policy that lets the SPA run with no `unsafe-inline` script: its only inline script,
/// trunk's loader, is allowed by hash; WebAssembly needs `wasm-unsafe-eval`.
pub fn content_security_policy(spa_dir: &Path) -> String {
    let index = std::fs::read_to_string(spa_dir.join("index.html")).unwrap_or_default();
    let hashes: String = inline_scripts(&index)
        .map(|script| {
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()))
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// The bodies of the `<script>` elements that have no `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, rest) = rest.split_once('>')?;
        if attributes.contains("src=") {
            return None;
        }
        rest.split_once("</script>").map(|(body, _)| body)
    })
}

/// trunk names built assets `name-<hex hash>.ext` (up to 16 digits): such a file never changes.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file
        .split('.')
        .next()
        .unwrap_or(file)
        .trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (8..=16).contains(&hash.len()) && hash.chars().all(|c| c.is_ascii_hexdigit())
    })
}

/// Cache and CSP headers for everything that is not the API.
pub async fn headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let path = req.path().to_owned();
    let csp = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.spa_csp.clone());
    let mut response = next.call(req).await?;
    if path.starts_with("/api/") {
        return Ok(response);
    }
    // The web app's files and routes are only read: say so (the file server's 405 does not;
    // the probes' own 405 already does).
    if response.status() == StatusCode::METHOD_NOT_ALLOWED
        && !response.headers().contains_key(header::ALLOW)
    {
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
    }
    if !response.status().is_success() && !response.status().is_redirection() {
        return Ok(response);
    }
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = response.headers_mut();
    if is_html {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        if let Some(Ok(csp)) = csp.map(|c| HeaderValue::from_str(&c)) {
            headers.insert(header::CONTENT_SECURITY_POLICY, csp);
        }
    } else if is_hashed_asset(&path) {
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
    }
    Ok(response)
}

/// The compressed copies that the build wrote beside the SPA's hashed files (`<file>.br`,
/// `<file>.gz`: see `cargo xtask spa`), listed once at start. The directory does not change
/// under a running server: a new build has new file names, and a new CSP hash to load anyway.
#[derive(Clone)]
pub struct Precompressed {
    dir: PathBuf,
    names: Arc<HashSet<String>>,
}

impl Precompressed {
    pub fn scan(dir: &Path) -> Self {
        let names = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|name| name.ends_with(".br") || name.ends_with(".gz"))
            .collect();
        Self {
            dir: dir.to_owned(),
            names: Arc::new(names),
        }
    }

    /// The compressed copy of the file at `path` to send, if the build made one in an encoding
    /// the client accepts (its preference first; brotli before gzip when it has none).
    fn pick(
        &self,
        path: &str,
        accepted: Option<&AcceptEncoding>,
    ) -> Option<(String, ContentEncoding)> {
        let file = path.strip_prefix('/')?;
        if file.contains('/') || !is_hashed_asset(file) {
            return None;
        }
        let offered = [Encoding::brotli(), Encoding::gzip(), Encoding::identity()];
        let available = offered.iter().filter(|encoding| {
            *encoding == &Encoding::identity() || self.names.contains(&copy_name(file, encoding))
        });
        let chosen = accepted?.negotiate(available)?;
        match chosen {
            Encoding::Known(encoding @ (ContentEncoding::Brotli | ContentEncoding::Gzip)) => {
                Some((copy_name(file, &chosen), encoding))
            }
            _ => None,
        }
    }
}

fn copy_name(file: &str, encoding: &Encoding) -> String {
    let extension = if encoding == &Encoding::brotli() {
        "br"
    } else {
        "gz"
    };
    format!("{file}.{extension}")
}

/// The copy that [`precompressed`]'s guard chose, handed to its handler with the request.
struct ChosenCopy(String, ContentEncoding);

/// Sends a compressed copy as it is, with the type of the file it is a copy of (the `Compress`
/// middleware leaves a response that names its encoding alone). Requests it does not match go
/// on to [`files`].
pub fn precompressed(copies: Precompressed) -> actix_web::Resource {
    let dir = copies.dir.clone();
    web::resource("/{file}")
        .guard(guard::Any(guard::Get()).or(guard::Head()))
        .guard(guard::fn_guard(move |ctx| {
            let accepted = ctx.header::<AcceptEncoding>();
            let Some((name, encoding)) = copies.pick(ctx.head().uri.path(), accepted.as_ref())
            else {
                return false;
            };
            ctx.req_data_mut().insert(ChosenCopy(name, encoding));
            true
        }))
        .to(move |req: HttpRequest| {
            let chosen = req.extensions_mut().remove::<ChosenCopy>();
            let dir = dir.clone();
            async move {
                let ChosenCopy(name, encoding) = chosen.ok_or_else(|| {
                    ApiError::internal(anyhow::anyhow!("no compressed copy was chosen"))
                })?;
                let original = req.path().trim_start_matches('/');
                let file = actix_files::NamedFile::open_async(dir.join(name))
                    .await?
                    .set_content_type(mime_guess::from_path(original).first_or_octet_stream())
                    .disable_content_disposition()
                    .set_content_encoding(encoding);
                let mut response = file.into_response(&req);
                response
                    .headers_mut()
                    .append(header::VARY, HeaderValue::from_static("accept-encoding"));
                Ok::<_, actix_web::Error>(response.map_into_boxed_body())
            }
        })
}

/// The built SPA's files; unknown paths fall through to [`fallback`].
pub fn files(dir: PathBuf) -> actix_files::Files {
    let fallback_dir = dir.clone();
    actix_files::Files::new("/", dir)
        .index_file("index.html")
        .default_handler(fn_service(move |req: ServiceRequest| {
            fallback(req, fallback_dir.clone())
        }))
}

/// Unknown API paths answer a JSON 404; any other path is a route of the SPA, which
/// `index.html` handles.
pub async fn fallback(req: ServiceRequest, spa_dir: PathBuf) -> actix_web::Result<ServiceResponse> {
    let (req, _) = req.into_parts();
    if req.path() == "/api" || req.path().starts_with("/api/") {
        let response = actix_web::ResponseError::error_response(&ApiError::not_found("endpoint"));
        return Ok(ServiceResponse::new(req, response));
    }
    let index = spa_dir.join("index.html");
    let response = match actix_files::NamedFile::open_async(&index).await {
        Ok(file) => file
            .customize()
            .insert_header((header::CACHE_CONTROL, "no-cache"))
            .respond_to(&req)
            .map_into_boxed_body(),
        Err(_) => HttpResponse::ServiceUnavailable()
            .content_type("text/plain; charset=utf-8")
            .body(format!(
                "The web app is not built ({} is missing): run `cargo xtask run`.",
                index.display()
            )),
    };
    Ok(ServiceResponse::new(req, response))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inline_scripts_are_hashed() {
        let html = r#"<script type="module">boot()</script><script src="/a.js"></script>"#;
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), ["boot()"]);
        let dir = std::env::temp_dir().join(format!("pioneer-csp-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), html).unwrap();
        let csp = content_security_policy(&dir);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"boot()"));
        assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
        let script_src = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(
            !script_src.contains("unsafe-inline"),
            "no inline script but by hash: {script_src}"
        );
        assert!(csp.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn trunk_hashed_assets_are_recognised() {
        assert!(is_hashed_asset(
            "/pioneer-frontend-70164ac67b686ce5_bg.wasm"
        ));
        assert!(is_hashed_asset("/pioneer-frontend-70164ac67b686ce5.js"));
        assert!(is_hashed_asset("/style-157cc3ce75e76c94.css"));
        assert!(
            is_hashed_asset("/style-b5f25850308e7d8.css"),
            "trunk drops leading zeros"
        );
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/favicon.ico"));
    }
}
