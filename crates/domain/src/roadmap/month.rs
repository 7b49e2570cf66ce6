//! Month precision dates, `YYYY-MM`, for action schedules.

use std::fmt;

use crate::FieldError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl YearMonth {
    pub fn parse(raw: &str, field: &str) -> Result<Self, FieldError> {
        let invalid = || {
            FieldError::new(
                field,
                "invalid_month",
                "a month is written YYYY-MM, e.g. 2026-03",
            )
        };
        let (year, month) = raw.trim().split_once('-').ok_or_else(invalid)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(invalid());
        }
        let year: i32 = year.parse().map_err(|_| invalid())?;
        let month: u32 = month.parse().map_err(|_| invalid())?;
        if !(1..=12).contains(&month) || !(1900..=2200).contains(&year) {
            return Err(invalid());
        }
        Ok(Self { year, month })
    }

    /// Months from `self` to `end`, both included (0 when `end` is before).
    pub fn months_through(self, end: YearMonth) -> u32 {
        let index = |m: YearMonth| m.year * 12 + m.month as i32;
        u32::try_from(index(end) - index(self) + 1).unwrap_or(0)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_print_back() {
        let m = YearMonth::parse("2025-03", "m").unwrap();
        assert_eq!(
            m,
            YearMonth {
                year: 2025,
                month: 3
            }
        );
        assert_eq!(m.to_string(), "2025-03");
    }

    #[test]
    fn badly_formed_months_are_refused() {
        for raw in [
            "2025-13",
            "2025-00",
            "2025-3",
            "25-03",
            "2025/03",
            "March 2025",
            "",
        ] {
            assert_eq!(
                YearMonth::parse(raw, "m").unwrap_err().code,
                "invalid_month",
                "{raw:?}"
            );
        }
    }

    #[test]
    fn months_are_counted_inclusively() {
        let start = YearMonth {
            year: 2025,
            month: 11,
        };
        assert_eq!(
            start.months_through(YearMonth {
                year: 2026,
                month: 2
            }),
            4
        );
        assert_eq!(start.months_through(start), 1);
        assert_eq!(
            start.months_through(YearMonth {
                year: 2025,
                month: 1
            }),
            0
        );
    }
}
