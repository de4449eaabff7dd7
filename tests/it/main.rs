//! Integration tests, one binary (GUIDE: tests/it/main.rs declaring modules).

mod e2e;
mod interactions;
mod sample;
mod screens;
