//! What every upload and download shares: reading `multipart/form-data` parts with a limit,
//! the errors of a malformed body, and the `attachment` header of a download.

use actix_multipart::MultipartError;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use futures_util::StreamExt;
use pioneer_domain::{ErrorCode, FieldError};

use crate::error::{ApiError, ApiResult};

/// `expected` names the parts the endpoint takes, e.g. "the parts `application` and `letter`".
pub fn multipart_error(err: &MultipartError, expected: &str) -> ApiError {
    match err {
        MultipartError::ContentTypeMissing
        | MultipartError::ContentTypeParse
        | MultipartError::ContentTypeIncompatible
        | MultipartError::BoundaryMissing => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedMediaType,
            format!("send `multipart/form-data` with {expected}"),
        ),
        other => ApiError::bad_request(
            ErrorCode::InvalidBody,
            format!("the multipart body does not parse: {other}"),
        ),
    }
}

/// 413: part `part` is over `limit` bytes.
pub fn too_large(part: &str, limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::PayloadTooLarge,
        format!("the part `{part}` is larger than {limit} bytes"),
    )
    .with_details(vec![FieldError::new(
        part,
        "too_large",
        format!("at most {limit} bytes"),
    )])
}

/// Reads one part whole, refusing it past `limit` bytes (without reading further).
pub async fn read_part(
    field: &mut actix_multipart::Field,
    name: &str,
    limit: usize,
) -> ApiResult<Vec<u8>> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(|e| multipart_error(&e, &format!("the part `{name}`")))?;
        if bytes.len() + chunk.len() > limit {
            return Err(too_large(name, limit));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// A file name to show and to send back: the last path segment, without control characters.
pub fn clean_file_name(raw: Option<&str>, fallback: &str) -> String {
    let name: String = raw
        .unwrap_or_default()
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(150)
        .collect();
    if name.trim().is_empty() {
        fallback.to_owned()
    } else {
        name
    }
}

/// 400: the part `part` was not sent.
pub fn missing(part: &str) -> ApiError {
    ApiError::bad_request(
        ErrorCode::InvalidBody,
        format!("the part `{part}` is missing"),
    )
    .with_details(vec![FieldError::new(
        part,
        "required",
        format!("the part `{part}` is required"),
    )])
}

/// `attachment` with the file's name: plain ASCII for every client, and the name as written
/// (RFC 5987) for those that read it.
pub fn attachment(name: &str) -> ContentDisposition {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut parameters = vec![DispositionParam::Filename(ascii)];
    if !name.is_ascii() {
        parameters.push(DispositionParam::FilenameExt(header::ExtendedValue {
            charset: header::Charset::Ext("UTF-8".into()),
            language_tag: None,
            value: name.as_bytes().to_vec(),
        }));
    }
    ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters,
    }
}
