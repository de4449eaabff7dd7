//! Integration tests, one binary (GUIDE: tests/it/main.rs declaring modules).

mod keywords;
mod sample;
mod search;
