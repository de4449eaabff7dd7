//! Integration tests, one binary (GUIDE: tests/it/main.rs declaring modules).

mod parse_props;
mod sample;
mod variants;
