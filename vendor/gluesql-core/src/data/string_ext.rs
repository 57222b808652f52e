use {
    crate::result::Result,
    regex_lite::{Regex, RegexBuilder},
    serde::Serialize,
    std::{
        cell::{OnceCell, RefCell},
        rc::Rc,
    },
    thiserror::Error,
};

#[derive(Error, Serialize, Debug, PartialEq, Eq)]
pub enum StringExtError {
    #[error("unreachable literal unary operation")]
    UnreachablePatternParsing,
    #[error("invalid regular expression {pattern:?}: {error}")]
    InvalidRegexPattern { pattern: String, error: String },
    /// Patched: escapes PostgreSQL reads otherwise than `regex-lite` (see `compiled`).
    #[error(
        "not supported: \\{0} in a regular expression (PostgreSQL reads it otherwise than this engine). For a word boundary, write (^|[^[:alnum:]_]) or ([^[:alnum:]_]|$)"
    )]
    UnsupportedRegexEscape(char),
}

pub trait StringExt {
    fn like(&self, pattern: &str, case_sensitive: bool) -> Result<bool>;
    fn regex(&self, pattern: &str, case_sensitive: bool) -> Result<bool>;
}

impl StringExt for str {
    // Patched: matched directly instead of through a regular expression built for every row
    // (see `LikePattern`).
    fn like(&self, pattern: &str, case_sensitive: bool) -> Result<bool> {
        Ok(LikePattern::new(pattern, case_sensitive).matches(self))
    }

    // Patched: the expression is built once per pattern, not once per row (see `compiled`).
    fn regex(&self, pattern: &str, case_sensitive: bool) -> Result<bool> {
        Ok(RegexPattern::new(pattern, case_sensitive)?.matches(self))
    }
}

/// A `LIKE` (or `ILIKE`) pattern read once, to test many texts: a caller that compares every
/// row with one pattern prepares it once. `\` escapes the next character as in SQL (`'100\%'`
/// matches the text `100%`). ASCII text against an ASCII pattern is matched as bytes, with no
/// copy of the text; other text by character (lower-cased for `ILIKE`).
pub struct LikePattern {
    /// The pattern as bytes, when it is ASCII.
    bytes: Option<Vec<LikeToken<u8>>>,
    /// The pattern by character, lower-cased when not case-sensitive; for an ASCII pattern,
    /// made from `bytes` when a text first needs it.
    chars: OnceCell<Vec<LikeToken<char>>>,
    case_sensitive: bool,
}

impl LikePattern {
    pub fn new(pattern: &str, case_sensitive: bool) -> Self {
        let (bytes, chars) = match (pattern.is_ascii(), case_sensitive) {
            (true, _) => (Some(like_tokens(pattern.bytes())), OnceCell::new()),
            (false, true) => (None, OnceCell::from(like_tokens(pattern.chars()))),
            (false, false) => (
                None,
                OnceCell::from(like_tokens(pattern.to_lowercase().chars())),
            ),
        };
        LikePattern {
            bytes,
            chars,
            case_sensitive,
        }
    }

    pub fn matches(&self, text: &str) -> bool {
        if let Some(bytes) = &self.bytes {
            if text.is_ascii() {
                return match self.case_sensitive {
                    true => like_match(text.as_bytes(), bytes, u8::eq),
                    false => like_match(text.as_bytes(), bytes, u8::eq_ignore_ascii_case),
                };
            }
        }
        let chars = self.chars.get_or_init(|| {
            let char_of = |byte: u8| match self.case_sensitive {
                true => char::from(byte),
                false => char::from(byte.to_ascii_lowercase()),
            };
            (self.bytes.iter().flatten())
                .map(|token| match *token {
                    LikeToken::Any => LikeToken::Any,
                    LikeToken::One => LikeToken::One,
                    LikeToken::Char(byte) => LikeToken::Char(char_of(byte)),
                })
                .collect()
        });
        let text: Vec<char> = match self.case_sensitive {
            true => text.chars().collect(),
            false => text.to_lowercase().chars().collect(),
        };
        like_match(&text, chars, char::eq)
    }
}

