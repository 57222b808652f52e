//! UTC timestamps as whole seconds since 1970-01-01, with the one text form we print and the
//! forms we read. Plain integer arithmetic, so the same on every target.

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;

/// Seconds since the Unix epoch, UTC.
pub type Timestamp = i64;

/// `YYYY-MM-DD HH:MM:SS`, as PostgreSQL prints a `TIMESTAMP` and as our CSVs store it.
pub fn format(ts: Timestamp) -> String {
    let days = ts.div_euclid(DAY);
    let secs = ts.rem_euclid(DAY);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        secs / HOUR,
        secs % HOUR / MINUTE,
        secs % MINUTE
    )
}

/// Reads `YYYY-MM-DD`, optionally followed by ` HH:MM[:SS[.fraction]]` (or `T` instead of the
/// space) and a `Z` or `+00[:00]` zone. Fractions must be zero: the dataset has whole seconds.
pub fn parse(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    let text = text
        .strip_suffix('Z')
        .or_else(|| text.strip_suffix("+00:00"))
        .or_else(|| text.strip_suffix("+00"))
        .unwrap_or(text);
    let (date, time) = match text.find([' ', 'T']) {
        Some(split) => (&text[..split], Some(text[split + 1..].trim())),
        None => (text, None),
    };
    let mut parts = date.split('-');
    let year = number(parts.next()?, 4)?;
    let month = number(parts.next()?, 2)?;
    let day = number(parts.next()?, 2)?;
    if parts.next().is_some() || !(1..=12).contains(&month) || day < 1 {
        return None;
    }
    if day > days_in_month(year, month) {
        return None;
    }
    let mut seconds = days_from_civil(year, month, day) * DAY;
    if let Some(time) = time {
        let (clock, fraction) = match time.split_once('.') {
            Some((clock, fraction)) => (clock, Some(fraction)),
            None => (time, None),
        };
        if let Some(fraction) = fraction {
            if fraction.is_empty() || !fraction.bytes().all(|b| b == b'0') {
                return None;
            }
        }
        let mut fields = clock.split(':');
        let hour = number(fields.next()?, 2)?;
        let minute = number(fields.next()?, 2)?;
        let second = match fields.next() {
            Some(second) => number(second, 2)?,
            None => 0,
        };
        if fields.next().is_some() || hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        seconds += hour * HOUR + minute * MINUTE + second;
    }
    Some(seconds)
}

/// Reads a `TIMESTAMPTZ` text: [`parse`]'s forms, with a zone offset after the time
/// (`+02`, `-05:30`, `+0530`) moving it to UTC, as PostgreSQL reads it with `TimeZone` UTC.
pub fn parse_with_zone(text: &str) -> Option<Timestamp> {
    let (local, offset) = split_zone(text)?;
    Some(parse(local)? - offset)
}

/// Reads a `TIMESTAMP` text: [`parse`]'s forms, with a zone offset after the time read and
/// ignored, as PostgreSQL ignores it for a timestamp without time zone.
pub fn parse_ignoring_zone(text: &str) -> Option<Timestamp> {
    parse(split_zone(text)?.0)
}

/// Whether the text carries a zone offset other than UTC's.
pub fn has_offset(text: &str) -> bool {
    split_zone(text).is_some_and(|(_, offset)| offset != 0)
}

/// The text before a zone offset that follows the time, and the offset in seconds east of UTC
/// (0 without one); `None` for a malformed offset.
fn split_zone(text: &str) -> Option<(&str, i64)> {
    let text = text.trim();
    // An offset can only follow the time, so it is looked for after the date.
    let Some(time_start) = text.find([' ', 'T']) else {
        return Some((text, 0));
    };
    let Some(sign_at) = text[time_start..]
        .rfind(['+', '-'])
        .map(|at| time_start + at)
    else {
        return Some((text, 0));
    };
    let (local, zone) = text.split_at(sign_at);
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    let (hours, minutes) = match digits.len() {
        2 => (number(&digits, 2)?, 0),
        4 => (number(&digits[..2], 2)?, number(&digits[2..], 2)?),
        _ => return None,
    };
    if hours > 15 || minutes > 59 || (zone.contains(':') && digits.len() != 4) {
        return None;
    }
    Some((local, sign * (hours * HOUR + minutes * MINUTE)))
}

