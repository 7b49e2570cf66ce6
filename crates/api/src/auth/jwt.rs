//! Short-lived access tokens: HS256 JWTs naming the member.

use std::time::Duration;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The member's id.
    pub sub: Uuid,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    /// Distinguishes tokens minted in the same second.
    pub jti: Uuid,
}

/// How far apart two replicas' clocks may be.
const LEEWAY_SECS: i64 = 5;

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    pub ttl: Duration,
}

impl JwtKeys {
    pub fn new(secret: &str, ttl: Duration) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        // The validity window is checked against the server's clock (`verify`), not the
        // library's reading of the system time.
        validation.validate_exp = false;
        validation.validate_nbf = false;
        validation.set_required_spec_claims(&["exp", "nbf", "sub", "iat"]);
        Self {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
            validation,
            ttl,
        }
    }

    pub fn issue(
        &self,
        user_id: Uuid,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let iat = now.timestamp();
        let claims = Claims {
            sub: user_id,
            iat,
            nbf: iat,
            exp: iat + i64::try_from(self.ttl.as_secs()).unwrap_or(i64::MAX / 2),
            jti: Uuid::now_v7(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
    }

    /// Checks the signature, the algorithm (HS256 only: `none` and others are refused) and the
    /// validity window at `now`, with a few seconds of leeway for clocks that differ.
    pub fn verify(
        &self,
        token: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Claims, jsonwebtoken::errors::Error> {
        use jsonwebtoken::errors::ErrorKind;
        let claims =
            jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)?.claims;
        let now = now.timestamp();
        if claims.exp <= now - LEEWAY_SECS {
            return Err(ErrorKind::ExpiredSignature.into());
        }
        if claims.nbf > now + LEEWAY_SECS {
            return Err(ErrorKind::ImmatureSignature.into());
        }
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "a-test-secret-that-is-long-enough-0123456789";

    #[test]
    fn a_signed_token_verifies_and_names_its_user() {
        let keys = JwtKeys::new(SECRET, Duration::from_secs(60));
        let user = Uuid::now_v7();
        let token = keys.issue(user, chrono::Utc::now()).unwrap();
        assert_eq!(keys.verify(&token, chrono::Utc::now()).unwrap().sub, user);
    }

    #[test]
    fn a_token_signed_with_another_secret_is_refused() {
        let keys = JwtKeys::new(SECRET, Duration::from_secs(60));
        let other = JwtKeys::new(
            "another-secret-that-is-long-enough-000000000",
            Duration::from_secs(60),
        );
        let token = other.issue(Uuid::now_v7(), chrono::Utc::now()).unwrap();
        assert!(keys.verify(&token, chrono::Utc::now()).is_err());
    }

    #[test]
    fn an_expired_token_is_refused() {
        let keys = JwtKeys::new(SECRET, Duration::from_secs(60));
        let token = keys
            .issue(
                Uuid::now_v7(),
                chrono::Utc::now() - chrono::Duration::minutes(5),
            )
            .unwrap();
        assert!(keys.verify(&token, chrono::Utc::now()).is_err());
    }
}
