//! PostgreSQL's scalar functions that GlueSQL lacks or computes differently, computed in Rust.
//!
//! Our SQL pass renames calls GlueSQL would answer its own way (`ROUND` on a decimal goes through
//! floats there) to the `PG_` names below; GlueSQL hands calls it does not know to the storage,
//! which computes them here.

use crate::compare;
use gluesql::core::chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};
use gluesql::core::data::{Interval, RegexPattern, Value};
use rust_decimal::{Decimal, RoundingStrategy};

/// The user-facing name of a function computed here.
pub fn display_name(name: &str) -> String {
    name.trim_start_matches("PG_").to_lowercase()
}

type Outcome = Result<Value, String>;

/// Computes `name(args)`; the error is PostgreSQL's message for the same call.
pub fn call(name: &str, args: Vec<Value>) -> Outcome {
    let arity = |range: std::ops::RangeInclusive<usize>| {
        if range.contains(&args.len()) {
            Ok(())
        } else {
            Err(format!(
                "function {}() does not take {} arguments",
                display_name(name),
                args.len()
            ))
        }
    };
    match name {
        "LEAST" | "PG_GREATEST" => {
            arity(1..=usize::MAX)?;
            Ok(extreme(args, name == "LEAST"))
        }
        // NULL arguments are skipped, unlike `||`.
        "PG_CONCAT" => Ok(Value::Str(args.iter().filter_map(text).collect())),
        "PG_CONCAT_WS" => {
            arity(1..=usize::MAX)?;
            let Some(separator) = text(&args[0]) else {
                return Ok(Value::Null);
            };
            let parts = args[1..].iter().filter_map(text).collect::<Vec<_>>();
            Ok(Value::Str(parts.join(&separator)))
        }
        "PG_LEFT" | "PG_RIGHT" => {
            arity(2..=2)?;
            let (Value::Str(text), Value::I64(n)) = (&args[0], &args[1]) else {
                return match &args[..] {
                    [Value::Null, _] | [_, Value::Null] => Ok(Value::Null),
                    _ => Err(no_function(name, &args[0])),
                };
            };
            let length = text.chars().count() as i64;
            // A negative length counts from the other end: all but the last (first) -n.
            let kept = if *n < 0 {
                (length + n).max(0)
            } else {
                (*n).min(length)
            };
            let skipped = if name == "PG_LEFT" { 0 } else { length - kept };
            Ok(Value::Str(
                text.chars()
                    .skip(skipped as usize)
                    .take(kept as usize)
                    .collect(),
            ))
        }
        "PG_LOG" => {
            arity(1..=2)?;
            log(&args)
        }
        "PG_BTRIM" | "PG_LTRIM" | "PG_RTRIM" => {
            arity(1..=2)?;
            trim(name, &args)
        }
        "PG_LN" | "PG_EXP" | "PG_SQRT" | "CBRT" | "PG_ASIN" | "PG_ACOS" => {
            arity(1..=1)?;
            float_function(name, &args[0])
        }
        "TO_CHAR" => {
            arity(2..=2)?;
            let at = match &args[0] {
                Value::Timestamp(at) => *at,
                Value::Date(day) => day.and_hms_opt(0, 0, 0).expect("midnight"),
                Value::Null => return Ok(Value::Null),
                other => {
                    return Err(format!(
                    "not supported: to_char of {}. Format numbers with ROUND and CAST(... AS TEXT)",
                    postgres_type(other)
                ))
                }
            };
            match &args[1] {
                Value::Str(format) => to_char(at, format).map(Value::Str),
                Value::Null => Ok(Value::Null),
                other => Err(no_function(name, other)),
            }
        }
        "REGEXP_REPLACE" => {
            arity(3..=4)?;
            regexp_replace(&args)
        }
        "REGEXP_COUNT" | "REGEXP_LIKE" | "REGEXP_SUBSTR" => {
            arity(2..=4)?;
            regexp_find(name, &args)
        }
        "SPLIT_PART" => {
            arity(3..=3)?;
            let (Value::Str(text), Value::Str(delimiter), Value::I64(n)) =
                (&args[0], &args[1], &args[2])
            else {
                return match args.contains(&Value::Null) {
                    true => Ok(Value::Null),
                    false => Err(no_function(name, &args[0])),
                };
            };
            if *n == 0 {
                return Err("field position must not be zero".to_owned());
            }
            let parts: Vec<&str> = match delimiter.is_empty() {
                true => vec![text],
                false => text.split(delimiter.as_str()).collect(),
            };
            // A negative position counts from the end.
            let at = if *n > 0 {
                n - 1
            } else {
                parts.len() as i64 + n
            };
            let part = usize::try_from(at).ok().and_then(|at| parts.get(at));
            Ok(Value::Str(part.copied().unwrap_or_default().to_owned()))
        }
        "PG_POWER" => {
            arity(2..=2)?;
            power(&args[0], &args[1])
        }
        "PG_LENGTH" => {
            arity(1..=1)?;
            Ok(match &args[0] {
                Value::Null => Value::Null,
                Value::Str(text) => Value::I64(text.chars().count() as i64),
                other => return Err(no_function(name, other)),
            })
        }
        // PostgreSQL has sign(numeric) and sign(double precision): an integer is read as the
        // latter, so its sign is a float too.
        "PG_SIGN" => {
            arity(1..=1)?;
            Ok(match &args[0] {
                Value::Null => Value::Null,
                Value::Decimal(d) => Value::Decimal(match d.cmp(&Decimal::ZERO) {
                    std::cmp::Ordering::Less => -Decimal::ONE,
                    std::cmp::Ordering::Equal => Decimal::ZERO,
                    std::cmp::Ordering::Greater => Decimal::ONE,
                }),
                Value::F64(f) if *f == 0.0 => Value::F64(0.0),
                Value::F64(f) => Value::F64(f.signum()),
                Value::I64(i) => Value::F64(i.signum() as f64),
                other => return Err(no_function(name, other)),
            })
        }
        _ if UNIT_FUNCTIONS.contains(&name) => {
            arity(2..=2)?;
            let unit = field_name(&args[0])?;
            call_with_unit(name, &unit, &args[1]).expect("a function of a unit")
        }
        "PG_ROUND" | "PG_TRUNC" => {
            arity(1..=2)?;
            let strategy = if name == "PG_ROUND" {
                RoundingStrategy::MidpointAwayFromZero
            } else {
                RoundingStrategy::ToZero
            };
            round(&args[0], args.get(1), strategy, name == "PG_ROUND")
        }
        "PG_FLOOR" | "PG_CEIL" => {
            arity(1..=1)?;
            let up = name == "PG_CEIL";
            Ok(match &args[0] {
                Value::Decimal(d) => Value::Decimal(if up { d.ceil() } else { d.floor() }),
                Value::F64(f) => Value::F64(if up { f.ceil() } else { f.floor() }),
                Value::I64(n) => Value::I64(*n),
                Value::Null => Value::Null,
                other => return Err(no_function(name, other)),
            })
        }
        "PG_TO_INT" => {
            arity(1..=1)?;
            to_int(&args[0])
        }
        "PG_TO_NUMERIC" => {
            arity(1..=3)?;
            let precision = args.get(1).and_then(as_i64);
            let scale = args.get(2).and_then(as_i64).unwrap_or(0);
            to_numeric(&args[0], precision, scale)
        }
        "PG_AGE" => {
            arity(2..=2)?;
            age(&args[0], &args[1])
        }
        _ => {
            let call = format!(
                "{}({})",
                display_name(name),
                args.iter()
                    .map(postgres_type)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            Err(match not_available(&display_name(name)) {
                Some(hint) => format!("not supported: {call}. {hint}"),
                None => format!("function {call} does not exist. No function of that name is known here: check the spelling, or write the computation with other functions or CASE"),
            })
        }
    }
}

/// A value as PostgreSQL's text output writes it inside `concat` (a boolean is `t` or `f`).
fn text(value: &Value) -> Option<String> {
    match value {
        Value::Bool(b) => Some(if *b { "t" } else { "f" }.to_owned()),
        other => crate::engine::value_text(other),
    }
}

/// A number as a float; None for anything else.
fn float(value: &Value) -> Option<f64> {
    match value {
        Value::I64(n) => Some(*n as f64),
        Value::F64(f) => Some(*f),
        Value::Decimal(d) => d.to_string().parse().ok(),
        _ => None,
    }
}

/// `LOG(x)` is base 10; `LOG(b, x)` takes the base first. PostgreSQL's two-argument form and the
/// one of a numeric are numeric; the one of a float or an integer is a float.
fn log(args: &[Value]) -> Outcome {
    if args.contains(&Value::Null) {
        return Ok(Value::Null);
    }
    let mut numbers = Vec::with_capacity(2);
    for arg in args {
        let x = float(arg).ok_or_else(|| no_function("log", arg))?;
        numbers.push(logarithm_domain(x)?);
    }
    let result = match numbers[..] {
        [x] => x.log10(),
        [1.0, _] => return Err("division by zero".to_owned()),
        [base, x] => x.ln() / base.ln(),
        _ => unreachable!("one or two arguments"),
    };
    if args.len() == 1 && !matches!(args[0], Value::Decimal(_)) {
        return Ok(Value::F64(result));
    }
    float_to_decimal(result).map(Value::Decimal)
}

/// `BTRIM`, `LTRIM` and `RTRIM` (and `TRIM`'s forms): the characters of the second argument
/// (a space by default) taken off the text's ends.
fn trim(name: &str, args: &[Value]) -> Outcome {
    let characters: Vec<char> = match args.get(1) {
        None => vec![' '],
        Some(Value::Str(characters)) => characters.chars().collect(),
        Some(Value::Null) => return Ok(Value::Null),
        Some(other) => return Err(no_function(name, other)),
    };
    let mut text = match &args[0] {
        Value::Str(text) => text.as_str(),
        Value::Null => return Ok(Value::Null),
        other => return Err(no_function(name, other)),
    };
    if name != "PG_RTRIM" {
        text = text.trim_start_matches(&characters[..]);
    }
    if name != "PG_LTRIM" {
        text = text.trim_end_matches(&characters[..]);
    }
    Ok(Value::Str(text.to_owned()))
}

/// `LN`, `EXP`, `SQRT`, `CBRT`, `ASIN` and `ACOS`, with PostgreSQL's errors where a float
/// would be infinite or not a number; a numeric of a numeric for those PostgreSQL has one of.
fn float_function(name: &str, arg: &Value) -> Outcome {
    let Some(x) = float(arg) else {
        return match arg {
            Value::Null => Ok(Value::Null),
            other => Err(no_function(name, other)),
        };
    };
    let result = match name {
        "PG_LN" => logarithm_domain(x)?.ln(),
        "PG_EXP" => x.exp(),
        "PG_SQRT" if x < 0.0 => {
            return Err("cannot take square root of a negative number".to_owned())
        }
        "PG_SQRT" => x.sqrt(),
        "CBRT" => libm::cbrt(x),
        _ if x.abs() > 1.0 => return Err("input is out of range".to_owned()),
        "PG_ASIN" => x.asin(),
        _ => x.acos(),
    };
    if result.is_infinite() {
        return Err("value out of range: overflow".to_owned());
    }
    match arg {
        Value::Decimal(_) if matches!(name, "PG_LN" | "PG_EXP" | "PG_SQRT") => {
            float_to_decimal(result).map(Value::Decimal)
        }
        _ if result == 0.0 && name == "PG_EXP" => Err("value out of range: underflow".to_owned()),
        _ => Ok(Value::F64(result)),
    }
}

/// `x` when a logarithm of it exists, else PostgreSQL's error.
fn logarithm_domain(x: f64) -> Result<f64, String> {
    match x {
        0.0 => Err("cannot take logarithm of zero".to_owned()),
        _ if x < 0.0 => Err("cannot take logarithm of a negative number".to_owned()),
        _ => Ok(x),
    }
}

/// `POWER(a, b)`: a float of floats and integers, a numeric when either is numeric (exact for a
/// whole exponent), with PostgreSQL's errors for what has no real answer.
fn power(base: &Value, exponent: &Value) -> Outcome {
    if base == &Value::Null || exponent == &Value::Null {
        return Ok(Value::Null);
    }
    let (Some(a), Some(b)) = (float(base), float(exponent)) else {
        let other = if float(base).is_none() {
            base
        } else {
            exponent
        };
        return Err(no_function("power", other));
    };
    if a == 0.0 && b < 0.0 {
        return Err("zero raised to a negative power is undefined".to_owned());
    }
    if a < 0.0 && b.fract() != 0.0 {
        return Err(
            "a negative number raised to a non-integer power yields a complex result".to_owned(),
        );
    }
    let numeric = matches!(base, Value::Decimal(_)) || matches!(exponent, Value::Decimal(_));
    if !numeric {
        return Ok(Value::F64(a.powf(b)));
    }
    let whole = |value: &Value| match value {
        Value::I64(n) => Some(*n),
        Value::Decimal(d) if d.fract().is_zero() => i64::try_from(*d).ok(),
        _ => None,
    };
    let base_decimal = match base {
        Value::I64(n) => Some(Decimal::from(*n)),
        Value::Decimal(d) => Some(*d),
        _ => None,
    };
    if let (Some(d), Some(n)) = (base_decimal, whole(exponent)) {
        if let Some(result) = (0..=64).contains(&n).then(|| checked_powi(d, n)).flatten() {
            return Ok(Value::Decimal(result));
        }
    }
    float_to_decimal(a.powf(b)).map(Value::Decimal)
}

/// `d` to a whole power by squaring; None on overflow.
fn checked_powi(mut d: Decimal, mut n: i64) -> Option<Decimal> {
    let mut result = Decimal::ONE;
    while n > 0 {
        if n & 1 == 1 {
            result = result.checked_mul(d)?;
        }
        n >>= 1;
        if n > 0 {
            d = d.checked_mul(d)?;
        }
    }
    Some(result)
}

/// The fields `TO_CHAR` writes, longest first so that `MONTH` is not read as `MON` + `TH`.
const TO_CHAR_FIELDS: [&str; 34] = [
    "MONTH", "Month", "month", "HH24", "HH12", "YYYY", "MON", "Mon", "mon", "DAY", "Day", "day",
    "DDD", "HH", "MI", "SS", "MS", "US", "DD", "DY", "Dy", "dy", "ID", "IW", "WW", "MM", "YY",
    "AM", "PM", "am", "pm", "D", "Q", "Y",
];

/// `TO_CHAR(timestamp, format)` with PostgreSQL's date and time fields: numbers zero-padded and
/// names space-padded to 9 unless `FM` comes first, `"quoted"` text as it is. A letter that is
/// not one of the fields is refused rather than copied (PostgreSQL copies it; a misspelt field
/// would pass unnoticed).
fn to_char(at: NaiveDateTime, format: &str) -> Result<String, String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const DAYS: [&str; 7] = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    let mut out = String::new();
    let mut rest = format;
    while !rest.is_empty() {
        let fill = !rest.starts_with("FM");
        if !fill {
            rest = &rest[2..];
        }
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            out.push_str(&quoted[..end]);
            rest = quoted.get(end + 1..).unwrap_or("");
            continue;
        }
        let Some(field) = TO_CHAR_FIELDS
            .iter()
            .find(|field| rest.starts_with(**field))
        else {
            let c = rest.chars().next().expect("not empty");
            if c.is_ascii_alphabetic() {
                return Err(format!(
                    "not supported: to_char format \"{rest}\": the fields here are YYYY, YY, MM, Mon, Month, DD, DDD, D, ID, Day, Dy, IW, WW, Q, HH24, HH12, MI, SS, MS, US, AM and FM; put other text in double quotes"
                ));
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        rest = &rest[field.len()..];
        let number = |n: i64, width: usize| match fill {
            true => format!("{n:0width$}"),
            false => n.to_string(),
        };
        let name = |name: &str, short: bool| {
            let name = if short { &name[..3] } else { name };
            let name = match &field[1..2] {
                "O" | "A" | "Y" => name.to_uppercase(),
                _ if field.starts_with(char::is_lowercase) => name.to_lowercase(),
                _ => name.to_owned(),
            };
            match fill && !short {
                true => format!("{name:<9}"),
                false => name,
            }
        };
        let hour12 = (at.hour() + 11) % 12 + 1;
        let month = MONTHS[at.month0() as usize];
        let day = DAYS[at.weekday().num_days_from_sunday() as usize];
        out.push_str(&match *field {
            "YYYY" => number(i64::from(at.year()), 4),
            "YY" => number(i64::from(at.year() % 100), 2),
            "Y" => number(i64::from(at.year() % 10), 1),
            "MM" => number(i64::from(at.month()), 2),
            "MONTH" | "Month" | "month" => name(month, false),
            "MON" | "Mon" | "mon" => name(month, true),
            "DD" => number(i64::from(at.day()), 2),
            "DDD" => number(i64::from(at.ordinal()), 3),
            "D" => number(i64::from(at.weekday().number_from_sunday()), 1),
            "ID" => number(i64::from(at.weekday().number_from_monday()), 1),
            "DAY" | "Day" | "day" => name(day, false),
            "DY" | "Dy" | "dy" => name(day, true),
            "IW" => number(i64::from(at.iso_week().week()), 2),
            "WW" => number(i64::from((at.ordinal() - 1) / 7 + 1), 2),
            "Q" => number(i64::from(at.month0() / 3 + 1), 1),
            "HH24" => number(i64::from(at.hour()), 2),
            "HH12" | "HH" => number(i64::from(hour12), 2),
            "MI" => number(i64::from(at.minute()), 2),
            "SS" => number(i64::from(at.second()), 2),
            "MS" => number(i64::from(at.nanosecond() / 1_000_000), 3),
            "US" => number(i64::from(at.nanosecond() / 1_000), 6),
            "AM" | "PM" => (if at.hour() < 12 { "AM" } else { "PM" }).to_owned(),
            "am" | "pm" => (if at.hour() < 12 { "am" } else { "pm" }).to_owned(),
            _ => unreachable!("a field of TO_CHAR_FIELDS"),
        });
    }
    Ok(out)
}

/// A compiled pattern and whether `g` was among the flags.
fn regexp(pattern: &str, flags: Option<&str>) -> Result<(RegexPattern, bool), String> {
    let (mut global, mut case_sensitive) = (false, true);
    for flag in flags.unwrap_or_default().chars() {
        match flag {
            'g' => global = true,
            'i' => case_sensitive = false,
            'c' => case_sensitive = true,
            'b' | 'e' | 'm' | 'n' | 'p' | 'q' | 's' | 't' | 'w' | 'x' => {
                return Err(format!(
                    "not supported: the regular expression flag \"{flag}\". Flags available: g, i and c"
                ))
            }
            other => return Err(format!("invalid regular expression option: \"{other}\"")),
        }
    }
    let pattern = RegexPattern::new(pattern, case_sensitive).map_err(|error| {
        let message = error.to_string();
        // "string-ext: ...": the stage means nothing to the user.
        message
            .split_once(": ")
            .map_or(message.clone(), |(_, rest)| rest.to_owned())
    })?;
    Ok((pattern, global))
}

/// The arguments as text; `None` when one is NULL (the answer is NULL).
fn texts<'a>(name: &str, args: &'a [Value]) -> Result<Option<Vec<&'a str>>, String> {
    let mut texts = Vec::with_capacity(args.len());
    for arg in args {
        match arg {
            Value::Str(text) => texts.push(text.as_str()),
            Value::Null => return Ok(None),
            other => return Err(no_function(name, other)),
        }
    }
    Ok(Some(texts))
}

