//! How far an indicator has come from its baseline toward its target. The direction is the
//! target's: when the target is below the baseline (fewer children hurt), going down is progress.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::IndicatorProgress;

/// Percent of the way from `baseline` to `target` that `value` has come, rounded; negative when
/// it moved away. `None` when one is missing or not a number, or the target is the baseline.
pub fn progress_to_target(
    baseline: Option<&str>,
    target: Option<&str>,
    value: Option<&str>,
) -> Option<i32> {
    let number = |raw: Option<&str>| raw?.trim().parse::<Decimal>().ok();
    let (baseline, target, value) = (number(baseline)?, number(target)?, number(value)?);
    let distance = target - baseline;
    if distance.is_zero() {
        return None;
    }
    let share = (value - baseline) / distance * Decimal::ONE_HUNDRED;
    share.round().to_i32()
}

/// Whether an indicator is on track: it has come at least as far toward its target as the time
/// elapsed from the baseline year to the target year (by the value's year); without those years,
/// whether it has moved toward the target at all. `None` without a value, a baseline or a target.
pub fn on_track(indicator: &IndicatorProgress) -> Option<bool> {
    let progress = indicator.progress_to_target?;
    let expected = match (
        indicator.baseline_year,
        indicator.target_year,
        indicator.year,
    ) {
        (Some(from), Some(to), Some(at)) if to > from => {
            (at.clamp(from, to) - from) * 100 / (to - from)
        }
        _ => 1,
    };
    Some(progress >= expected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn progress_follows_the_direction_of_the_target() {
        // Rising: 20 → 60, now 30: a quarter of the way.
        assert_eq!(
            progress_to_target(Some("20"), Some("60"), Some("30")),
            Some(25)
        );
        // Falling: 40 % of children → 10 %, now 31 %: 30 % of the way.
        assert_eq!(
            progress_to_target(Some("40"), Some("10"), Some("31")),
            Some(30)
        );
        // Moved away from the target.
        assert_eq!(
            progress_to_target(Some("40"), Some("10"), Some("46")),
            Some(-20)
        );
        // Past the target.
        assert_eq!(
            progress_to_target(Some("0"), Some("10"), Some("12.5")),
            Some(125)
        );
    }

    #[test]
    fn no_progress_without_the_three_numbers_or_with_nowhere_to_go() {
        assert_eq!(progress_to_target(None, Some("10"), Some("5")), None);
        assert_eq!(progress_to_target(Some("1"), Some("10"), None), None);
        assert_eq!(progress_to_target(Some("x"), Some("10"), Some("5")), None);
        assert_eq!(progress_to_target(Some("10"), Some("10"), Some("5")), None);
    }

    fn indicator(
        progress: Option<i32>,
        years: (Option<i32>, Option<i32>, Option<i32>),
    ) -> IndicatorProgress {
        IndicatorProgress {
            indicator_id: Uuid::nil(),
            indicator_code: None,
            name: "Violent discipline".into(),
            unit: "%".into(),
            baseline_value: Some("40".into()),
            baseline_year: years.0,
            target_value: Some("10".into()),
            target_year: years.1,
            value: Some("31".into()),
            year: years.2,
            source: "MICS".into(),
            progress_to_target: progress,
            carried_over: false,
        }
    }

    #[test]
    fn on_track_means_as_far_along_as_the_time_elapsed() {
        // 2020 → 2030, value of 2025: half the time gone, so 50 % is needed.
        let years = (Some(2020), Some(2030), Some(2025));
        assert_eq!(on_track(&indicator(Some(50), years)), Some(true));
        assert_eq!(on_track(&indicator(Some(49), years)), Some(false));
        // Without years: any move toward the target.
        assert_eq!(
            on_track(&indicator(Some(1), (None, None, None))),
            Some(true)
        );
        assert_eq!(
            on_track(&indicator(Some(0), (None, None, None))),
            Some(false)
        );
        assert_eq!(on_track(&indicator(None, years)), None);
    }
}
