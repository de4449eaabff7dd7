//! kanbao (看报, "read the paper"): a terminal reader for OCR'd Chinese newspaper pages.
//!
//! The crate is layered so that each layer only looks down (see `GUIDE.md` in the
//! shared folder):
//!
//! * [`input`] turns bytes (files, directories, stdin) into safe UTF-8 text;
//! * [`document`] rebuilds the newspaper (articles, headlines, bylines, captions…);
//! * [`layout`] sets that text into terminal lines with Chinese line-breaking rules;
//! * [`analysis`] finds search matches and jieba keywords as byte ranges;
//! * [`state`] holds the one `AppState` and the only `update` that changes it;
//! * [`ui`] draws state with ratatui; [`app`] and [`tui`] own the terminal.
#![forbid(unsafe_code)]

pub mod action;
pub mod analysis;
pub mod app;
pub mod cli;
pub mod document;
pub mod dump;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod loader;
pub mod search_runner;
pub mod state;
pub mod tui;
pub mod ui;
