//! Authentication: passwords, access tokens (JWT), refresh and API tokens, the extractor that
//! turns a bearer token into a signed-in member, and login rate limits.

pub mod extractor;
pub mod jwt;
pub mod password;
pub mod rate_limit;
pub mod secret;
pub mod totp;

pub use extractor::CurrentUser;
