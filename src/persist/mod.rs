//! What kanbao remembers between runs: reading positions, marks, the search history
//! and the list of what was read, under `$XDG_STATE_HOME/kanbao/`.
//!
//! This layer only knows files and plain records: [`paths`] finds the directories
//! (XDG rules with their documented defaults), [`atomic`] writes a file so that no
//! reader ever sees half of it, [`place`] says where a reader was in a page in a way
//! that survives another terminal width, a rename and an edit, [`store`] keeps one
//! record per set of pages and [`history`] the search history. It imports nothing of
//! the reader: `state` turns positions into [`place::Place`]s and back, and `app`
//! decides when to save.
//!
//! # Safety of state
//! Every write goes to a temporary file in the same directory and is renamed over the
//! old one, so two kanbao processes never tear a file: the last writer wins for its
//! set of pages, and other sets live in other files. A file that cannot be read or
//! parsed is reported once (as a warning) and treated as absent.

pub mod atomic;
pub mod hash;
pub mod history;
pub mod paths;
pub mod place;
pub mod store;

pub use place::{Page, Place, content_key};
pub use store::{SetRecord, Store};
