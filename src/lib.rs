//! kanbao (看报, "read the paper"): a terminal reader for OCR'd Chinese newspaper pages.
//!
//! The crate is layered so that each layer only looks down (`ARCHITECTURE.md` draws
//! the map; `tests/it/architecture.rs` fails on an import cycle):
//!
//! * [`input`] turns bytes (files, directories, stdin) into safe UTF-8 text;
//! * [`document`] rebuilds the newspaper (articles, headlines, bylines, captions…);
//! * [`layout`] sets that text into terminal lines with Chinese line-breaking rules;
//! * [`analysis`] finds search matches and jieba keywords as byte ranges, and runs
//!   both off the UI thread; [`loader`] parses pages in the background;
//! * [`action`] names every intention; [`state`] holds the one `AppState` and the only
//!   `update` that changes it; [`keymap`] maps keys to actions;
//! * [`ui`] draws state with ratatui; [`app`] and [`tui`] own the terminal;
//!   [`dump`] prints instead, taking pages one at a time from [`stream`];
//! * [`index`] keeps a persistent full-text index of an archive in the cache;
//! * [`options`] is what a run is asked to do, filled from the command line by [`cli`].
#![forbid(unsafe_code)]

pub mod action;
pub mod analysis;
pub mod app;
pub mod cli;
pub mod config;
pub mod document;
pub mod dump;
pub mod i18n;
pub mod index;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod loader;
pub mod options;
pub mod persist;
pub mod photo;
pub mod session;
pub mod state;
pub mod stream;
pub mod tui;
pub mod ui;