/// `regexp_replace(source, pattern, replacement [, flags])`: the first match (every match with
/// `g`) replaced; `\1`..`\9` in the replacement stand for groups, `\&` for the whole match.
fn regexp_replace(args: &[Value]) -> Outcome {
    if let Some(Value::I64(_)) = args.get(3) {
        return Err(
            "not supported: regexp_replace with a start position. Use flags ('g', 'i') or SUBSTR"
                .to_owned(),
        );
    }
    let Some(texts) = texts("REGEXP_REPLACE", args)? else {
        return Ok(Value::Null);
    };
    let (source, replacement) = (texts[0], texts[2]);
    let (pattern, global) = regexp(texts[1], texts.get(3).copied())?;
    let mut replaced = String::with_capacity(source.len());
    let mut copied = 0;
    for groups in pattern.regex().captures_iter(source) {
        let whole = groups.get(0).expect("a match");
        replaced.push_str(&source[copied..whole.start()]);
        let mut chars = replacement.chars();
        while let Some(c) = chars.next() {
            let group = match (c, chars.clone().next()) {
                ('\\', Some(digit @ '1'..='9')) => digit.to_digit(10),
                ('\\', Some('&')) => Some(0),
                ('\\', Some('\\')) => {
                    chars.next();
                    replaced.push('\\');
                    continue;
                }
                _ => None,
            };
            match group {
                Some(group) => {
                    chars.next();
                    replaced.push_str(groups.get(group as usize).map_or("", |m| m.as_str()));
                }
                None => replaced.push(c),
            }
        }
        copied = whole.end();
        if !global {
            break;
        }
    }
    replaced.push_str(&source[copied..]);
    Ok(Value::Str(replaced))
}

