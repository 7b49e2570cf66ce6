//! Schemas of answers that no domain type carries.

// The bytes of a file (an export): named `body = inline(Binary)` in a response, it is documented
// as `{"type": "string", "format": "binary"}`. `Vec<u8>` would read as an array of integers, as
// if the client received JSON numbers. No doc comment: it would become the schema's description.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct Binary(pub Vec<u8>);

/// `POST /membership-applications`: the form as JSON, and the signed letter.
#[derive(utoipa::ToSchema)]
pub struct ApplicationUpload {
    /// The application (`Content-Type: application/json`).
    pub application: pioneer_domain::membership::application::ApplicationForm,
    /// The letter signed by the minister: a PDF of at most 5 MB.
    #[schema(value_type = String, format = Binary)]
    pub letter: Vec<u8>,
}

/// `POST /resources/{id}/files`: one file.
#[derive(utoipa::ToSchema)]
pub struct FileUpload {
    /// PDF, image (PNG, JPEG, GIF, WebP), MP4, Word, Excel, PowerPoint, OpenDocument text, or
    /// plain text / CSV; at most 25 MB.
    #[schema(value_type = String, format = Binary)]
    pub file: Vec<u8>,
}
