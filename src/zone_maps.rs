//! Zone maps: for one column of a stored table, the smallest and largest value of each block of
//! rows in key order. A scan tests `column <op> constant` against a block's range before its
//! rows: a block none of whose rows can pass is skipped, and `COUNT(*)` counts a block all of
//! whose rows pass without reading them. The facts are stored in time order (chat by the
//! moment sent, visits by join time), so a filter on a time range reads only the blocks that
//! overlap it. Built when a scan first asks, kept by the storage until the table is written.

use crate::compare;
use gluesql::core::data::{Key, Value};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::ops::Bound;

/// Rows per block: small enough that a range's boundary blocks are a small part of a scan,
/// large enough that testing the blocks costs nothing next to reading one.
pub const BLOCK: usize = 1024;

/// A table too small for blocks to pay: a scan reads it row by row.
pub const WORTH_IT: usize = 4 * BLOCK;

#[derive(Debug)]
pub struct ZoneMap {
    blocks: Vec<Block>,
}

#[derive(Debug)]
pub struct Block {
    /// The key of the block's first row.
    pub start: Key,
    pub rows: usize,
    values: Values,
    nulls: bool,
}

/// The values of a block that are not NULL.
#[derive(Debug)]
enum Values {
    None,
    /// The smallest and the largest, all of one plain type (see `compare::plain`).
    Between(Value, Value),
    /// Of several types, or of one that does not compare directly.
    Unknown,
}

/// What a block's range says of a test on every one of its rows; of two tests on the same rows
/// both hold, so the lesser verdict.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone, Copy)]
pub enum Verdict {
    /// No row passes.
    None,
    /// Some may: each row is tested.
    Some,
    /// Every row passes.
    All,
}

impl ZoneMap {
    #[inline(never)]
    pub fn build(rows: &BTreeMap<Key, Vec<Value>>, column: usize) -> ZoneMap {
        let mut blocks = Vec::with_capacity(rows.len().div_ceil(BLOCK));
        let mut entries = rows.iter().peekable();
        while let Some((start, _)) = entries.peek() {
            let start = (*start).clone();
            let block = entries.by_ref().take(BLOCK).map(|(_, row)| &row[column]);
            blocks.push(Block::of(start, block));
        }
        ZoneMap { blocks }
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }
}

impl Block {
    fn of<'a>(start: Key, values: impl Iterator<Item = &'a Value>) -> Block {
        let mut zone = Block {
            start,
            rows: 0,
            values: Values::None,
            nulls: false,
        };
        for value in values {
            zone.rows += 1;
            if value.is_null() {
                zone.nulls = true;
                continue;
            }
            zone.values = match std::mem::replace(&mut zone.values, Values::Unknown) {
                Values::None if compare::plain(value, value).is_some() => {
                    Values::Between(value.clone(), value.clone())
                }
                Values::Between(min, max) => {
                    match (compare::plain(value, &min), compare::plain(value, &max)) {
                        (Some(Ordering::Less), _) => Values::Between(value.clone(), max),
                        (_, Some(Ordering::Greater)) => Values::Between(min, value.clone()),
                        (Some(_), Some(_)) => Values::Between(min, max),
                        _ => Values::Unknown,
                    }
                }
                _ => Values::Unknown,
            };
        }
        zone
    }

    /// What `value <op> constant` gives for the block's rows, `passing` saying which of less,
    /// equal and greater pass (NULL never does). Exact: the values lie between the smallest and
    /// the largest, so they compare with the constant only in the ways those two and what lies
    /// between them do.
    pub fn verdict(&self, constant: &Value, passing: &[bool; 3]) -> Verdict {
        let (min, max) = match &self.values {
            Values::None => return Verdict::None,
            Values::Between(min, max) => (min, max),
            Values::Unknown => return Verdict::Some,
        };
        let (Some(low), Some(high)) =
            (compare::plain(min, constant), compare::plain(max, constant))
        else {
            return Verdict::Some;
        };
        let possible = &passing[(low as i8 + 1) as usize..=(high as i8 + 1) as usize];
        if possible.iter().all(|pass| !pass) {
            Verdict::None
        } else if possible.iter().all(|pass| *pass) && !self.nulls {
            Verdict::All
        } else {
            Verdict::Some
        }
    }

    /// The block's smallest and largest values that are not NULL (`Some(None)` when all are
    /// NULL); `None` when they are not known (values of several types).
    pub fn range(&self) -> Option<Option<(&Value, &Value)>> {
        match &self.values {
            Values::None => Some(None),
            Values::Between(min, max) => Some(Some((min, max))),
            Values::Unknown => None,
        }
    }

    /// The rows of this block in `rows` (the one the map was built from).
    pub fn of_rows<'r>(
        &self,
        rows: &'r BTreeMap<Key, Vec<Value>>,
    ) -> impl Iterator<Item = &'r [Value]> {
        rows.range((Bound::Included(&self.start), Bound::Unbounded))
            .take(self.rows)
            .map(|(_, row)| row.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `value <op> constant` passes, row by row, as a scan's quick test has it.
    fn passes(value: &Value, constant: &Value, passing: &[bool; 3]) -> Option<bool> {
        if value.is_null() {
            return Some(false);
        }
        compare::plain(value, constant).map(|order| passing[(order as i8 + 1) as usize])
    }

    /// Every verdict agrees with the rows: none passes a skipped block, all pass a whole one.
    #[test]
    fn verdicts_agree_with_every_row() {
        let mut state = 7u64;
        let mut next = move |n: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        let mut rows = BTreeMap::new();
        for key in 0..20 * BLOCK as i64 {
            // Mostly rising (as time is), with NULLs, noise, and a stretch of text among numbers.
            let block = key / BLOCK as i64;
            let value = match next(100) {
                0..=2 if block % 5 == 2 => Value::Null,
                3 if block == 8 => Value::Str(format!("t{key}")),
                _ => Value::I64(key / 3 + next(400) as i64),
            };
            rows.insert(Key::I64(key), vec![Value::I64(key), value]);
        }
        // One block of NULLs only.
        for key in 0..BLOCK as i64 {
            rows.insert(Key::I64(key), vec![Value::I64(key), Value::Null]);
        }
        let map = ZoneMap::build(&rows, 1);
        assert_eq!(map.blocks().len(), 20);
        assert_eq!(
            map.blocks().iter().map(|zone| zone.rows).sum::<usize>(),
            rows.len()
        );
        let ops = [
            [true, false, false],
            [true, true, false],
            [false, true, false],
            [false, true, true],
            [false, false, true],
            [true, false, true],
        ];
        let mut seen = [0; 3];
        for constant in [0, 500, 3000, 4000, 6000, 7000, 9999] {
            let constant = Value::I64(constant);
            for passing in &ops {
                for zone in map.blocks() {
                    let verdict = zone.verdict(&constant, passing);
                    seen[verdict as usize] += 1;
                    let each: Vec<Option<bool>> = zone
                        .of_rows(&rows)
                        .map(|row| passes(&row[1], &constant, passing))
                        .collect();
                    assert_eq!(each.len(), zone.rows);
                    match verdict {
                        Verdict::None => assert!(each.iter().all(|pass| *pass == Some(false))),
                        Verdict::All => assert!(each.iter().all(|pass| *pass == Some(true))),
                        Verdict::Some => {}
                    }
                }
            }
        }
        // Every kind of verdict was met, so each was checked.
        assert!(seen.iter().all(|n| *n > 0), "{seen:?}");
    }
}
