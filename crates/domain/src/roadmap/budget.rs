//! Budget arithmetic, per currency (amounts in different currencies are never added).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Action, Priority, YearMonth};
use crate::money::{Cents, parse_amount};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetSummary {
    /// One entry per currency used, by currency code.
    pub currencies: Vec<CurrencyBudget>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CurrencyBudget {
    pub currency: String,
    /// Sum of the budgets, decimal string.
    pub total: String,
    /// Sum of the amounts secured (in this currency).
    pub secured: String,
    /// What remains to find: the sum over actions of budget minus secured, never below zero.
    pub gap: String,
    /// An action's budget is shared equally among its priority's strategies.
    pub by_strategy: Vec<StrategyAmount>,
    /// An action's budget is spread over its months; `year` is null for unscheduled actions.
    pub by_year: Vec<YearAmount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StrategyAmount {
    /// INSPIRE code; null for priorities tied to no strategy yet.
    pub strategy: Option<String>,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearAmount {
    pub year: Option<i32>,
    pub amount: String,
}

#[derive(Default)]
struct Sums {
    total: i64,
    secured: i64,
    gap: i64,
    by_strategy: BTreeMap<Option<String>, i64>,
    by_year: BTreeMap<Option<i32>, i64>,
}

/// Splits `amount` into `parts` shares that add up exactly (the first shares take the remainder).
fn split(amount: i64, parts: usize) -> Vec<i64> {
    let parts_i = i64::try_from(parts.max(1)).unwrap_or(1);
    let (base, remainder) = (amount / parts_i, amount % parts_i);
    (0..parts_i)
        .map(|i| base + i64::from(i < remainder.abs()) * remainder.signum())
        .collect()
}

/// Spreads `amount` over the months from `start` to `end`, year by year, exactly.
fn spread_over_years(amount: i64, start: YearMonth, end: YearMonth) -> Vec<(i32, i64)> {
    let months = i64::from(start.months_through(end));
    if months == 0 {
        return vec![(start.year, amount)];
    }
    let mut shares = Vec::new();
    let mut given = 0;
    for year in start.year..=end.year {
        let from = if year == start.year {
            start
        } else {
            YearMonth { year, month: 1 }
        };
        let to = if year == end.year {
            end
        } else {
            YearMonth { year, month: 12 }
        };
        let share = if year == end.year {
            amount - given
        } else {
            // i128: amount × months cannot overflow.
            i64::try_from(
                i128::from(amount) * i128::from(from.months_through(to)) / i128::from(months),
            )
            .unwrap_or(0)
        };
        given += share;
        shares.push((year, share));
    }
    shares
}

/// One action's funding, in its budget's currency: budget, secured (only what is in the same
/// currency counts) and the gap still to find (never below zero). `None` without a budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionFunding {
    pub budget: Cents,
    pub secured: Cents,
    pub gap: Cents,
}

pub fn action_funding(action: &Action) -> Option<(ActionFunding, &str)> {
    let budget = action.budget.as_ref()?;
    let Cents(amount) = parse_amount(&budget.amount, "").ok()?;
    let secured = action
        .secured
        .as_ref()
        .filter(|s| s.currency == budget.currency)
        .and_then(|s| parse_amount(&s.amount, "").ok())
        .map_or(0, |c| c.0);
    let funding = ActionFunding {
        budget: Cents(amount),
        secured: Cents(secured),
        gap: Cents((amount - secured).max(0)),
    };
    Some((funding, budget.currency.as_str()))
}

pub fn summarise(priorities: &[Priority], actions: &[Action]) -> BudgetSummary {
    let strategies_of: BTreeMap<Uuid, &Vec<String>> =
        priorities.iter().map(|p| (p.id, &p.strategies)).collect();
    let mut per_currency: BTreeMap<String, Sums> = BTreeMap::new();
    for action in actions {
        let Some((funding, currency)) = action_funding(action) else {
            continue;
        };
        let amount = funding.budget.0;
        let sums = per_currency.entry(currency.to_owned()).or_default();
        sums.total += amount;
        sums.secured += funding.secured.0;
        sums.gap += funding.gap.0;

        let strategies = strategies_of
            .get(&action.priority_id)
            .map(|s| s.as_slice())
            .unwrap_or_default();
        if strategies.is_empty() {
            *sums.by_strategy.entry(None).or_default() += amount;
        } else {
            for (strategy, share) in strategies.iter().zip(split(amount, strategies.len())) {
                *sums.by_strategy.entry(Some(strategy.clone())).or_default() += share;
            }
        }

        let month =
            |raw: &Option<String>| raw.as_deref().and_then(|m| YearMonth::parse(m, "").ok());
        match (month(&action.start_month), month(&action.end_month)) {
            (Some(start), Some(end)) if start <= end => {
                for (year, share) in spread_over_years(amount, start, end) {
                    *sums.by_year.entry(Some(year)).or_default() += share;
                }
            }
            _ => *sums.by_year.entry(None).or_default() += amount,
        }
    }
    let text = |cents: i64| Cents(cents).to_decimal_string();
    BudgetSummary {
        currencies: per_currency
            .into_iter()
            .map(|(currency, sums)| CurrencyBudget {
                currency,
                total: text(sums.total),
                secured: text(sums.secured),
                gap: text(sums.gap),
                by_strategy: sums
                    .by_strategy
                    .into_iter()
                    .map(|(strategy, amount)| StrategyAmount {
                        strategy,
                        amount: text(amount),
                    })
                    .collect(),
                by_year: sums
                    .by_year
                    .into_iter()
                    .map(|(year, amount)| YearAmount {
                        year,
                        amount: text(amount),
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::Money;

    fn priority(strategies: &[&str]) -> Priority {
        Priority {
            id: Uuid::from_u128(0x1000 + strategies.len() as u128),
            title: "p".into(),
            description: String::new(),
            strategies: strategies.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    fn action(
        priority: &Priority,
        budget: Option<(&str, &str)>,
        secured: Option<(&str, &str)>,
        months: Option<(&str, &str)>,
    ) -> Action {
        let money = |m: Option<(&str, &str)>| {
            m.map(|(amount, currency)| Money {
                amount: amount.into(),
                currency: currency.into(),
            })
        };
        Action {
            id: Uuid::from_u128(0x2000),
            priority_id: priority.id,
            title: "a".into(),
            description: String::new(),
            lead_institution: None,
            partners: vec![],
            start_month: months.map(|m| m.0.to_owned()),
            end_month: months.map(|m| m.1.to_owned()),
            budget: money(budget),
            secured: money(secured),
            funding_source: None,
        }
    }

    #[test]
    fn totals_secured_and_gap_are_kept_per_currency() {
        let p = priority(&["laws"]);
        let actions = [
            action(&p, Some(("1000.00", "USD")), Some(("400.00", "USD")), None),
            action(&p, Some(("500.50", "USD")), Some(("900.00", "USD")), None),
            action(&p, Some(("200000", "KES")), None, None),
        ];
        let summary = summarise(&[p], &actions);
        let usd = summary
            .currencies
            .iter()
            .find(|c| c.currency == "USD")
            .unwrap();
        assert_eq!(
            (usd.total.as_str(), usd.secured.as_str()),
            ("1500.50", "1300.00")
        );
        assert_eq!(
            usd.gap, "600.00",
            "an over-secured action does not hide another's gap"
        );
        let kes = summary
            .currencies
            .iter()
            .find(|c| c.currency == "KES")
            .unwrap();
        assert_eq!(
            (kes.total.as_str(), kes.gap.as_str()),
            ("200000.00", "200000.00")
        );
        assert_eq!(summary.currencies.len(), 2, "currencies are never mixed");
    }

    #[test]
    fn a_budget_is_shared_exactly_among_strategies() {
        let p = priority(&["laws", "norms", "services"]);
        let summary = summarise(
            std::slice::from_ref(&p),
            &[action(&p, Some(("100.00", "USD")), None, None)],
        );
        let shares: Vec<&str> = summary.currencies[0]
            .by_strategy
            .iter()
            .map(|s| s.amount.as_str())
            .collect();
        assert_eq!(shares, ["33.34", "33.33", "33.33"]);
    }

    #[test]
    fn a_budget_is_spread_over_its_months_by_year() {
        let p = priority(&["laws"]);
        // 2025-10 .. 2026-03: 3 months in 2025, 3 in 2026.
        let a = action(
            &p,
            Some(("600.00", "EUR")),
            None,
            Some(("2025-10", "2026-03")),
        );
        let unscheduled = action(&p, Some(("50.00", "EUR")), None, None);
        let summary = summarise(&[p], &[a, unscheduled]);
        let years: Vec<(Option<i32>, &str)> = summary.currencies[0]
            .by_year
            .iter()
            .map(|y| (y.year, y.amount.as_str()))
            .collect();
        assert_eq!(
            years,
            [
                (None, "50.00"),
                (Some(2025), "300.00"),
                (Some(2026), "300.00")
            ]
        );
    }

    #[test]
    fn uneven_spreads_still_add_up() {
        let shares = spread_over_years(
            1000,
            YearMonth {
                year: 2025,
                month: 12,
            },
            YearMonth {
                year: 2027,
                month: 1,
            },
        );
        assert_eq!(shares.iter().map(|s| s.1).sum::<i64>(), 1000);
        assert_eq!(shares.len(), 3);
        assert_eq!(split(-100, 3).iter().sum::<i64>(), -100);
    }
}
