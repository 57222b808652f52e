mod error;
mod primitive;
mod string;

pub use error::IntervalError;
use {
    super::Value,
    crate::{ast::DateTimeField, result::Result},
    chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike},
    core::str::FromStr,
    rust_decimal::{Decimal, prelude::ToPrimitive},
    serde::{Deserialize, Serialize},
    std::{cmp::Ordering, fmt::Debug},
};

/// A time interval as PostgreSQL keeps it: months, days and microseconds, each with its own sign.
///
/// Patched: upstream's `Interval` was either a number of months or a number of microseconds,
/// never both, so `AGE` (years, months and days), `'1 day 12 hours'` next to `'36 hours'` and
/// `'1 month' + '1 day'` could not be represented. The three fields are kept apart because a
/// month's and a day's length depend on the date they are added to; timestamp arithmetic applies
/// months on the calendar, then days, then microseconds, as PostgreSQL does.
///
/// Comparison, equality and hashing follow PostgreSQL: on the interval's span with a month
/// counted as 30 days and a day as 24 hours, so `'1 day' = '24 hours'` and `'1 mon' = '30 days'`.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct Interval {
    pub months: i32,
    pub days: i32,
    pub microseconds: i64,
}

impl Interval {
    #[must_use]
    pub const fn new(months: i32, days: i32, microseconds: i64) -> Self {
        Interval {
            months,
            days,
            microseconds,
        }
    }

    /// The span PostgreSQL compares intervals by (`interval_cmp_value`), in microseconds.
    #[must_use]
    pub fn span(&self) -> i128 {
        (i128::from(self.months) * 30 + i128::from(self.days)) * i128::from(DAY)
            + i128::from(self.microseconds)
    }

    /// A duration in microseconds as days and a remainder of the same sign, as PostgreSQL gives
    /// `timestamp - timestamp` (`interval_justify_hours`).
    #[must_use]
    pub fn justified_hours(microseconds: i64) -> Self {
        Interval::new(0, (microseconds / DAY) as i32, microseconds % DAY)
    }
}

impl PartialEq for Interval {
    fn eq(&self, other: &Interval) -> bool {
        self.span() == other.span()
    }
}

impl Eq for Interval {}

impl std::hash::Hash for Interval {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.span().hash(state);
    }
}

impl Ord for Interval {
    fn cmp(&self, other: &Interval) -> Ordering {
        self.span().cmp(&other.span())
    }
}

impl PartialOrd<Interval> for Interval {
    fn partial_cmp(&self, other: &Interval) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

const SECOND: i64 = 1_000_000;
const MINUTE: i64 = 60 * SECOND;
const HOUR: i64 = 3600 * SECOND;
const DAY: i64 = 24 * HOUR;

fn add_months(timestamp: &NaiveDateTime, months: i64) -> Result<NaiveDateTime> {
    let magnitude = chrono::Months::new(u32::try_from(months.unsigned_abs()).unwrap_or(u32::MAX));
    let moved = if months >= 0 {
        timestamp.checked_add_months(magnitude)
    } else {
        timestamp.checked_sub_months(magnitude)
    };
    moved.ok_or_else(|| {
        IntervalError::DateOverflow {
            year: timestamp.year(),
            month: months as i32,
        }
        .into()
    })
}

impl Interval {
    #[must_use]
    pub fn unary_minus(&self) -> Self {
        Interval::new(-self.months, -self.days, -self.microseconds)
    }

    fn combine(
        &self,
        other: &Interval,
        months: fn(i32, i32) -> Option<i32>,
        micros: fn(i64, i64) -> Option<i64>,
    ) -> Result<Self> {
        match (
            months(self.months, other.months),
            months(self.days, other.days),
            micros(self.microseconds, other.microseconds),
        ) {
            (Some(m), Some(d), Some(us)) => Ok(Interval::new(m, d, us)),
            _ => Err(IntervalError::OutOfRange.into()),
        }
    }

    /// Field by field, as in PostgreSQL (`'1 mon' + '1 day'` is `1 mon 1 day`).
    pub fn add(&self, other: &Interval) -> Result<Self> {
        self.combine(other, i32::checked_add, i64::checked_add)
    }

    pub fn subtract(&self, other: &Interval) -> Result<Self> {
        self.combine(other, i32::checked_sub, i64::checked_sub)
    }

    pub fn add_date(&self, date: &NaiveDate) -> Result<NaiveDateTime> {
        self.add_timestamp(
            &date
                .and_hms_opt(0, 0, 0)
                .ok_or_else(|| IntervalError::FailedToParseTime(date.to_string()))?,
        )
    }

