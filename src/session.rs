//! What one run of the reader remembers, and when it saves it.
//!
//! At start [`Session::open`] works out which set of pages this is (its content key,
//! `crate::persist::store::set_key`), finds what an earlier run remembered of it (by
//! key, or else by the paths it was opened with, for a page that was edited since)
//! and reads the search history; [`Session::restore_action`] hands that to the state
//! as one action. `app` calls [`Session::save`] on quit, on a signal, when a mark is
//! set and now and then while reading. Nothing is written when there is no state
//! directory, and a file that cannot be read is one warning, never a refusal to open.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::action::Action;
use crate::document::Document;
use crate::options::MemoryOptions;
use crate::persist::store::{self, set_key};
use crate::persist::{SetRecord, Store, content_key, history};
use crate::state::{AppState, memory};

/// The set of pages being read and where its record lives.
#[derive(Debug)]
pub struct Session {
    store: Option<Store>,
    history_file: Option<PathBuf>,
    key: u64,
    label: String,
    paths: Vec<String>,
    /// The record found at start, until it is handed to the state.
    found: Option<SetRecord>,
    searches: Vec<String>,
    warnings: Vec<String>,
    resume: bool,
    /// The position last saved, so the periodic save writes only after a move.
    saved: Option<SetRecord>,
}

impl Session {
    /// The session of the set opened by `paths`, whose first page is `first` of
    /// `pages` pages.
    pub fn open(
        options: &MemoryOptions,
        paths: &[PathBuf],
        first: &Document,
        pages: usize,
    ) -> Self {
        let key = set_key(content_key(&first.text), pages);
        let paths = absolute(paths);
        let label = if paths.is_empty() {
            "(the bundled sample page)".to_string()
        } else {
            paths.join(" ")
        };
        let mut session = Self {
            store: options
                .state_dir
                .as_ref()
                .map(|d| Store::new(d.join("places"))),
            history_file: options.state_dir.as_ref().map(|d| d.join("search-history")),
            key,
            label,
            paths,
            found: None,
            searches: Vec::new(),
            warnings: Vec::new(),
            resume: options.resume,
            saved: None,
        };
        if let Some(store) = &session.store {
            match store.load(key) {
                Ok(found) => session.found = found,
                Err(warning) => session.warnings.push(warning),
            }
            if session.found.is_none() && !session.paths.is_empty() {
                // Edited since: the same paths, another content.
                session.found = store.all().into_iter().find(|r| r.paths == session.paths);
            }
        }
        if let Some(file) = &session.history_file {
            session.searches = history::load(file);
        }
        session
    }

    /// The action that gives the state what was remembered, with `notes` (warnings)
    /// to show on the status line.
    pub fn restore_action(&mut self, mut notes: Vec<String>) -> Action {
        let mut all = std::mem::take(&mut self.warnings);
        all.append(&mut notes);
        Action::RestoreMemory {
            record: self.found.take().map(Box::new),
            resume: self.resume,
            searches: self.searches.clone(),
            notes: all,
        }
    }

    /// Saves the position, marks and search history; `only_if_moved` skips the
    /// write when nothing changed since the last one (the periodic save).
    pub fn save(&mut self, state: &mut AppState, only_if_moved: bool) {
        let Some(store) = &self.store else {
            return;
        };
        let mut record = memory::snapshot(state);
        record.key = self.key;
        record.label.clone_from(&self.label);
        record.paths.clone_from(&self.paths);
        let unchanged = self
            .saved
            .as_ref()
            .is_some_and(|s| s.position == record.position && s.marks == record.marks);
        if only_if_moved && unchanged {
            return;
        }
        record.saved_at = store::now();
        // A save that fails (a read-only home) must not stop the reader: it is retried
        // at the next save.
        if store.save(&record).is_ok() {
            self.saved = Some(record);
        }
        if let Some(file) = &self.history_file {
            let queries = state.search.history.entries();
            if queries != self.searches.as_slice() {
                let _ = history::save(file, queries);
                self.searches = queries.to_vec();
            }
        }
    }
}

/// The paths made absolute (resolving links), as `--recent` shows them; `-` stays.
fn absolute(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| {
            if p == Path::new("-") {
                return "-".to_string();
            }
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// `kanbao --recent`: what was read, newest first, when, and where it stopped.
pub fn recent(state_dir: &Path) -> String {
    let records = Store::new(state_dir.join("places")).all();
    if records.is_empty() {
        return "nothing read yet\n".to_string();
    }
    let mut out = String::new();
    for r in records {
        let _ = write!(
            out,
            "{}  {}\n    {}\n",
            store::format_time(r.saved_at),
            r.label,
            r.summary
        );
    }
    out
}
