//! Integration tests, one binary (GUIDE: tests/it/main.rs declaring modules).

mod parse_props;
mod cli;
mod input;
mod sample;
mod variants;
mod keywords;
mod search;
mod e2e;
mod interactions;
mod screens;
