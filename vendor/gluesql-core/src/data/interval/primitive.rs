//! Patched: an interval times or divided by a number, computed as PostgreSQL's `interval_mul` /
//! `interval_div` do: each field scaled in floating point, the fraction of a month spilled into
//! days (30 a month) and the fraction of a day into time, rounded to the microsecond. Upstream
//! truncated each variant on its own, so `INTERVAL '1 hour' * 1.5` and `'1 mon' / 2` differed.

use {
    super::{DAY, Interval, SECOND},
    rust_decimal::{Decimal, prelude::ToPrimitive},
    std::ops::{Div, Mul},
};

/// Rounds seconds to whole microseconds (`TSROUND`).
fn round_micro(seconds: f64) -> f64 {
    (seconds * 1e6).round_ties_even() / 1e6
}

impl Interval {
    fn scale(self, by: impl Fn(f64) -> f64) -> Self {
        const SECS_PER_DAY: f64 = (DAY / SECOND) as f64;
        let months = by(f64::from(self.months));
        let days = by(f64::from(self.days));
        let month_remainder_days = round_micro((months - months.trunc()) * 30.0);
        let mut seconds = round_micro(
            (days - days.trunc() + month_remainder_days - month_remainder_days.trunc())
                * SECS_PER_DAY,
        );
        let mut whole_days = days.trunc() + month_remainder_days.trunc();
        if seconds.abs() >= SECS_PER_DAY {
            let spill = (seconds / SECS_PER_DAY).trunc();
            whole_days += spill;
            seconds -= spill * SECS_PER_DAY;
        }
        Interval::new(
            months as i32,
            whole_days as i32,
            (by(self.microseconds as f64) + seconds * 1e6).round_ties_even() as i64,
        )
    }

    /// `interval * factor`.
    #[must_use]
    pub fn mul_f64(self, factor: f64) -> Self {
        self.scale(|v| v * factor)
    }

    /// `interval / divisor`.
    #[must_use]
    pub fn div_f64(self, divisor: f64) -> Self {
        self.scale(|v| v / divisor)
    }

    #[must_use]
    pub fn mul_decimal(self, factor: Decimal) -> Self {
        self.mul_f64(factor.to_f64().unwrap_or(f64::NAN))
    }

    #[must_use]
    pub fn div_decimal(self, divisor: Decimal) -> Self {
        self.div_f64(divisor.to_f64().unwrap_or(f64::NAN))
    }
}

macro_rules! scale_by {
    ($($t:ty),*) => {$(
        impl Mul<$t> for Interval {
            type Output = Self;

            fn mul(self, rhs: $t) -> Self {
                self.mul_f64(rhs as f64)
            }
        }

        impl Mul<Interval> for $t {
            type Output = Interval;

            fn mul(self, rhs: Interval) -> Interval {
                rhs.mul_f64(self as f64)
            }
        }

        impl Div<$t> for Interval {
            type Output = Self;

            fn div(self, rhs: $t) -> Self {
                self.div_f64(rhs as f64)
            }
        }
    )*};
}

scale_by!(i8, i16, i32, i64, i128, u8, u16, u32, u64, u128, f32, f64);

#[cfg(test)]
mod tests {
    use super::Interval;

    #[test]
    fn scaled_as_postgres() {
        // SELECT INTERVAL '1 hour' * 1.5, INTERVAL '10 minutes' / 4, INTERVAL '1 mon' / 2,
        // INTERVAL '1 mon 1 day' * 1.5 in PostgreSQL 15.
        assert_eq!(Interval::hours(1) * 1.5, Interval::new(0, 0, 5_400_000_000));
        assert_eq!(Interval::minutes(10) / 4, Interval::new(0, 0, 150_000_000));
        let half_month = Interval::months(1) / 2_i64;
        assert_eq!(
            (half_month.months, half_month.days, half_month.microseconds),
            (0, 15, 0)
        );
        let scaled = Interval::new(1, 1, 0) * 1.5_f64;
        assert_eq!(
            (scaled.months, scaled.days, scaled.microseconds),
            (1, 16, 43_200_000_000)
        );
        assert_eq!(3 * Interval::days(2), Interval::days(6));
    }
}
