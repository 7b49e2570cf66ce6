//! Where the files attached to resources are kept: a directory by default, S3-compatible
//! object storage when configured (`object_store` for both). A file is written whole or not at
//! all (the directory store writes a temporary file and renames it; S3 puts are atomic).

use std::sync::Arc;

use bytes::Bytes;
use http_body_util::BodyExt;
use object_store::aws::AmazonS3Builder;
use object_store::client::{
    ClientOptions, HttpClient, HttpConnector, HttpError, HttpErrorKind, HttpRequest, HttpResponse,
    HttpResponseBody, HttpService,
};
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use crate::config::{FilesConfig, S3Config};

/// The object store of the resources' files.
#[derive(Clone)]
pub struct FileStore {
    store: Arc<dyn ObjectStore>,
    /// What the logs say it is.
    pub describe: String,
}

impl std::fmt::Debug for FileStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe)
    }
}

impl FileStore {
    pub fn open(config: &FilesConfig) -> anyhow::Result<Self> {
        match &config.s3 {
            Some(s3) => Self::s3(s3),
            None => {
                std::fs::create_dir_all(&config.dir)?;
                let store = LocalFileSystem::new_with_prefix(&config.dir)?;
                Ok(Self {
                    store: Arc::new(store),
                    describe: format!("directory {}", config.dir.display()),
                })
            }
        }
    }

    fn s3(config: &S3Config) -> anyhow::Result<Self> {
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(&config.bucket)
            .with_region(&config.region)
            .with_access_key_id(&config.access_key_id)
            .with_secret_access_key(&config.secret_access_key)
            .with_http_connector(RustlsConnector);
        if let Some(endpoint) = &config.endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"))
                .with_virtual_hosted_style_request(false);
        }
        Ok(Self {
            store: Arc::new(builder.build()?),
            describe: format!("S3 bucket {}", config.bucket),
        })
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> object_store::Result<()> {
        self.store
            .put(&Path::from(key), PutPayload::from(bytes))
            .await
            .map(drop)
    }

    pub async fn get(&self, key: &str) -> object_store::Result<Bytes> {
        self.store.get(&Path::from(key)).await?.bytes().await
    }

    pub async fn delete(&self, key: &str) -> object_store::Result<()> {
        match self.store.delete(&Path::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// HTTP for the S3 client through the server's own reqwest with rustls on ring (object_store's
/// own connector would bring a second TLS stack).
#[derive(Debug)]
struct RustlsConnector;

impl HttpConnector for RustlsConnector {
    fn connect(&self, options: &ClientOptions) -> object_store::Result<HttpClient> {
        let timeout = options
            .get_config_value(&object_store::ClientConfigKey::Timeout)
            .and_then(|raw| humantime_seconds(&raw))
            .unwrap_or(std::time::Duration::from_secs(30));
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .map_err(|e| object_store::Error::Generic {
                store: "S3",
                source: Box::new(e),
            })?;
        Ok(HttpClient::new(ReqwestService(client)))
    }
}

/// `"30s"` or `"30"` as seconds, as object_store writes its timeouts.
fn humantime_seconds(raw: &str) -> Option<std::time::Duration> {
    raw.trim_end_matches('s')
        .parse::<u64>()
        .ok()
        .map(std::time::Duration::from_secs)
}

#[derive(Debug)]
struct ReqwestService(reqwest::Client);

fn http_error(e: reqwest::Error) -> HttpError {
    let kind = if e.is_timeout() {
        HttpErrorKind::Timeout
    } else if e.is_connect() {
        HttpErrorKind::Connect
    } else if e.is_body() || e.is_decode() {
        HttpErrorKind::Decode
    } else {
        HttpErrorKind::Request
    };
    HttpError::new(kind, e)
}

#[async_trait::async_trait]
impl HttpService for ReqwestService {
    async fn call(&self, req: HttpRequest) -> Result<HttpResponse, HttpError> {
        let (parts, body) = req.into_parts();
        let body = body.collect().await?.to_bytes();
        let url = reqwest::Url::parse(&parts.uri.to_string())
            .map_err(|e| HttpError::new(HttpErrorKind::Request, e))?;
        let mut request = reqwest::Request::new(parts.method, url);
        *request.headers_mut() = parts.headers;
        *request.body_mut() = Some(body.into());
        let response = self.0.execute(request).await.map_err(http_error)?;
        let mut answer = http::Response::builder().status(response.status());
        if let Some(headers) = answer.headers_mut() {
            *headers = response.headers().clone();
        }
        let bytes = response.bytes().await.map_err(http_error)?;
        answer
            .body(HttpResponseBody::from(bytes))
            .map_err(|e| HttpError::new(HttpErrorKind::Unknown, e))
    }
}
