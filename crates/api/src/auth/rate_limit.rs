//! Login rate limits, per account and per IP address (GCRA, from `governor`).
//!
//! Kept in memory: behind several replicas each enforces its own share, which still bounds
//! password guessing.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::LoginLimits;

pub struct LoginRateLimiter {
    by_account: DefaultKeyedRateLimiter<String>,
    by_ip: DefaultKeyedRateLimiter<IpAddr>,
}

fn quota(burst: u32, period: std::time::Duration) -> Quota {
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(period)
        .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
        .allow_burst(burst)
}

impl LoginRateLimiter {
    pub fn new(limits: LoginLimits) -> Self {
        Self {
            by_account: RateLimiter::keyed(quota(limits.account_burst, limits.account_period)),
            by_ip: RateLimiter::keyed(quota(limits.ip_burst, limits.ip_period)),
        }
    }

    /// `Err(seconds to wait)` when this attempt is over either limit.
    pub fn check(&self, account: &str, ip: Option<IpAddr>) -> Result<(), u64> {
        let now = DefaultClock::default().now();
        if let Some(ip) = ip {
            self.by_ip
                .check_key(&ip)
                .map_err(|not_until| not_until.wait_time_from(now).as_secs() + 1)?;
        }
        self.by_account
            .check_key(&account.to_owned())
            .map_err(|not_until| not_until.wait_time_from(now).as_secs() + 1)
    }

    /// Forgets keys whose limits have fully recovered, so memory stays bounded.
    pub fn forget_idle(&self) {
        self.by_account.retain_recent();
        self.by_ip.retain_recent();
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn an_account_is_limited_after_its_burst_whatever_the_ip() {
        let limiter = LoginRateLimiter::new(LoginLimits {
            account_burst: 2,
            account_period: Duration::from_secs(60),
            ip_burst: 100,
            ip_period: Duration::from_secs(1),
        });
        let ip = |n| Some(IpAddr::from([10, 0, 0, n]));
        assert!(limiter.check("a@x.org", ip(1)).is_ok());
        assert!(limiter.check("a@x.org", ip(2)).is_ok());
        let wait = limiter.check("a@x.org", ip(3)).unwrap_err();
        assert!((1..=61).contains(&wait), "wait {wait}");
        assert!(
            limiter.check("b@x.org", ip(3)).is_ok(),
            "another account is not affected"
        );
    }

    #[test]
    fn an_ip_is_limited_across_accounts() {
        let limiter = LoginRateLimiter::new(LoginLimits {
            account_burst: 100,
            account_period: Duration::from_secs(1),
            ip_burst: 2,
            ip_period: Duration::from_secs(60),
        });
        let ip = Some(IpAddr::from([10, 0, 0, 1]));
        assert!(limiter.check("a@x.org", ip).is_ok());
        assert!(limiter.check("b@x.org", ip).is_ok());
        assert!(limiter.check("c@x.org", ip).is_err());
    }
}