    pub fn subtract_from_date(&self, date: &NaiveDate) -> Result<NaiveDateTime> {
        self.subtract_from_timestamp(
            &date
                .and_hms_opt(0, 0, 0)
                .ok_or_else(|| IntervalError::FailedToParseTime(date.to_string()))?,
        )
    }

    /// Months on the calendar, clamped to the month's last day (Jan 31 + 1 month = Feb 28),
    /// then days, then microseconds, as PostgreSQL adds them.
    pub fn add_timestamp(&self, timestamp: &NaiveDateTime) -> Result<NaiveDateTime> {
        let moved = add_months(timestamp, i64::from(self.months))?;
        moved
            .checked_add_signed(Duration::days(i64::from(self.days)))
            .and_then(|t| t.checked_add_signed(Duration::microseconds(self.microseconds)))
            .ok_or_else(|| IntervalError::OutOfRange.into())
    }

    pub fn subtract_from_timestamp(&self, timestamp: &NaiveDateTime) -> Result<NaiveDateTime> {
        self.unary_minus().add_timestamp(timestamp)
    }

    /// A time of day moves by the interval's time part only; days wrap around, as in
    /// PostgreSQL. Months are refused as upstream refuses them.
    pub fn add_time(&self, time: &NaiveTime) -> Result<NaiveTime> {
        if self.months != 0 {
            return Err(IntervalError::AddYearOrMonthToTime {
                time: *time,
                interval: *self,
            }
            .into());
        }
        Ok(*time + Duration::microseconds(self.microseconds))
    }

    pub fn subtract_from_time(&self, time: &NaiveTime) -> Result<NaiveTime> {
        if self.months != 0 {
            return Err(IntervalError::SubtractYearOrMonthToTime {
                time: *time,
                interval: *self,
            }
            .into());
        }
        Ok(*time - Duration::microseconds(self.microseconds))
    }

    pub fn years(years: i32) -> Self {
        Interval::months(12 * years)
    }

    pub fn months(months: i32) -> Self {
        Interval::new(months, 0, 0)
    }

    /// PostgreSQL's fields: `YEAR` and `MONTH` from the months, `DAY` from the days, `HOUR`,
    /// `MINUTE` and `SECOND` from the time part (`EXTRACT(HOUR FROM '27 hours')` is 27).
    pub fn extract(&self, field: &DateTimeField) -> Result<Value> {
        let value = match field {
            DateTimeField::Year => i64::from(self.months / 12),
            DateTimeField::Month => i64::from(self.months % 12),
            DateTimeField::Day => i64::from(self.days),
            DateTimeField::Hour => self.microseconds / HOUR,
            DateTimeField::Minute => self.microseconds % HOUR / MINUTE,
            DateTimeField::Second => self.microseconds % MINUTE / SECOND,
        };

        Ok(Value::I64(value))
    }

    pub fn days(days: i32) -> Self {
        Interval::new(0, days, 0)
    }

    pub fn hours(hours: i32) -> Self {
        Interval::microseconds(i64::from(hours) * HOUR)
    }

    pub fn minutes(minutes: i32) -> Self {
        Interval::microseconds(i64::from(minutes) * MINUTE)
    }

    pub fn seconds(seconds: i64) -> Self {
        Interval::microseconds(seconds * SECOND)
    }

    pub fn milliseconds(milliseconds: i64) -> Self {
        Interval::microseconds(milliseconds * 1_000)
    }

    pub fn microseconds(microseconds: i64) -> Self {
        Interval::new(0, 0, microseconds)
    }