/// `regexp_count(text, pattern [, start [, flags]])`, `regexp_like(text, pattern [, flags])`
/// and `regexp_substr(text, pattern [, start [, n]])`.
fn regexp_find(name: &str, args: &[Value]) -> Outcome {
    if args.iter().any(Value::is_null) {
        return Ok(Value::Null);
    }
    let like = name == "REGEXP_LIKE";
    let (start, rest) = match (like, args.get(2)) {
        (false, Some(Value::I64(start))) => (*start, &args[3..]),
        _ => (1, &args[2..]),
    };
    if start < 1 {
        return Err(format!("invalid value for parameter \"start\": {start}"));
    }
    let (n, flags) = match (name, rest) {
        ("REGEXP_SUBSTR", [Value::I64(n)]) if *n >= 1 => (*n as usize, None),
        ("REGEXP_SUBSTR", [Value::I64(n)]) => {
            return Err(format!("invalid value for parameter \"n\": {n}"))
        }
        ("REGEXP_SUBSTR", []) => (1, None),
        (_, [Value::Str(flags)]) if like || args.len() == 4 => (1, Some(flags.as_str())),
        (_, []) => (1, None),
        _ => return Err(no_function(name, &args[args.len() - 1])),
    };
    let Some(texts) = texts(name, &args[..2])? else {
        return Ok(Value::Null);
    };
    let (pattern, global) = regexp(texts[1], flags)?;
    if global {
        return Err(format!(
            "{}() does not support the \"global\" option",
            display_name(name)
        ));
    }
    // The start counts characters from 1.
    let from = texts[0]
        .char_indices()
        .nth(start as usize - 1)
        .map_or(texts[0].len(), |(at, _)| at);
    let text = &texts[0][from..];
    let mut matches = pattern.regex().find_iter(text);
    Ok(match name {
        "REGEXP_COUNT" => Value::I64(matches.count() as i64),
        // Whether there is a match is known sooner than where it starts and ends.
        "REGEXP_LIKE" => Value::Bool(pattern.matches(text)),
        _ => matches
            .nth(n - 1)
            .map_or(Value::Null, |found| Value::Str(found.as_str().to_owned())),
    })
}

