//! Integration tests, one binary (GUIDE: tests/it/main.rs declaring modules).

mod cli;
mod input;
mod sample;