/// A regular expression (`~`, `~*`) built once, to test many texts.
pub struct RegexPattern(Rc<Regex>);

impl RegexPattern {
    pub fn new(pattern: &str, case_sensitive: bool) -> Result<Self> {
        compiled(pattern, case_sensitive).map(RegexPattern)
    }

    pub fn matches(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    /// The compiled expression, for callers that replace, count or extract matches.
    pub fn regex(&self) -> &Regex {
        &self.0
    }
}

/// Patterns compiled lately, newest last. A statement compares every row with the same few
/// patterns, and building the expression cost far more than matching it (a `~` count over
/// 100,000 chat messages took ~0.8 s).
const COMPILED_KEPT: usize = 8;

type Compiled = Vec<(String, bool, Rc<Regex>)>;

thread_local! {
    static COMPILED: RefCell<Compiled> = const { RefCell::new(Vec::new()) };
}

fn compiled(pattern: &str, case_sensitive: bool) -> Result<Rc<Regex>> {
    let found = COMPILED.with_borrow(|kept| {
        kept.iter()
            .rev()
            .find(|(kept_pattern, kept_case, _)| {
                kept_pattern == pattern && *kept_case == case_sensitive
            })
            .map(|(_, _, regex)| Rc::clone(regex))
    });
    if let Some(regex) = found {
        return Ok(regex);
    }
    // Patched: read as PostgreSQL reads it. There `.` matches a newline too, and `\b` is a
    // backspace, `\B` a backslash, `\m`, `\M`, `\y`, `\Y` word boundaries and `\Z` the end:
    // `regex-lite` reads those as something else or not at all.
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(escape @ ('b' | 'B' | 'm' | 'M' | 'y' | 'Y' | 'Z')) = chars.next()
        {
            return Err(StringExtError::UnsupportedRegexEscape(escape).into());
        }
    }
    let regex = RegexBuilder::new(pattern)
        .case_insensitive(!case_sensitive)
        .dot_matches_new_line(true)
        .build()
        .map_err(|error| StringExtError::InvalidRegexPattern {
            pattern: pattern.to_owned(),
            error: error.to_string(),
        })?;
    let regex = Rc::new(regex);
    COMPILED.with_borrow_mut(|kept| {
        if kept.len() == COMPILED_KEPT {
            kept.remove(0);
        }
        kept.push((pattern.to_owned(), case_sensitive, Rc::clone(&regex)));
    });
    Ok(regex)
}

#[derive(Clone, Copy, PartialEq)]
enum LikeToken<T> {
    Any,
    One,
    Char(T),
}

/// `%`, `_` and `\` are the same byte in ASCII and the same char elsewhere.
fn like_tokens<T: Copy + PartialEq + From<u8>>(
    pattern: impl Iterator<Item = T>,
) -> Vec<LikeToken<T>> {
    let mut tokens = Vec::new();
    let mut chars = pattern;
    while let Some(c) = chars.next() {
        tokens.push(match c {
            c if c == T::from(b'%') => LikeToken::Any,
            c if c == T::from(b'_') => LikeToken::One,
            c if c == T::from(b'\\') => LikeToken::Char(chars.next().unwrap_or(c)),
            c => LikeToken::Char(c),
        });
    }
    tokens
}