/// A way around PostgreSQL's functions that are not available here.
fn not_available(name: &str) -> Option<&'static str> {
    Some(match name {
        "array_agg" | "json_agg" | "jsonb_agg" => {
            "Arrays are not supported: join the values into text with string_agg(x::text, ',' ORDER BY ...)"
        }
        "corr" | "covar_pop" | "covar_samp" | "regr_slope" | "regr_intercept" | "regr_r2" => {
            "Compute it from SUM, COUNT and AVG, e.g. covariance as AVG(x * y) - AVG(x) * AVG(y)"
        }
        "format" => "Build the text with CAST(... AS TEXT) and ||",
        "to_date" | "to_timestamp" | "to_number" => {
            "Cast instead: '2026-01-05'::date, '2026-01-05 10:00'::timestamp, '12.5'::numeric; from epoch seconds, TIMESTAMP '1970-01-01' + n * INTERVAL '1 second'"
        }
        "regexp_match" | "regexp_matches" | "regexp_split_to_table" | "regexp_split_to_array" => {
            "Arrays are not supported: use regexp_substr, regexp_count, regexp_like or regexp_replace"
        }
        "regexp_instr" | "translate" | "starts_with" | "overlay" => {
            "Use REPLACE, SUBSTR, POSITION, LIKE, the ~ operator or regexp_substr"
        }
        "make_date" | "make_timestamp" | "make_interval" => {
            "Write a literal (DATE '2026-01-02') or add INTERVALs to one"
        }
        "random" | "gen_random_uuid" => {
            "Answers here are the same for everyone who opens a link; for a shuffled order, ORDER BY md5(id::text)"
        }
        "unnest" | "array_length" | "cardinality" | "array_position" => {
            "Arrays are not supported; keep one value per row"
        }
        _ => return None,
    })
}

