//! Integration tests, one binary (GUIDE: tests/it/main.rs declaring modules).

mod sample;
mod interactions;
mod screens;
