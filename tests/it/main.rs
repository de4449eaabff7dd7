//! Integration tests, one binary (GUIDE: tests/it/main.rs declaring modules).

mod sample;
mod layout;
mod layout_snapshots;
