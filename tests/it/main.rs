//! Integration tests, one binary (GUIDE: tests/it/main.rs declaring modules).

mod layout;
mod layout_snapshots;
mod sample;
