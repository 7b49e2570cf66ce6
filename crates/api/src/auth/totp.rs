//! Time-based one-time passwords (RFC 6238: SHA-1, six digits, 30-second steps, one step of
//! skew either side) with `totp-rs`, and recovery codes.

use chrono::{DateTime, Utc};
use qrcode::QrCode;
use qrcode::render::svg;
use rand::{Rng, RngCore};
use totp_rs::{Algorithm, Builder, Secret, Totp};

/// The name authenticator apps show beside the code.
const ISSUER: &str = "Pioneer Hub";
/// Letters and digits nobody confuses (no 0/o, 1/l/i).
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// A new random secret (160 bits, as RFC 4226 recommends), in base32.
pub fn new_secret() -> String {
    let mut bytes = vec![0u8; 20];
    rand::rng().fill_bytes(&mut bytes);
    Secret::from(bytes).to_base32()
}

fn totp(secret: &str, account: &str) -> anyhow::Result<Totp> {
    let secret =
        Secret::try_from_base32(secret).map_err(|e| anyhow::anyhow!("TOTP secret: {e}"))?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret)
        .with_account_name(account)
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|e| anyhow::anyhow!("TOTP: {e}"))
}

/// The `otpauth://` address of `secret` for `account`, and its QR code as SVG.
pub fn enrolment(secret: &str, account: &str) -> anyhow::Result<(String, String)> {
    let url = totp(secret, account)?
        .to_url()
        .map_err(|e| anyhow::anyhow!("TOTP URL: {e}"))?;
    let svg = QrCode::new(url.as_bytes())?
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Ok((url, svg))
}

/// The time step at which `code` is right for `secret` at `now` (within one step either side),
/// if it is.
pub fn matching_step(secret: &str, code: &str, now: DateTime<Utc>) -> Option<i64> {
    let totp = totp(secret, "member").ok()?;
    let time = u64::try_from(now.timestamp()).ok()?;
    totp.check(code, time)
        .and_then(|step| i64::try_from(step).ok())
}

/// Ten recovery codes such as `k7m2-q9xr-t4wp`.
pub fn recovery_codes() -> Vec<String> {
    let mut rng = rand::rng();
    (0..pioneer_domain::two_factor::RECOVERY_CODES)
        .map(|_| {
            let chars: String = (0..12)
                .map(|_| {
                    char::from(RECOVERY_ALPHABET[rng.random_range(0..RECOVERY_ALPHABET.len())])
                })
                .collect();
            format!("{}-{}-{}", &chars[..4], &chars[4..8], &chars[8..])
        })
        .collect()
}

/// What is stored of a recovery code: the SHA-256 of its letters and digits, lower-cased, so
/// that it works typed with or without its dashes, in either case.
pub fn recovery_code_hash(code: &str) -> String {
    let key: String = code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    crate::auth::secret::sha256_hex(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_matches_its_step_and_not_later_ones() {
        let secret = new_secret();
        let now = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).expect("time");
        let code = totp(&secret, "a@b.org")
            .expect("totp")
            .generate(u64::try_from(now.timestamp()).expect("positive"))
            .to_string();
        assert_eq!(matching_step(&secret, &code, now), Some(60_000_000));
        assert_eq!(
            matching_step(&secret, &code, now + chrono::Duration::seconds(30)),
            Some(60_000_000)
        );
        assert_eq!(
            matching_step(&secret, &code, now + chrono::Duration::seconds(90)),
            None
        );
        assert_eq!(
            matching_step(&secret, "000000", now).is_some(),
            code == "000000"
        );
    }

    #[test]
    fn enrolment_gives_an_otpauth_url_and_a_qr_code() {
        let (url, svg) = enrolment(&new_secret(), "focal@example.org").expect("enrolment");
        assert!(
            url.starts_with("otpauth://totp/Pioneer%20Hub:focal%40example.org?"),
            "{url}"
        );
        assert!(svg.contains("<svg"));
        let codes = recovery_codes();
        assert_eq!(codes.len(), 10);
        assert!(codes.iter().all(|c| c.len() == 14));
    }

    #[test]
    fn a_recovery_code_is_the_same_with_or_without_dashes_in_any_case() {
        let hash = recovery_code_hash("k7m2-q9xr-t4wp");
        assert_eq!(recovery_code_hash("K7M2Q9XRT4WP"), hash);
        assert_eq!(recovery_code_hash(" k7m2 q9xr t4wp "), hash);
        assert_ne!(recovery_code_hash("k7m2-q9xr-t4wx"), hash);
    }
}
