//! One jieba for the whole reader.
//!
//! jieba with kanbao's dictionaries holds about 42 MB and takes 100–400 ms of a core to
//! load. Three parts of the reader want it: the keyword worker (always, unless keywords
//! are off), the in-memory search's whole-word mode, and the archive index's whole-word
//! search. Each holds a clone of one [`SharedJieba`]: whichever asks first loads it with
//! [`SharedJieba::get_or_load`] (a second caller waits for that load rather than
//! starting its own), a segmenter loaded elsewhere can be handed over with
//! [`SharedJieba::offer`], and the UI thread, which must never wait, only
//! [`SharedJieba::peek`]s.

use std::fmt;
use std::sync::{Arc, Mutex};

use super::segmenter::{Segmenter, SegmenterOptions};

/// A handle on the process's one jieba; clones share it.
#[derive(Clone, Default)]
pub struct SharedJieba {
    slot: Arc<Mutex<Slot>>,
    /// How to load it when nobody has handed one over.
    options: Arc<SegmenterOptions>,
}

#[derive(Default)]
enum Slot {
    #[default]
    Empty,
    /// Loading failed (a bad user dictionary), for this reason: whole-word search
    /// acts as substring, and keywords are off.
    Failed(String),
    Ready(Arc<Segmenter>),
}

impl SharedJieba {
    /// An empty handle that loads jieba with `options` when first asked.
    pub fn new(options: SegmenterOptions) -> Self {
        Self {
            slot: Arc::default(),
            options: Arc::new(options),
        }
    }

    /// Hands over a segmenter loaded elsewhere (the keyword worker's). The first one
    /// kept stays: replacing it would not free it while a search holds it.
    pub fn offer(&self, seg: Arc<Segmenter>) {
        if let Ok(mut slot) = self.slot.lock()
            && !matches!(*slot, Slot::Ready(_))
        {
            *slot = Slot::Ready(seg);
        }
    }

    /// The segmenter, loading it on this thread if nobody has (slow the first time:
    /// call it off the UI thread). `None` when it cannot be loaded.
    pub fn get_or_load(&self) -> Option<Arc<Segmenter>> {
        self.load().ok()
    }

    /// [`get_or_load`](Self::get_or_load), with the reason it cannot be loaded.
    ///
    /// # Errors
    /// The dictionaries cannot be read (the same reason every time).
    pub fn load(&self) -> Result<Arc<Segmenter>, String> {
        let mut slot = self
            .slot
            .lock()
            .map_err(|_| "jieba's loader panicked".to_string())?;
        if matches!(*slot, Slot::Empty) {
            *slot = match Segmenter::load(&self.options) {
                Ok(seg) => Slot::Ready(Arc::new(seg)),
                Err(err) => Slot::Failed(err.to_string()),
            };
        }
        match &*slot {
            Slot::Ready(seg) => Ok(Arc::clone(seg)),
            Slot::Failed(why) => Err(why.clone()),
            Slot::Empty => Err("jieba is not loaded".into()),
        }
    }

    /// The segmenter if it is there now; never waits (a load in progress is `None`).
    pub fn peek(&self) -> Option<Arc<Segmenter>> {
        match &*self.slot.try_lock().ok()? {
            Slot::Ready(seg) => Some(Arc::clone(seg)),
            _ => None,
        }
    }
}

impl fmt::Debug for SharedJieba {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.slot.try_lock().as_deref() {
            Ok(Slot::Empty) => "empty",
            Ok(Slot::Failed(_)) => "failed",
            Ok(Slot::Ready(_)) => "ready",
            Err(_) => "busy",
        };
        write!(f, "SharedJieba({state})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> SegmenterOptions {
        SegmenterOptions {
            no_default_dict: true,
            ..SegmenterOptions::default()
        }
    }

    #[test]
    fn clones_share_one_segmenter_loaded_once() {
        let jieba = SharedJieba::new(small());
        let other = jieba.clone();
        assert!(
            jieba.peek().is_none(),
            "nothing loaded before it is asked for"
        );
        let first = other.get_or_load().expect("jieba loads");
        let again = jieba.get_or_load().expect("still there");
        assert!(Arc::ptr_eq(&first, &again));
        assert!(jieba.peek().is_some_and(|s| Arc::ptr_eq(&s, &first)));
    }

    #[test]
    fn an_offered_segmenter_is_used_and_not_replaced() {
        let jieba = SharedJieba::new(small());
        let offered = Arc::new(Segmenter::load(&small()).expect("jieba loads"));
        jieba.offer(Arc::clone(&offered));
        let later = Arc::new(Segmenter::load(&small()).expect("jieba loads"));
        jieba.offer(later);
        let got = jieba.get_or_load().expect("there");
        assert!(Arc::ptr_eq(&got, &offered));
    }

    #[test]
    fn a_dictionary_that_fails_to_load_gives_none_every_time() {
        let jieba = SharedJieba::new(SegmenterOptions {
            user_dict: Some("/nonexistent/kanbao-dict.txt".into()),
            ..small()
        });
        let why = jieba.load().expect_err("no such dictionary");
        assert!(why.contains("kanbao-dict.txt"), "{why}");
        assert_eq!(jieba.load().expect_err("tried once"), why);
        assert!(jieba.get_or_load().is_none());
        assert!(jieba.peek().is_none());
    }
}