/// Wildcard matching with one backtrack point: the last `%` seen.
fn like_match<T: Copy>(
    text: &[T],
    pattern: &[LikeToken<T>],
    same: impl Fn(&T, &T) -> bool,
) -> bool {
    let (mut t, mut p) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(LikeToken::One) => {
                t += 1;
                p += 1;
            }
            Some(LikeToken::Char(c)) if same(c, &text[t]) => {
                t += 1;
                p += 1;
            }
            Some(LikeToken::Any) => {
                star = Some((p, t));
                p += 1;
            }
            _ => match star {
                Some((star_p, star_t)) => {
                    p = star_p + 1;
                    t = star_t + 1;
                    star = Some((star_p, star_t + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..]
        .iter()
        .all(|token| matches!(token, LikeToken::Any))
}

#[cfg(test)]
mod tests {
    use {
        super::{LikePattern, RegexPattern, StringExt, StringExtError},
        crate::result::Error,
    };

    #[test]
    fn like() {
        // ASCII: matched as bytes.
        assert_eq!("Hello".like("H%o", true), Ok(true));
        assert_eq!("Hello".like("h%o", true), Ok(false));
        assert_eq!("Hello".like("h%O", false), Ok(true));
        assert_eq!("Hello".like("H_llo", true), Ok(true));
        assert_eq!("Hello".like("H_lo", true), Ok(false));
        assert_eq!("100%".like("100\\%", true), Ok(true));
        assert_eq!("1000".like("100\\%", true), Ok(false));
        assert_eq!("abcabc".like("%bc", true), Ok(true));
        assert_eq!("abcabd".like("%bc", true), Ok(false));
        assert_eq!("".like("%", true), Ok(true));
        // Otherwise by character, and ILIKE by lower case.
        assert_eq!("Ärger".like("ä%", false), Ok(true));
        assert_eq!("Ärger".like("ä%", true), Ok(false));
        assert_eq!("naïve".like("na_ve", true), Ok(true));
        assert_eq!("naïve".like("nai%", true), Ok(false));
        assert_eq!("Hello".like("%É%", false), Ok(false));
        // An ASCII pattern against other text: by character too.
        assert_eq!("ÄRGER".like("%r_er", false), Ok(true));
        assert_eq!("ÄRGER".like("%r_er", true), Ok(false));
        assert_eq!("Ärger".like("_r%", true), Ok(true));
        // One pattern prepared, then tested against many texts of both kinds.
        let pattern = LikePattern::new("%G\\_g%", false);
        let texts = ["gg", "g_g", "xG_Gx", "é g_G", "ég_", "g_é"];
        let found: Vec<bool> = texts.iter().map(|text| pattern.matches(text)).collect();
        assert_eq!(found, [false, true, true, true, false, false]);
    }

    #[test]
    fn regex() {
        assert_eq!("Hello".regex("ell", true), Ok(true));
        assert_eq!("Hello".regex("^hello$", true), Ok(false));
        assert_eq!("Hello".regex("^hello$", false), Ok(true));
        assert!(matches!(
            "Hello".regex("[", true),
            Err(Error::StringExt(StringExtError::InvalidRegexPattern { pattern, .. })) if pattern == "["
        ));
        assert!(matches!(
            "Hello".regex("(?i)[", true),
            Err(Error::StringExt(StringExtError::InvalidRegexPattern { pattern, .. })) if pattern == "(?i)["
        ));
        assert!(matches!(
            "Hello".regex("[", false),
            Err(Error::StringExt(StringExtError::InvalidRegexPattern { pattern, .. })) if pattern == "["
        ));

        // the case-insensitive flag must not leak into the reported parse error
        assert!(matches!(
            "Hello".regex("[", false),
            Err(Error::StringExt(StringExtError::InvalidRegexPattern { error, .. }))
                if !error.contains("(?i)")
        ));

        // a pattern compiled once answers again the same, and its flags are part of what is kept
        assert_eq!("Hello".regex("^hello$", false), Ok(true));
        assert_eq!("Hello".regex("^hello$", true), Ok(false));
        for i in 0..20 {
            assert_eq!(
                format!("row {i}").regex(&format!("^row {i}$"), true),
                Ok(true)
            );
        }
        assert_eq!("Hello".regex("^hello$", false), Ok(true));
        let pattern = RegexPattern::new("^h.l+o$", false).unwrap();
        assert!(pattern.matches("HeLLo") && pattern.matches("halo") && !pattern.matches("hello!"));
    }
}