    pub fn try_from_str(
        value: &str,
        leading_field: Option<DateTimeField>,
        last_field: Option<DateTimeField>,
    ) -> Result<Self> {
        use DateTimeField::*;

        let value = value.trim_matches('\'');

        let sign = if value.get(0..1) == Some("-") { -1 } else { 1 };

        let parse_integer = |v: &str| {
            v.parse::<i32>()
                .map_err(|_| IntervalError::FailedToParseInteger(value.to_owned()).into())
        };

        let parse_decimal = |duration: i64| {
            let parsed = Decimal::from_str(value)
                .map_err(|_| IntervalError::FailedToParseDecimal(value.to_owned()))?;

            (parsed * Decimal::from(duration))
                .to_i64()
                .ok_or_else(|| IntervalError::FailedToParseDecimal(value.to_owned()).into())
                .map(Interval::microseconds)
        };

        // Patched: whole days are days and the fraction is time, as PostgreSQL reads
        // '1.5' DAY (1 day 12:00:00).
        let parse_days = || {
            let parsed = Decimal::from_str(value)
                .map_err(|_| IntervalError::FailedToParseDecimal(value.to_owned()))?;
            let days = parsed.trunc();
            match (
                days.to_i32(),
                ((parsed - days) * Decimal::from(DAY)).to_i64(),
            ) {
                (Some(days), Some(micros)) => Ok(Interval::new(0, days, micros)),
                _ => Err(IntervalError::FailedToParseDecimal(value.to_owned()).into()),
            }
        };

        let parse_time = |v: &str| {
            let sign = if v.get(0..1) == Some("-") { -1 } else { 1 };
            let v = v.trim_start_matches('-');
            let time = NaiveTime::from_str(v)
                .map_err(|_| IntervalError::FailedToParseTime(value.to_owned()))?;

            let msec = i64::from(time.hour()) * HOUR
                + i64::from(time.minute()) * MINUTE
                + i64::from(time.second()) * SECOND
                + i64::from(time.nanosecond()) / 1000;

            Ok(Interval::microseconds(i64::from(sign) * msec))
        };

        match (leading_field, last_field) {
            (Some(Year), None) => parse_integer(value).map(Interval::years),
            (Some(Month), None) => parse_integer(value).map(Interval::months),
            (Some(Day), None) => parse_days(),
            (Some(Hour), None) => parse_decimal(HOUR),
            (Some(Minute), None) => parse_decimal(MINUTE),
            (Some(Second), None) => parse_decimal(SECOND),
            (Some(Year), Some(Month)) => {
                let nums = value
                    .trim_start_matches('-')
                    .split('-')
                    .map(parse_integer)
                    .collect::<Result<Vec<_>>>()?;

                match (nums.first(), nums.get(1)) {
                    (Some(years), Some(months)) => {
                        Ok(Interval::months(sign * (12 * years + months)))
                    }
                    _ => Err(IntervalError::FailedToParseYearToMonth(value.to_owned()).into()),
                }
            }
            (Some(Day), Some(Hour)) => {
                let nums = value
                    .trim_start_matches('-')
                    .split(' ')
                    .map(parse_integer)
                    .collect::<Result<Vec<_>>>()?;

                match (nums.first(), nums.get(1)) {
                    (Some(days), Some(hours)) => {
                        Ok(sign * Interval::new(0, *days, i64::from(*hours) * HOUR))
                    }
                    _ => Err(IntervalError::FailedToParseDayToHour(value.to_owned()).into()),
                }
            }
            (Some(Day), Some(Minute)) => {
                let nums = value.trim_start_matches('-').split(' ').collect::<Vec<_>>();

                match (nums.first(), nums.get(1)) {
                    (Some(days), Some(time)) => {
                        let days = parse_integer(days)?;
                        let time = format!("{time}:00");

                        Interval::days(days)
                            .add(&parse_time(&time)?)
                            .map(|interval| sign * interval)
                    }
                    _ => Err(IntervalError::FailedToParseDayToMinute(value.to_owned()).into()),
                }
            }
            (Some(Day), Some(Second)) => {
                let nums = value.trim_start_matches('-').split(' ').collect::<Vec<_>>();

                match (nums.first(), nums.get(1)) {
                    (Some(days), Some(time)) => {
                        let days = parse_integer(days)?;

                        Interval::days(days)
                            .add(&parse_time(time)?)
                            .map(|interval| sign * interval)
                    }
                    _ => Err(IntervalError::FailedToParseDayToSecond(value.to_owned()).into()),
                }
            }
            (Some(Hour), Some(Minute)) => parse_time(&format!("{value}:00")),
            (Some(Hour), Some(Second)) => parse_time(value),
            (Some(Minute), Some(Second)) => {
                let time = value.trim_start_matches('-');

                parse_time(&format!("00:{time}")).map(|v| sign * v)
            }
            (Some(from), Some(to)) => {
                Err(IntervalError::UnsupportedRange(format!("{from:?}"), format!("{to:?}")).into())
            }
            (None, _) => Err(IntervalError::Unreachable.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use {
        super::{Interval, IntervalError},
        crate::ast::DateTimeField,
        chrono::{NaiveDate, NaiveTime},
    };

    #[test]
    fn cmp() {
        assert!(Interval::months(12) > Interval::months(1));
        assert!(Interval::microseconds(300) > Interval::microseconds(1));

        // Patched: compared on PostgreSQL's span (a month is 30 days, a day 24 hours).
        assert_eq!(Interval::days(1), Interval::hours(24));
        assert_eq!(Interval::months(1), Interval::days(30));
        assert!(Interval::months(1) > Interval::microseconds(1000));
        assert!(Interval::new(0, 1, 1) > Interval::hours(24));
    }

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn time(hour: u32, min: u32, sec: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, min, sec).unwrap()
    }

    #[test]
    fn arithmetic() {
        macro_rules! test {
            ($op: ident $a: expr, $b: expr => $c: expr) => {
                assert_eq!($a.$op(&$b), Ok($c));
            };
        }

        assert_eq!(Interval::months(1).unary_minus(), Interval::months(-1));
        assert_eq!(
            Interval::microseconds(1).unary_minus(),
            Interval::microseconds(-1)
        );

        // date
        assert_eq!(
            Interval::months(2).add_date(&date(2021, 11, 11)),
            Ok(date(2022, 1, 11).and_hms_opt(0, 0, 0).unwrap())
        );
        assert_eq!(
            Interval::hours(30).add_date(&date(2021, 11, 11)),
            Ok(date(2021, 11, 12).and_hms_opt(6, 0, 0).unwrap())
        );
        assert_eq!(
            Interval::years(999_999).add_date(&date(2021, 11, 11)),
            Err(IntervalError::DateOverflow {
                year: 1_002_020,
                month: 11,
            }
            .into())
        );
        assert_eq!(
            Interval::months(2).subtract_from_date(&date(2021, 11, 11)),
            Ok(date(2021, 9, 11).and_hms_opt(0, 0, 0).unwrap())
        );
        assert_eq!(
            Interval::months(14).subtract_from_date(&date(2021, 11, 11)),
            Ok(date(2020, 9, 11).and_hms_opt(0, 0, 0).unwrap())
        );
        assert_eq!(
            Interval::hours(30).subtract_from_date(&date(2021, 11, 11)),
            Ok(date(2021, 11, 9).and_hms_opt(18, 0, 0).unwrap())
        );
        assert_eq!(
            Interval::years(999_999).subtract_from_date(&date(2021, 11, 11)),
            Err(IntervalError::DateOverflow {
                year: -997_977,
                month: -1,
            }
            .into())
        );

        // timestamp
        assert_eq!(
            Interval::minutes(2).add_timestamp(&date(2021, 11, 11).and_hms_opt(12, 3, 1).unwrap()),
            Ok(date(2021, 11, 11).and_hms_opt(12, 5, 1).unwrap())
        );
        assert_eq!(
            Interval::hours(30).add_timestamp(&date(2021, 11, 11).and_hms_opt(0, 30, 0).unwrap()),
            Ok(date(2021, 11, 12).and_hms_opt(6, 30, 0).unwrap())
        );
        assert_eq!(
            Interval::years(999_999)
                .add_timestamp(&date(2021, 11, 11).and_hms_opt(1, 1, 1).unwrap()),
            Err(IntervalError::DateOverflow {
                year: 1_002_020,
                month: 11,
            }
            .into())
        );
        assert_eq!(
            Interval::months(2)
                .subtract_from_timestamp(&date(2021, 11, 11).and_hms_opt(1, 3, 59).unwrap()),
            Ok(date(2021, 9, 11).and_hms_opt(1, 3, 59).unwrap())
        );
        assert_eq!(
            Interval::months(14)
                .subtract_from_timestamp(&date(2021, 11, 11).and_hms_opt(23, 1, 1).unwrap()),
            Ok(date(2020, 9, 11).and_hms_opt(23, 1, 1).unwrap())
        );
        assert_eq!(
            Interval::seconds(30)
                .subtract_from_timestamp(&date(2021, 11, 11).and_hms_opt(0, 0, 0).unwrap()),
            Ok(date(2021, 11, 10).and_hms_opt(23, 59, 30).unwrap())
        );
        assert_eq!(
            Interval::years(999_999)
                .subtract_from_timestamp(&date(2021, 11, 11).and_hms_opt(0, 0, 0).unwrap()),
            Err(IntervalError::DateOverflow {
                year: -997_977,
                month: -1,
            }
            .into())
        );

        // time
        assert_eq!(
            Interval::minutes(30).add_time(&time(23, 0, 1)),
            Ok(time(23, 30, 1))
        );
        assert_eq!(
            Interval::hours(20).add_time(&time(5, 30, 0)),
            Ok(time(1, 30, 0))
        );
        assert_eq!(
            Interval::years(1).add_time(&time(23, 0, 1)),
            Err(IntervalError::AddYearOrMonthToTime {
                time: time(23, 0, 1),
                interval: Interval::years(1),
            }
            .into())
        );
        assert_eq!(
            Interval::minutes(30).subtract_from_time(&time(23, 0, 1)),
            Ok(time(22, 30, 1))
        );
        assert_eq!(
            Interval::hours(20).subtract_from_time(&time(5, 30, 0)),
            Ok(time(9, 30, 0))
        );
        assert_eq!(
            Interval::months(3).subtract_from_time(&time(23, 0, 1)),
            Err(IntervalError::SubtractYearOrMonthToTime {
                time: time(23, 0, 1),
                interval: Interval::months(3),
            }
            .into())
        );

        test!(add      Interval::months(1), Interval::months(2) => Interval::months(3));
        test!(subtract Interval::months(1), Interval::months(2) => Interval::months(-1));

        test!(add      Interval::microseconds(1), Interval::microseconds(2) => Interval::microseconds(3));
        test!(subtract Interval::microseconds(1), Interval::microseconds(2) => Interval::microseconds(-1));
    }

    #[test]
    fn try_from_literal() {
        macro_rules! test {
            ($value: expr, $datetime: ident => $expected_value: expr, $duration: ident) => {
                let interval = Interval::try_from_str($value, Some(DateTimeField::$datetime), None);

                assert_eq!(interval, Ok(Interval::$duration($expected_value)));
            };
            ($value: expr, $from: ident to $to: ident => $expected_value: expr, $duration: ident) => {
                let interval = Interval::try_from_str(
                    $value,
                    Some(DateTimeField::$from),
                    Some(DateTimeField::$to),
                );

                assert_eq!(interval, Ok(Interval::$duration($expected_value)));
            };
        }

        test!("11",   Year   => 11,  years);
        test!("-11",  Year   => -11, years);
        test!("18",   Month  => 18,  months);
        test!("-19",  Month  => -19, months);
        test!("2",    Day    => 2,   days);
        test!("1.5",  Day    => 36,  hours);
        test!("-1.5", Day    => -36, hours);
        test!("2.5",  Hour   => 150, minutes);
        test!("1",    Hour   => 60,  minutes);
        test!("-1",   Hour   => -60, minutes);
        test!("35",   Minute => 35,  minutes);
        test!("-35",  Minute => -35, minutes);
        test!("10.5", Minute => 630, seconds);
        test!("10",   Second => 10,  seconds);
        test!("-10",  Second => -10, seconds);
        test!("10.5", Second => 10_500_000, microseconds);
        test!("-1.5", Second => -1_500_000, microseconds);

        test!("10-2", Year to Month => 122, months);
        test!("2 12", Day to Hour => 60, hours);
        test!("1 01:30", Day to Minute => 60 * 24 + 90, minutes);
        test!("1 01:30:40", Day to Second => (60 * 24 + 90) * 60 + 40, seconds);
        test!("3 02:30:40.1234", Day to Second =>
            (((3 * 24 + 2) * 60 + 30) * 60 + 40) * 1_000_000 + 123_400, microseconds);
        test!("12:34", Hour to Minute => 12 * 60 + 34, minutes);
        test!("12:34:56", Hour to Second => (12 * 60 + 34) * 60 + 56, seconds);
        test!("12:34:56.1234", Hour to Second => ((12 * 60 + 34) * 60 + 56) * 1_000_000 + 123_400, microseconds);
        test!("34:56.1234", Minute to Second => (34 * 60 + 56) * 1_000_000 + 123_400, microseconds);

        test!("-1-4", Year to Month => -16, months);
        test!("-2 10", Day to Hour => -58, hours);
        test!("-1 00:01", Day to Minute => -(24 * 60 + 1), minutes);
        test!("-1 00:00:01", Day to Second => -(24 * 3600 + 1), seconds);
        test!("-1 00:00:01.1", Day to Second => -((24 * 3600 + 1) * 1000 + 100), milliseconds);
        test!("-21:10", Hour to Minute => -(21 * 60 + 10), minutes);
        test!("-05:12:03", Hour to Second => -(5 * 3600 + 12 * 60 + 3), seconds);
        test!("-03:59:22.372", Hour to Second => -((3 * 3600 + 59 * 60 + 22) * 1000 + 372), milliseconds);
        test!("-09:33", Minute to Second => -(9 * 60 + 33), seconds);
        test!("-09:33.192", Minute to Second => -((9 * 60 + 33) * 1000 + 192), milliseconds);
    }
}
