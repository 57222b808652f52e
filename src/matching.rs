//! A regular expression tested against every row of a scan. Text columns often hold few
//! distinct values (a device, a category, the lines a chat repeats all day), and looking a text
//! up costs a fraction of running the expression's matcher, so the answers for texts already
//! seen are kept for the rest of the statement, up to a bound.

use crate::hasher::FastMap;
use gluesql::core::data::RegexPattern;
use std::cell::RefCell;

/// How many distinct texts are remembered. Past this the column is not one of few values:
/// the memory is dropped and every text is matched.
const KNOWN_TEXTS: usize = 4096;

pub struct PreparedRegex {
    regex: RegexPattern,
    /// The answer for each text seen; `None` once there were too many.
    known: RefCell<Option<FastMap<Box<str>, bool>>>,
}

impl PreparedRegex {
    pub fn new(regex: RegexPattern) -> PreparedRegex {
        PreparedRegex {
            regex,
            known: RefCell::new(Some(FastMap::default())),
        }
    }

    pub fn matches(&self, text: &str) -> bool {
        let mut known = self.known.borrow_mut();
        let Some(answers) = known.as_mut() else {
            return self.regex.matches(text);
        };
        if let Some(answer) = answers.get(text) {
            return *answer;
        }
        let answer = self.regex.matches(text);
        if answers.len() < KNOWN_TEXTS {
            answers.insert(text.into(), answer);
        } else {
            *known = None;
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Remembered or not, every answer is the expression's own.
    #[test]
    fn answers_equal_the_expressions_with_few_and_with_many_distinct_texts() {
        let regex = || RegexPattern::new("^[a-z]+ ?[0-9]$", true).unwrap();
        let few = PreparedRegex::new(regex());
        let many = PreparedRegex::new(regex());
        for i in 0..3 * KNOWN_TEXTS {
            let repeated = ["gg 1", "GG 1", "lol", "w 7", ""][i % 5];
            assert_eq!(few.matches(repeated), regex().matches(repeated));
            let distinct = format!("abc {}", i % 17 + (i / 17) * 100);
            assert_eq!(many.matches(&distinct), regex().matches(&distinct));
        }
        assert_eq!(few.known.borrow().as_ref().map(FastMap::len), Some(5));
        assert!(many.known.borrow().is_none());
    }
}
