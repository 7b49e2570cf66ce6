//! Money: a decimal amount with at most two decimal places, always with its ISO 4217 currency.
//! Amounts travel as decimal strings and are stored as integer hundredths; never a float.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::currency::is_currency;

/// The largest amount accepted: a hundred thousand billion.
const MAX_AMOUNT: i64 = 100_000_000_000_000;

/// An amount as the API shows it: `{"amount": "150000.00", "currency": "USD"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Money {
    /// Decimal string with two decimals, e.g. `"150000.00"`.
    #[cfg_attr(feature = "openapi", schema(example = "150000.00"))]
    pub amount: String,
    /// ISO 4217 code.
    #[cfg_attr(feature = "openapi", schema(example = "USD"))]
    pub currency: String,
}

/// A checked amount: hundredths of the currency's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(pub i64);

impl Cents {
    pub fn to_decimal_string(self) -> String {
        format!("{:.2}", Decimal::new(self.0, 2))
    }
}

impl Money {
    pub fn new(cents: Cents, currency: &str) -> Self {
        Self {
            amount: cents.to_decimal_string(),
            currency: currency.to_owned(),
        }
    }

    /// Checks the amount and the currency: `(cents, currency)`.
    pub fn parse(&self, field: &str) -> Result<(Cents, String), Vec<FieldError>> {
        let mut errors = Vec::new();
        let amount = parse_amount(&self.amount, &format!("{field}.amount"))
            .map_err(|e| errors.push(e))
            .ok();
        let currency = parse_currency(&self.currency, &format!("{field}.currency"))
            .map_err(|e| errors.push(e))
            .ok();
        match (amount, currency) {
            (Some(amount), Some(currency)) => Ok((amount, currency)),
            _ => Err(errors),
        }
    }
}

/// A decimal string with at most two decimals (negative amounts parse: completeness refuses them).
pub fn parse_amount(raw: &str, field: &str) -> Result<Cents, FieldError> {
    let invalid = || {
        FieldError::new(
            field,
            "invalid_amount",
            "an amount is a decimal number with at most two decimals, e.g. 1500.50",
        )
    };
    let raw = raw.trim();
    if raw.is_empty() || raw.contains(['e', 'E']) {
        return Err(invalid());
    }
    let decimal: Decimal = raw.parse().map_err(|_| invalid())?;
    if decimal.scale() > 2 && decimal.normalize().scale() > 2 {
        return Err(invalid());
    }
    let cents = (decimal * Decimal::ONE_HUNDRED).trunc();
    let cents = i64::try_from(cents).map_err(|_| invalid())?;
    if cents.abs() > MAX_AMOUNT * 100 {
        return Err(FieldError::new(
            field,
            "out_of_range",
            "the amount is too large",
        ));
    }
    Ok(Cents(cents))
}

pub fn parse_currency(raw: &str, field: &str) -> Result<String, FieldError> {
    let code = raw.trim().to_uppercase();
    if is_currency(&code) {
        Ok(code)
    } else {
        Err(FieldError::new(
            field,
            "unknown_currency",
            format!("`{}` is not an ISO 4217 currency code", raw.trim()),
        ))
    }
}

/// Sums kept apart per currency: amounts in different currencies are never added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PerCurrency(pub BTreeMap<String, i64>);

impl PerCurrency {
    pub fn add(&mut self, currency: &str, cents: Cents) {
        *self.0.entry(currency.to_owned()).or_insert(0) += cents.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact_hundredths() {
        assert_eq!(parse_amount("150000.00", "a"), Ok(Cents(15_000_000)));
        assert_eq!(parse_amount("0.1", "a"), Ok(Cents(10)));
        assert_eq!(parse_amount(" 12 ", "a"), Ok(Cents(1200)));
        assert_eq!(parse_amount("-5.25", "a"), Ok(Cents(-525)));
        assert_eq!(
            parse_amount("1.500", "a"),
            Ok(Cents(150)),
            "trailing zeros are not precision"
        );
        assert_eq!(Cents(15_000_000).to_decimal_string(), "150000.00");
        assert_eq!(Cents(-525).to_decimal_string(), "-5.25");
    }

    #[test]
    fn malformed_amounts_are_refused() {
        for raw in ["", "abc", "1.234", "1e5", "12,50", "NaN"] {
            assert!(parse_amount(raw, "a").is_err(), "{raw:?}");
        }
        assert_eq!(
            parse_amount("1000000000000000", "a").unwrap_err().code,
            "out_of_range"
        );
    }

    #[test]
    fn currencies_are_iso_4217() {
        assert_eq!(parse_currency("usd", "c"), Ok("USD".into()));
        assert_eq!(parse_currency("XOF", "c"), Ok("XOF".into()));
        assert_eq!(
            parse_currency("ABC", "c").unwrap_err().code,
            "unknown_currency"
        );
        assert!(
            parse_currency("XXX", "c").is_err(),
            "no-currency code is not a budget currency"
        );
    }

    #[test]
    fn sums_stay_per_currency() {
        let mut totals = PerCurrency::default();
        totals.add("USD", Cents(100));
        totals.add("KES", Cents(5000));
        totals.add("USD", Cents(250));
        assert_eq!(totals.0.get("USD"), Some(&350));
        assert_eq!(totals.0.get("KES"), Some(&5000));
    }
}
