//! The least-recently-used budget that says which parsed pages to turn back into
//! stubs ([`crate::document::stub`]) when reading an archive on demand
//! (`state::demand`).

use std::collections::HashMap;

pub use crate::document::stub::{is_stub, stub, weight};

/// The parsed pages and when each was last used: which to turn back into stubs once
/// their weight passes a budget.
#[derive(Debug, Clone, Default)]
pub struct PageBudget {
    /// Bytes the parsed pages may hold together.
    budget: usize,
    /// Per parsed page: its weight and the tick it was last used at.
    parsed: HashMap<usize, (usize, u64)>,
    /// Bytes the parsed pages hold now.
    held: usize,
    tick: u64,
}

impl PageBudget {
    /// Parsed pages may hold `budget` bytes together.
    pub fn new(budget: usize) -> Self {
        Self {
            budget,
            ..Self::default()
        }
    }

    /// Page `doc`, of `weight` bytes, is parsed and was used now.
    pub fn touch(&mut self, doc: usize, weight: usize) {
        self.tick += 1;
        if let Some((old, _)) = self.parsed.insert(doc, (weight, self.tick)) {
            self.held -= old;
        }
        self.held += weight;
    }

    /// Page `doc` is a stub again (or gone).
    pub fn forget(&mut self, doc: usize) {
        if let Some((weight, _)) = self.parsed.remove(&doc) {
            self.held -= weight;
        }
    }

    /// Bytes the parsed pages hold.
    pub fn held(&self) -> usize {
        self.held
    }

    /// Whether page `doc` is counted as parsed.
    pub fn is_parsed(&self, doc: usize) -> bool {
        self.parsed.contains_key(&doc)
    }

    /// The pages to turn into stubs, least recently used first, until the rest fit the
    /// budget; pages for which `pinned` is true (on screen, just ahead) are never
    /// chosen, even when they alone pass it. The chosen pages are forgotten.
    pub fn evict(&mut self, pinned: impl Fn(usize) -> bool) -> Vec<usize> {
        if self.held <= self.budget {
            return Vec::new();
        }
        let mut by_age: Vec<(u64, usize)> = self
            .parsed
            .iter()
            .filter(|&(&doc, _)| !pinned(doc))
            .map(|(&doc, &(_, tick))| (tick, doc))
            .collect();
        by_age.sort_unstable();
        let mut out = Vec::new();
        for (_, doc) in by_age {
            if self.held <= self.budget {
                break;
            }
            self.forget(doc);
            out.push(doc);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_evicts_least_recently_used_pages_first() {
        let mut b = PageBudget::new(30);
        b.touch(0, 10);
        b.touch(1, 10);
        b.touch(2, 10);
        assert!(b.evict(|_| false).is_empty(), "within the budget");
        b.touch(0, 10); // used again: now the newest
        b.touch(3, 10);
        b.touch(4, 10);
        assert_eq!(b.evict(|_| false), vec![1, 2]);
        assert_eq!(b.held(), 30);
        assert!(b.is_parsed(0) && !b.is_parsed(1));
    }

    #[test]
    fn pinned_pages_stay_even_past_the_budget() {
        let mut b = PageBudget::new(10);
        for doc in 0..4 {
            b.touch(doc, 10);
        }
        assert_eq!(b.evict(|d| d == 0 || d == 3), vec![1, 2]);
        assert_eq!(b.held(), 20, "the pinned pages alone pass it");
        b.touch(3, 25); // re-parsed, heavier
        assert_eq!(b.held(), 35);
        b.forget(3);
        assert_eq!(b.held(), 10);
    }
}