fn number(text: &str, digits: usize) -> Option<i64> {
    if text.len() != digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil calendar algorithms (proleptic Gregorian).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Midnight of the first day of the month `months` after the one holding `ts` (negative: before).
pub fn month_start(ts: Timestamp, months: i64) -> Timestamp {
    let (year, month, _) = civil_from_days(ts.div_euclid(DAY));
    let index = year * 12 + (month - 1) + months;
    days_from_civil(index.div_euclid(12), index.rem_euclid(12) + 1, 1) * DAY
}

/// Hour of day (0-23) of a timestamp.
pub fn hour_of_day(ts: Timestamp) -> i64 {
    ts.rem_euclid(DAY) / HOUR
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_start_crosses_years_both_ways() {
        let at = |text| parse(text).unwrap();
        assert_eq!(month_start(at("2026-10-31 23:59:59"), 0), at("2026-10-01"));
        assert_eq!(month_start(at("2026-11-15 12:00:00"), 2), at("2027-01-01"));
        assert_eq!(month_start(at("2026-01-15"), -1), at("2025-12-01"));
        assert_eq!(month_start(at("2028-02-29"), 1), at("2028-03-01"));
    }

    #[test]
    fn round_trips_known_instants() {
        assert_eq!(parse("1970-01-01"), Some(0));
        assert_eq!(parse("2026-11-01 00:00:00"), Some(1_793_491_200));
        assert_eq!(format(1_793_491_200), "2026-11-01 00:00:00");
        assert_eq!(format(951_782_400), "2000-02-29 00:00:00");
        assert_eq!(format(-1), "1969-12-31 23:59:59");
        for ts in (-5_000_000_000i64..5_000_000_000).step_by(86_399 * 37 + 11) {
            assert_eq!(parse(&format(ts)), Some(ts));
        }
    }

    #[test]
    fn a_zone_offset_moves_a_timestamptz_to_utc() {
        let utc = parse("2026-10-01 10:00:00");
        assert_eq!(parse_with_zone("2026-10-01 12:00:00+02"), utc);
        assert_eq!(parse_with_zone("2026-10-01 12:30:00+02:30"), utc);
        assert_eq!(parse_with_zone("2026-10-01T04:30:00-0530"), utc);
        assert_eq!(parse_with_zone("2026-10-01 10:00:00"), utc);
        assert_eq!(parse_with_zone("2026-10-01 10:00:00Z"), utc);
        assert_eq!(parse_with_zone("2026-10-01"), parse("2026-10-01"));
        for wrong in [
            "2026-10-01 10:00:00+2",
            "2026-10-01 10:00:00+02:3",
            "2026-10-01 10:00+99",
        ] {
            assert_eq!(parse_with_zone(wrong), None, "{wrong}");
            assert_eq!(parse_ignoring_zone(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn a_zone_offset_is_ignored_for_a_timestamp() {
        let local = parse("2026-10-01 12:00:00");
        for text in [
            "2026-10-01 12:00:00+02",
            "2026-10-01T12:00:00-05:30",
            "2026-10-01 12:00:00Z",
        ] {
            assert_eq!(parse_ignoring_zone(text), local, "{text}");
        }
        assert!(has_offset("2026-10-01 12:00:00-05:30"));
        assert!(!has_offset("2026-10-01 12:00:00+00:00"));
        assert!(!has_offset("2026-10-01"));
    }

    #[test]
    fn reads_the_usual_spellings_and_refuses_the_rest() {
        let expected = Some(1_793_491_200 + 13 * HOUR + 5 * MINUTE);
        assert_eq!(parse("2026-11-01 13:05"), expected);
        assert_eq!(parse("2026-11-01T13:05:00Z"), expected);
        assert_eq!(parse(" 2026-11-01 13:05:00.000+00 "), expected);
        for bad in [
            "garbage",
            "",
            "2026-13-01",
            "2026-02-29",
            "2026-11-01 24:00",
            "2026-11-01 10:00:00.5",
            "26-11-01",
            "2026-11-01 10",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(hour_of_day(parse("2026-11-01 21:59:59").unwrap()), 21);
    }
}