/// A value's type as PostgreSQL names it in messages.
fn postgres_type(value: &Value) -> &'static str {
    match value {
        Value::Bool(_) => "boolean",
        Value::I8(_) | Value::I16(_) | Value::I32(_) | Value::I64(_) | Value::I128(_) => "integer",
        Value::Decimal(_) => "numeric",
        Value::F32(_) | Value::F64(_) => "double precision",
        Value::Str(_) => "text",
        Value::Date(_) => "date",
        Value::Timestamp(_) => "timestamp without time zone",
        Value::Interval(_) => "interval",
        Value::Null => "unknown",
        _ => "unknown",
    }
}

fn as_i64(value: &Value) -> Option<i64> {
    match value {
        Value::I64(n) => Some(*n),
        _ => None,
    }
}

fn no_function(name: &str, value: &Value) -> String {
    format!(
        "function {}({}) does not exist",
        display_name(name),
        crate::engine::type_name(value).to_lowercase()
    )
}

/// `GREATEST` / `LEAST`: NULLs are skipped; NULL only when every argument is NULL.
fn extreme(args: Vec<Value>, least: bool) -> Value {
    let wanted = if least {
        std::cmp::Ordering::Less
    } else {
        std::cmp::Ordering::Greater
    };
    args.into_iter()
        .filter(|value| !matches!(value, Value::Null))
        .reduce(|best, value| {
            if compare::values(&value, &best) == Some(wanted) {
                value
            } else {
                best
            }
        })
        .unwrap_or(Value::Null)
}

fn round(
    value: &Value,
    places: Option<&Value>,
    strategy: RoundingStrategy,
    rounding: bool,
) -> Outcome {
    let places = match places {
        None => None,
        Some(Value::Null) => return Ok(Value::Null),
        Some(Value::I64(n)) => Some(*n),
        Some(other) => {
            return Err(format!(
                "the second argument of round/trunc must be an integer, not {}",
                crate::engine::type_name(other).to_lowercase()
            ))
        }
    };
    let decimal = match (value, places) {
        (Value::Null, _) => return Ok(Value::Null),
        (Value::I64(n), None) => return Ok(Value::I64(*n)),
        // round(double precision) rounds half to even, as C's rint.
        (Value::F64(f), None) if rounding => return Ok(Value::F64(libm::rint(*f))),
        (Value::F64(f), None) => return Ok(Value::F64(f.trunc())),
        (Value::I64(n), Some(_)) => Decimal::from(*n),
        (Value::Decimal(d), _) => *d,
        (Value::F64(f), Some(_)) => float_to_decimal(*f)?,
        (other, _) => return Err(no_function(if rounding { "round" } else { "trunc" }, other)),
    };
    let places = places.unwrap_or(0);
    Ok(Value::Decimal(round_decimal(decimal, places, strategy)?))
}

/// Rounds to `places` digits after the point (before it, when negative), keeping exactly that
/// many digits as PostgreSQL's numeric does (`round(2.5, 2)` is `2.50`).
fn round_decimal(
    value: Decimal,
    places: i64,
    strategy: RoundingStrategy,
) -> Result<Decimal, String> {
    if places >= 0 {
        let places = u32::try_from(places.min(28)).unwrap_or(28);
        let mut rounded = value.round_dp_with_strategy(places, strategy);
        rounded.rescale(places);
        return Ok(rounded);
    }
    let shift = Decimal::from(
        10i64
            .checked_pow(u32::try_from(-places).unwrap_or(u32::MAX))
            .ok_or("value out of range")?,
    );
    let scaled = value
        .checked_div(shift)
        .ok_or("value out of range")?
        .round_dp_with_strategy(0, strategy);
    scaled
        .checked_mul(shift)
        .ok_or_else(|| "value out of range".to_owned())
}

