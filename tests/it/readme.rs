//! README tells the truth about the keys: its key table is the keymap's help, row for
//! row, so a key added to `src/keymap.rs` without a README line fails here.

use std::fmt::Write as _;

/// The table README must hold, built from the same lines as the `?` overlay.
fn key_table() -> String {
    let mut table = String::from("| keys | what they do |\n|---|---|\n");
    for (keys, help) in kanbao::keymap::help_lines() {
        let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
        let _ = writeln!(table, "| {} | {help} |", keys.join(" "));
    }
    table
}

#[test]
fn readme_key_table_matches_the_keymap() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let table = key_table();
    assert!(
        readme.contains(&table),
        "README's key table is out of date; it should read:\n\n{table}"
    );
}
