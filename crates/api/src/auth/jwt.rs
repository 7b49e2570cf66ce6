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
    /// Set on a sign-in challenge (`totp`), which is not an access token; absent on access
    /// tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
}

/// The purpose of a two-factor sign-in challenge.
const TOTP_CHALLENGE: &str = "totp";
/// How long a challenge waits for its code.
const CHALLENGE_SECS: i64 = 300;

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
        let ttl = i64::try_from(self.ttl.as_secs()).unwrap_or(i64::MAX / 2);
        self.sign(user_id, now, ttl, None)
    }

    /// A challenge for the second factor: it names the member whose password was right, for five
    /// minutes, and opens nothing but `POST /auth/login/totp`.
    pub fn issue_challenge(
        &self,
        user_id: Uuid,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        self.sign(user_id, now, CHALLENGE_SECS, Some(TOTP_CHALLENGE.into()))
    }

    fn sign(
        &self,
        user_id: Uuid,
        now: chrono::DateTime<chrono::Utc>,
        ttl_secs: i64,
        purpose: Option<String>,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let iat = now.timestamp();
        let claims = Claims {
            sub: user_id,
            iat,
            nbf: iat,
            exp: iat.saturating_add(ttl_secs),
            jti: Uuid::now_v7(),
            purpose,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
    }

    /// The member a valid, unexpired challenge names.
    pub fn verify_challenge(
        &self,
        token: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Uuid, jsonwebtoken::errors::Error> {
        let claims = self.verify_any(token, now)?;
        if claims.purpose.as_deref() == Some(TOTP_CHALLENGE) {
            Ok(claims.sub)
        } else {
            Err(jsonwebtoken::errors::ErrorKind::InvalidToken.into())
        }
    }

    /// Checks the signature, the algorithm (HS256 only: `none` and others are refused) and the
    /// validity window at `now`, with a few seconds of leeway for clocks that differ.
    /// A challenge is not an access token.
    pub fn verify(
        &self,
        token: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Claims, jsonwebtoken::errors::Error> {
        let claims = self.verify_any(token, now)?;
        if claims.purpose.is_some() {
            return Err(jsonwebtoken::errors::ErrorKind::InvalidToken.into());
        }
        Ok(claims)
    }

    fn verify_any(
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
    fn a_challenge_is_not_an_access_token_nor_the_reverse() {
        let keys = JwtKeys::new(SECRET, Duration::from_secs(60));
        let user = Uuid::now_v7();
        let now = chrono::Utc::now();
        let challenge = keys.issue_challenge(user, now).unwrap();
        let access = keys.issue(user, now).unwrap();
        assert_eq!(keys.verify_challenge(&challenge, now).unwrap(), user);
        assert!(keys.verify(&challenge, now).is_err());
        assert!(keys.verify_challenge(&access, now).is_err());
        let later = now + chrono::Duration::minutes(6);
        assert!(keys.verify_challenge(&challenge, later).is_err());
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
