//! Schemas of answers that no domain type carries.

// The bytes of a file (an export): named `body = inline(Binary)` in a response, it is documented
// as `{"type": "string", "format": "binary"}`. `Vec<u8>` would read as an array of integers, as
// if the client received JSON numbers. No doc comment: it would become the schema's description.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct Binary(pub Vec<u8>);
