//! Integration tests, one binary (GUIDE: tests/it/main.rs declaring modules).

mod cli;
mod e2e;
mod e2e_search;
mod fuzz;
mod hostile_tty;
mod input;
mod interactions;
mod keywords;
mod keywords_ui;
mod layout;
mod layout_snapshots;
mod parse_props;
mod pty;
mod readme;
mod sample;
mod scale;
mod scan;
mod screens;
mod search;
mod search_async;
mod search_screens;
mod search_ui;
mod support;
mod terminal_edges;
mod variants;
mod variants_fixtures;
