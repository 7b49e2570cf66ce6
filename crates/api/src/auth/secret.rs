//! Opaque random tokens (refresh and API tokens): shown to the client once, stored as SHA-256.

use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// Prefix of API tokens, so that they are recognisable in a secret scanner and in the extractor.
pub const API_TOKEN_PREFIX: &str = "phk_";

pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub fn sha256_hex(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The key of an API token in the row cache: the first half of its stored hash. Two tokens
/// share one only if their SHA-256 agree on 128 bits; the extractor checks the whole hash anyway.
pub fn api_token_key(token_hash: &str) -> uuid::Uuid {
    token_hash
        .get(..32)
        .and_then(|half| uuid::Uuid::try_parse(half).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_hashes_are_stable() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn an_api_tokens_cache_key_is_the_first_half_of_its_hash() {
        let hash = sha256_hex("phk_abc");
        assert_eq!(api_token_key(&hash).simple().to_string(), hash[..32]);
        assert_ne!(api_token_key(&hash), api_token_key(&sha256_hex("phk_abd")));
    }
}