/// A float as PostgreSQL turns it into numeric: its 15 significant digits.
fn float_to_decimal(value: f64) -> Result<Decimal, String> {
    if !value.is_finite() {
        return Err(format!("cannot convert {value} to numeric"));
    }
    Decimal::from_scientific(&format!("{value:.14e}"))
        .map(|d| d.normalize())
        .map_err(|_| "numeric field overflow".to_owned())
}

fn to_int(value: &Value) -> Outcome {
    let out_of_range = || "integer out of range".to_owned();
    Ok(match value {
        Value::Null => Value::Null,
        Value::I64(n) => Value::I64(*n),
        Value::Bool(b) => Value::I64(i64::from(*b)),
        Value::Decimal(d) => Value::I64(
            i64::try_from(d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
                .map_err(|_| out_of_range())?,
        ),
        Value::F64(f) => {
            let rounded = libm::rint(*f);
            if !rounded.is_finite() || rounded.abs() >= 9.2e18 {
                return Err(out_of_range());
            }
            Value::I64(rounded as i64)
        }
        Value::Str(text) => Value::I64(
            text.trim()
                .parse()
                .map_err(|_| format!("invalid input syntax for type integer: \"{text}\""))?,
        ),
        other => {
            return Err(format!(
                "cannot cast type {} to integer",
                crate::engine::type_name(other).to_lowercase()
            ))
        }
    })
}

fn to_numeric(value: &Value, precision: Option<i64>, scale: i64) -> Outcome {
    let decimal = match value {
        Value::Null => return Ok(Value::Null),
        Value::I64(n) => Decimal::from(*n),
        Value::Decimal(d) => *d,
        Value::F64(f) => float_to_decimal(*f)?,
        Value::Str(text) => text
            .trim()
            .parse::<Decimal>()
            .or_else(|_| Decimal::from_scientific(text.trim()))
            .map_err(|_| format!("invalid input syntax for type numeric: \"{text}\""))?,
        other => {
            return Err(format!(
                "cannot cast type {} to numeric",
                crate::engine::type_name(other).to_lowercase()
            ))
        }
    };
    let Some(precision) = precision else {
        return Ok(Value::Decimal(decimal));
    };
    let rounded = round_decimal(decimal, scale, RoundingStrategy::MidpointAwayFromZero)?;
    let integer_digits = rounded
        .trunc()
        .abs()
        .to_string()
        .trim_start_matches('0')
        .len() as i64;
    if integer_digits > precision - scale {
        return Err(format!(
            "numeric field overflow: a field with precision {precision}, scale {scale} must round to an absolute value less than 10^{}",
            precision - scale
        ));
    }
    Ok(Value::Decimal(rounded))
}

/// `AGE(a, b)`: the years, months and days from `b` to `a`, then the time, as PostgreSQL's
/// `timestamp_age` counts them: field by field, a negative field borrowing from the next one
/// (a day borrows the length of the earlier timestamp's month).
fn age(later: &Value, earlier: &Value) -> Outcome {
    let timestamp = |value: &Value| match value {
        Value::Timestamp(ts) => Ok(Some(*ts)),
        Value::Date(date) => Ok(date.and_hms_opt(0, 0, 0)),
        Value::Null => Ok(None),
        other => Err(no_function("age", other)),
    };
    let (Some(a), Some(b)) = (timestamp(later)?, timestamp(earlier)?) else {
        return Ok(Value::Null);
    };
    // Counted from the earlier to the later one, the sign put back at the end.
    let (sign, from, to) = if a < b { (-1, a, b) } else { (1, b, a) };
    let micros_of_day = |ts: NaiveDateTime| {
        i64::from(ts.num_seconds_from_midnight()) * 1_000_000 + i64::from(ts.nanosecond() / 1_000)
    };
    let mut time = micros_of_day(to) - micros_of_day(from);
    let mut days = i64::from(to.day()) - i64::from(from.day());
    let mut months = i64::from(to.month()) - i64::from(from.month())
        + 12 * (i64::from(to.year()) - i64::from(from.year()));
    if time < 0 {
        time += 86_400_000_000;
        days -= 1;
    }
    if days < 0 {
        days += i64::from(days_in_month(from.date()));
        months -= 1;
    }
    let field = |n: i64| i32::try_from(sign * n).map_err(|_| "interval out of range".to_owned());
    Ok(Value::Interval(Interval::new(
        field(months)?,
        field(days)?,
        sign * time,
    )))
}

fn days_in_month(date: NaiveDate) -> u32 {
    let first = date.with_day(1).expect("day 1");
    let next = first
        .checked_add_months(gluesql::core::chrono::Months::new(1))
        .unwrap_or(first);
    u32::try_from((next - first).num_days()).unwrap_or(31)
}

/// The functions whose first argument names a unit (`'hour'`, `'epoch'`).
pub const UNIT_FUNCTIONS: [&str; 3] = ["DATE_TRUNC", "DATE_PART", "PG_EXTRACT"];

/// One of [`UNIT_FUNCTIONS`], given the unit already read by [`field_name`]: a query that names
/// it once reads it once, not per row. `None` for any other function.
pub fn call_with_unit(name: &str, unit: &str, source: &Value) -> Option<Outcome> {
    Some(match name {
        "DATE_TRUNC" => date_trunc(unit, source),
        "DATE_PART" => extract(unit, source).map(|part| match part {
            Value::Decimal(d) => Value::F64(f64::try_from(d).unwrap_or(f64::NAN)),
            other => other,
        }),
        "PG_EXTRACT" => extract(unit, source),
        _ => return None,
    })
}

/// The unit a function's first argument names, as the functions above read it.
pub fn field_name(field: &Value) -> Result<String, String> {
    match field {
        Value::Str(text) => Ok(text.to_lowercase()),
        other => Err(format!(
            "the unit must be text such as 'hour', not {}",
            crate::engine::type_name(other).to_lowercase()
        )),
    }
}

fn date_trunc(unit: &str, source: &Value) -> Outcome {
    let ts = match source {
        Value::Null => return Ok(Value::Null),
        Value::Timestamp(ts) => *ts,
        Value::Date(date) => date.and_hms_opt(0, 0, 0).expect("midnight"),
        Value::Interval(_) => {
            return Err(
                "date_trunc of an interval is not supported; truncate a timestamp".to_owned(),
            )
        }
        other => return Err(no_function("date_trunc", other)),
    };
    let date = ts.date();
    let midnight = |date: NaiveDate| date.and_hms_opt(0, 0, 0).expect("midnight");
    let first_of = |year: i32, month: u32| {
        NaiveDate::from_ymd_opt(year, month, 1)
            .map(midnight)
            .ok_or("date out of range")
    };
    let truncated = match unit {
        "microseconds" | "microsecond" => ts,
        "milliseconds" | "millisecond" => ts
            .with_nanosecond(ts.nanosecond() / 1_000_000 * 1_000_000)
            .expect("valid nanosecond"),
        "second" | "seconds" => ts.with_nanosecond(0).expect("valid"),
        "minute" | "minutes" => {
            midnight(date) + Duration::seconds(i64::from(ts.hour() * 3600 + ts.minute() * 60))
        }
        "hour" | "hours" => midnight(date) + Duration::hours(i64::from(ts.hour())),
        "day" | "days" => midnight(date),
        "week" | "weeks" => {
            midnight(date) - Duration::days(i64::from(date.weekday().num_days_from_monday()))
        }
        "month" | "months" => first_of(date.year(), date.month())?,
        "quarter" => first_of(date.year(), (date.month() - 1) / 3 * 3 + 1)?,
        "year" | "years" => first_of(date.year(), 1)?,
        "decade" => first_of(date.year().div_euclid(10) * 10, 1)?,
        "century" => first_of((date.year() - 1).div_euclid(100) * 100 + 1, 1)?,
        "millennium" => first_of((date.year() - 1).div_euclid(1000) * 1000 + 1, 1)?,
        other => {
            return Err(format!(
                "unit \"{other}\" not recognized for type timestamp without time zone"
            ))
        }
    };
    Ok(Value::Timestamp(truncated))
}

/// `EXTRACT(field FROM source)`, numeric as in PostgreSQL 14 and later.
fn extract(unit: &str, source: &Value) -> Outcome {
    match source {
        Value::Null => Ok(Value::Null),
        Value::Timestamp(ts) => extract_timestamp(unit, *ts, "timestamp without time zone"),
        Value::Date(date) => {
            if matches!(
                unit,
                "hour"
                    | "minute"
                    | "second"
                    | "millisecond"
                    | "milliseconds"
                    | "microsecond"
                    | "microseconds"
            ) {
                return Err(format!("unit \"{unit}\" not supported for type date"));
            }
            extract_timestamp(unit, date.and_hms_opt(0, 0, 0).expect("midnight"), "date")
        }
        Value::Interval(interval) => extract_interval(unit, *interval),
        other => Err(no_function("extract", other)),
    }
}

fn extract_timestamp(unit: &str, ts: NaiveDateTime, type_name: &str) -> Outcome {
    let date = ts.date();
    let micros = i64::from(ts.nanosecond() / 1000);
    let seconds_with_fraction = Decimal::new(i64::from(ts.second()) * 1_000_000 + micros, 6);
    let int = |n: i64| Ok(Value::Decimal(Decimal::from(n)));
    let year = i64::from(date.year());
    match unit {
        "epoch" => {
            let seconds = ts.and_utc().timestamp();
            Ok(Value::Decimal(Decimal::new(
                seconds * 1_000_000 + micros,
                6,
            )))
        }
        "year" | "years" => int(year),
        "month" | "months" => int(i64::from(date.month())),
        "day" | "days" => int(i64::from(date.day())),
        "hour" | "hours" => int(i64::from(ts.hour())),
        "minute" | "minutes" => int(i64::from(ts.minute())),
        "second" | "seconds" => Ok(Value::Decimal(seconds_with_fraction)),
        "millisecond" | "milliseconds" => Ok(Value::Decimal(Decimal::new(
            i64::from(ts.second()) * 1_000_000 + micros,
            3,
        ))),
        "microsecond" | "microseconds" => int(i64::from(ts.second()) * 1_000_000 + micros),
        "dow" => int(i64::from(date.weekday().num_days_from_sunday())),
        "isodow" => int(i64::from(date.weekday().number_from_monday())),
        "doy" => int(i64::from(date.ordinal())),
        "week" => int(i64::from(date.iso_week().week())),
        "isoyear" => int(i64::from(date.iso_week().year())),
        "quarter" => int(i64::from((date.month() - 1) / 3 + 1)),
        "decade" => int(year.div_euclid(10)),
        "century" => int(if year > 0 {
            (year + 99) / 100
        } else {
            -((99 - year) / 100)
        }),
        "millennium" => int(if year > 0 {
            (year + 999) / 1000
        } else {
            -((999 - year) / 1000)
        }),
        "julian" => {
            let days = date
                .signed_duration_since(NaiveDate::from_ymd_opt(-4713, 11, 24).expect("epoch"))
                .num_days();
            int(days)
        }
        other => Err(format!(
            "unit \"{other}\" not supported for type {type_name}"
        )),
    }
}

/// PostgreSQL's fields of an interval: years and months from its months, days from its days,
/// the rest from its time.
fn extract_interval(unit: &str, interval: Interval) -> Outcome {
    let (months, days, micros) = (
        i64::from(interval.months),
        i64::from(interval.days),
        interval.microseconds,
    );
    let int = |n: i64| Ok(Value::Decimal(Decimal::from(n)));
    match unit {
        "epoch" => {
            // A year counts 365.25 days and a month 30, as in PostgreSQL.
            let years = Decimal::from(months / 12) * Decimal::new(3_155_760_000, 2);
            let rest = Decimal::from(months % 12 * 30 * 86_400 + days * 86_400);
            Ok(Value::Decimal(years + rest + Decimal::new(micros, 6)))
        }
        "year" | "years" => int(months / 12),
        "month" | "months" => int(months % 12),
        "day" | "days" => int(days),
        "hour" | "hours" => int(micros / 3_600_000_000),
        "minute" | "minutes" => int(micros / 60_000_000 % 60),
        "second" | "seconds" => Ok(Value::Decimal(Decimal::new(micros % 60_000_000, 6))),
        "millisecond" | "milliseconds" => Ok(Value::Decimal(Decimal::new(micros % 60_000_000, 3))),
        "microsecond" | "microseconds" => int(micros % 60_000_000),
        "quarter" => int(months % 12 / 3 + 1),
        "decade" => int(months / 12 / 10),
        "century" => int(months / 12 / 100),
        "millennium" => int(months / 12 / 1000),
        other => Err(format!("unit \"{other}\" not supported for type interval")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time;

    fn ts(text: &str) -> Value {
        let seconds = time::parse(text).unwrap();
        Value::Timestamp(
            gluesql::core::chrono::DateTime::from_timestamp(seconds, 0)
                .unwrap()
                .naive_utc(),
        )
    }

    trait ToText {
        fn to_text(&self) -> String;
    }

    impl ToText for Value {
        fn to_text(&self) -> String {
            String::from(self)
        }
    }

    fn text(s: &str) -> Value {
        Value::Str(s.to_owned())
    }

    #[test]
    fn date_trunc_matches_postgres() {
        let at = ts("2026-11-04 13:47:12");
        let cases = [
            ("minute", "2026-11-04 13:47:00"),
            ("hour", "2026-11-04 13:00:00"),
            ("day", "2026-11-04 00:00:00"),
            ("week", "2026-11-02 00:00:00"),
            ("month", "2026-11-01 00:00:00"),
            ("quarter", "2026-10-01 00:00:00"),
            ("year", "2026-01-01 00:00:00"),
        ];
        for (unit, expected) in cases {
            assert_eq!(
                call("DATE_TRUNC", vec![text(unit), at.clone()]).unwrap(),
                ts(expected),
                "{unit}"
            );
        }
        assert!(call("DATE_TRUNC", vec![text("fortnight"), at]).is_err());
    }

    #[test]
    fn extract_matches_postgres() {
        // 2026-11-01 is a Sunday.
        let sunday = ts("2026-11-01 05:06:07");
        let field = |unit: &str| call("PG_EXTRACT", vec![text(unit), sunday.clone()]).unwrap();
        assert_eq!(field("dow"), Value::Decimal(Decimal::from(0)));
        assert_eq!(field("isodow"), Value::Decimal(Decimal::from(7)));
        assert_eq!(field("hour"), Value::Decimal(Decimal::from(5)));
        assert_eq!(field("second"), Value::Decimal(Decimal::new(7_000_000, 6)));
        assert_eq!(
            field("epoch"),
            Value::Decimal(Decimal::new(1_793_509_567_000_000, 6))
        );
        let day_and_a_bit = Value::Interval(Interval::new(0, 1, 3_661 * 1_000_000));
        let part =
            |unit: &str| call("PG_EXTRACT", vec![text(unit), day_and_a_bit.clone()]).unwrap();
        assert_eq!(part("day"), Value::Decimal(Decimal::from(1)));
        assert_eq!(part("hour"), Value::Decimal(Decimal::from(1)));
        assert_eq!(
            part("epoch"),
            Value::Decimal(Decimal::new(90_061_000_000, 6))
        );
        let year = Value::Interval(Interval::months(12));
        assert_eq!(
            call("PG_EXTRACT", vec![text("epoch"), year]).unwrap(),
            Value::Decimal(Decimal::from(31_557_600))
        );
    }

    #[test]
    fn rounding_matches_postgres() {
        let round =
            |value: Value, places: i64| call("PG_ROUND", vec![value, Value::I64(places)]).unwrap();
        assert_eq!(round(Value::Decimal(Decimal::new(25, 1)), 0).to_text(), "3");
        assert_eq!(
            round(Value::Decimal(Decimal::new(-25, 1)), 0).to_text(),
            "-3"
        );
        assert_eq!(
            round(Value::Decimal(Decimal::new(25, 1)), 2).to_text(),
            "2.50"
        );
        assert_eq!(round(Value::I64(1250), -2).to_text(), "1300");
        assert_eq!(
            call("PG_ROUND", vec![Value::F64(2.5)]).unwrap(),
            Value::F64(2.0)
        );
        assert_eq!(
            call("PG_TO_INT", vec![Value::Decimal(Decimal::new(25, 1))]).unwrap(),
            Value::I64(3)
        );
        assert_eq!(
            call("PG_TO_INT", vec![Value::F64(2.5)]).unwrap(),
            Value::I64(2)
        );
        assert!(call("PG_TO_INT", vec![text("4.5")]).is_err());
        let numeric = call(
            "PG_TO_NUMERIC",
            vec![Value::F64(0.1), Value::I64(10), Value::I64(2)],
        )
        .unwrap();
        assert_eq!(numeric.to_text(), "0.10");
        assert!(call(
            "PG_TO_NUMERIC",
            vec![Value::I64(1000), Value::I64(4), Value::I64(2)]
        )
        .is_err());
    }

    #[test]
    fn least_and_greatest_skip_nulls() {
        let args = vec![
            Value::Null,
            Value::I64(3),
            Value::Decimal(Decimal::new(25, 1)),
        ];
        assert_eq!(
            call("LEAST", args.clone()).unwrap(),
            Value::Decimal(Decimal::new(25, 1))
        );
        assert_eq!(call("PG_GREATEST", args).unwrap(), Value::I64(3));
        assert_eq!(call("LEAST", vec![Value::Null]).unwrap(), Value::Null);
    }
}
