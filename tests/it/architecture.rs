//! Imports between the modules of `src/` go one way (issue 19; ARCHITECTURE.md).
//!
//! The check reads every library file, keeps its code (comments, strings and test-only
//! code dropped), follows each `crate::…` and `super::…` path to the module it names,
//! and fails on any cycle, printing it with the line of code behind each arrow.
//!
//! The model is the one a reader walks through: a module is a room, the modules inside
//! it are its smaller rooms, and its own file (`mod.rs`, or `lib.rs` for the crate) is
//! the hall that declares them. A room and the rooms it contains may use each other
//! freely (a hall re-exports its rooms, a room uses its hall's types); between the
//! sibling rooms of one hall, each counted with everything inside it, arrows must not
//! come back. So `state → action → state` is a cycle wherever in `state/` the two
//! paths are written.
//!
//! # Limitations
//!
//! A path is resolved by name, to the deepest module file it reaches: an item
//! re-exported by a hall counts as the hall's. Paths inside a non-test inline module
//! (`mod x { … }` in a file) are resolved as if written in the file itself.

mod cycles;
mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use cycles::find_cycles;
use source::{code_only, paths, without_tests};

/// A module path below the crate root: `["state", "search"]`.
pub type ModPath = Vec<String>;

/// One arrow between two sibling rooms, with the reference that makes it.
#[derive(Debug, Clone)]
struct Arrow {
    from: String,
    to: String,
    because: String,
}

#[test]
fn modules_of_src_import_each_other_one_way() {
    let files = src_files();
    let report = cycles_report(&files);
    assert!(
        report.is_empty(),
        "import cycles between modules of src/:\n{report}"
    );
}

#[test]
fn only_ui_app_and_tui_name_the_terminal_crates() {
    let found = naming_outside(
        &src_files(),
        &["ratatui", "crossterm"],
        &["ui", "app", "tui"],
    );
    assert!(
        found.is_empty(),
        "the terminal crates outside ui/, app.rs and tui.rs (GUIDE habit 1): {found:?}"
    );
}

#[test]
fn nothing_below_the_command_line_sees_it() {
    let files = src_files();
    let mut found = naming_outside(&files, &["clap"], &["cli", "main"]);
    for (file, text) in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let (code, _) = without_tests(&code_only(text));
        if module.first().map(String::as_str) != Some("cli")
            && paths(&code, &module)
                .iter()
                .any(|(p, _)| p.first().map(String::as_str) == Some("cli"))
        {
            found.push(format!("{file}: crate::cli"));
        }
    }
    assert!(
        found.is_empty(),
        "only main.rs and cli.rs know the command line; the rest take options::Options: {found:?}"
    );
}

/// The library's and the binary's source files, keyed by their path in `src/`.
fn src_files() -> BTreeMap<String, String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    read_tree(&src, &src, &mut files);
    assert!(
        files.len() > 20 && files.contains_key("lib.rs"),
        "src/ not read: {:?}",
        files.keys().collect::<Vec<_>>()
    );
    files
}

/// `file: crate` for each file outside the `allowed` top-level modules whose code
/// (comments, strings and tests dropped) names one of the `crates` as a path root.
fn naming_outside(
    files: &BTreeMap<String, String>,
    crates: &[&str],
    allowed: &[&str],
) -> Vec<String> {
    let mut found = Vec::new();
    for (file, text) in files {
        let top = file.split(['/', '.']).next().unwrap_or_default();
        if allowed.contains(&top) {
            continue;
        }
        let (code, _) = without_tests(&code_only(text));
        for name in crates {
            let named = code.match_indices(&format!("{name}::")).any(|(at, _)| {
                !code[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|b| b.is_alphanumeric() || b == '_' || b == ':')
            });
            if named {
                found.push(format!("{file}: {name}"));
            }
        }
    }
    found
}

/// Every `.rs` file under `dir`, keyed by its path relative to `src/`.
fn read_tree(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read src/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_tree(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).expect("under src/");
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.insert(rel, std::fs::read_to_string(&path).expect("read source"));
        }
    }
}

/// Every cycle among the library's modules, one per paragraph; empty when there is none.
fn cycles_report(files: &BTreeMap<String, String>) -> String {
    let arrows = arrows(files);
    let mut halls: BTreeMap<String, Vec<&Arrow>> = BTreeMap::new();
    for (hall, arrow) in &arrows {
        halls.entry(hall.clone()).or_default().push(arrow);
    }
    let mut report = String::new();
    for (hall, arrows) in halls {
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for a in &arrows {
            graph
                .entry(a.from.clone())
                .or_default()
                .insert(a.to.clone());
        }
        for (knot, cycle) in find_cycles(&graph) {
            let _ = writeln!(report, "in {hall}: {}", cycle.join(" → "));
            if knot.len() + 1 > cycle.len() {
                let _ = writeln!(report, "  (tangled with it: {})", knot.join(", "));
            }
            for pair in cycle.windows(2) {
                if let Some(a) = arrows.iter().find(|a| a.from == pair[0] && a.to == pair[1]) {
                    let _ = writeln!(report, "    {} → {}: {}", a.from, a.to, a.because);
                }
            }
        }
    }
    report
}

/// The module a file of `src/` defines; `None` for the binary's own files.
fn module_of(file: &str) -> Option<ModPath> {
    let stem = file.strip_suffix(".rs")?;
    let mut parts: ModPath = stem.split('/').map(str::to_string).collect();
    match parts.last().map(String::as_str) {
        Some("main") if parts.len() == 1 => return None,
        Some("bin") => return None,
        Some("lib") if parts.len() == 1 => parts.clear(),
        Some("mod") => {
            parts.pop();
        }
        _ => {}
    }
    (parts.first().map(String::as_str) != Some("bin")).then_some(parts)
}

/// Each arrow between sibling rooms, keyed by the hall they share (`crate`, `state`…).
fn arrows(files: &BTreeMap<String, String>) -> Vec<(String, Arrow)> {
    let mut modules: BTreeMap<ModPath, (&str, String)> = BTreeMap::new();
    let mut test_only: BTreeSet<ModPath> = BTreeSet::new();
    for (file, text) in files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let (code, test_children) = without_tests(&code_only(text));
        for child in test_children {
            let mut path = module.clone();
            path.push(child);
            test_only.insert(path);
        }
        modules.insert(module, (file.as_str(), code));
    }
    modules.retain(|m, _| !test_only.iter().any(|t| m.starts_with(t)));
    let mut out = Vec::new();
    for (module, (file, code)) in &modules {
        for (path, shown) in paths(code, module) {
            let Some(target) = (0..=path.len())
                .rev()
                .map(|n| &path[..n])
                .find(|p| modules.contains_key(*p))
            else {
                continue;
            };
            if let Some((hall, from, to)) = siblings(module, target) {
                let because = format!("src/{file} uses {shown}");
                out.push((hall, Arrow { from, to, because }));
            }
        }
    }
    out
}

/// The hall two modules meet in and the two sibling rooms holding them; `None` when one
/// contains the other.
fn siblings(from: &[String], to: &[String]) -> Option<(String, String, String)> {
    let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    let (a, b) = (from.get(common)?, to.get(common)?);
    let hall = if common == 0 {
        "crate".to_string()
    } else {
        from[..common].join("::")
    };
    Some((hall, a.clone(), b.clone()))
}

fn tree(files: &[(&str, &str)]) -> BTreeMap<String, String> {
    files
        .iter()
        .map(|(f, t)| ((*f).to_string(), (*t).to_string()))
        .collect()
}

#[test]
fn a_made_up_crate_with_rooms_using_each_other_is_reported_with_its_reasons() {
    let files = tree(&[
        ("lib.rs", "pub mod action;\npub mod state;\n"),
        (
            "action.rs",
            "pub enum Action { Apply(crate::state::search::Batch) }\n",
        ),
        ("state/mod.rs", "pub mod search;\npub struct AppState;\n"),
        (
            "state/search.rs",
            "use crate::{action::Action, document};\nuse super::AppState;\npub struct Batch;\n",
        ),
        ("main.rs", "fn main() { kanbao::state::search::run(); }\n"),
    ]);
    let report = cycles_report(&files);
    assert!(
        report.contains("in crate: action → state → action"),
        "{report}"
    );
    assert!(
        report.contains("src/action.rs uses crate::state::search::Batch"),
        "{report}"
    );
    assert!(
        report.contains("src/state/search.rs uses crate::{action::Action, document}"),
        "{report}"
    );
}

#[test]
fn halls_comments_strings_and_test_code_make_no_arrows() {
    let files = tree(&[
        ("lib.rs", "pub mod a;\npub mod b;\n"),
        // A hall and its rooms use each other: no cycle.
        (
            "a/mod.rs",
            "pub mod inner;\npub use inner::X;\nfn f() { crate::a::inner::g(); }\n",
        ),
        (
            "a/inner.rs",
            "use super::super::a::Hall;\nuse crate::b::Y;\n",
        ),
        (
            "b.rs",
            concat!(
                "/// See [`crate::a::X`].\n",
                "// crate::a::X\n",
                "/* nested /* crate::a::X */ crate::a::X */\n",
                "const S: &str = \"crate::a::X\";\n",
                "const R: &str = r#\"crate::a::X\"#;\n",
                "const C: char = '\"';\n",
                "fn f<'a>(x: &'a str) -> &'a str { x }\n",
                "#[cfg(test)]\nmod tests { use crate::a::X; fn t() { let _ = '{'; } }\n",
                "#[cfg(test)]\nmod more;\n",
            ),
        ),
        ("b/more.rs", "use crate::a::X;\n"),
    ]);
    assert_eq!(cycles_report(&files), "");
    // The same crate with one real arrow back is caught, so the blanking above is what
    // kept it clean.
    let mut caught = files.clone();
    caught.insert("b.rs".into(), "fn f() -> crate::a::X { todo!() }\n".into());
    assert!(
        cycles_report(&caught).contains("in crate: a → b → a"),
        "{}",
        cycles_report(&caught)
    );
}

#[test]
fn a_terminal_crate_named_in_code_outside_ui_is_found_and_one_in_comments_is_not() {
    let files = tree(&[
        (
            "state/mod.rs",
            "// ratatui::Frame\nconst S: &str = \"crossterm::event\";\n",
        ),
        ("ui/mod.rs", "use ratatui::Frame;\n"),
        (
            "layout/mod.rs",
            "fn f() -> ratatui::style::Style { todo!() }\n",
        ),
        (
            "document/mod.rs",
            "use my_ratatui::x;\n#[cfg(test)]\nmod tests { use crossterm::event; }\n",
        ),
    ]);
    let found = naming_outside(&files, &["ratatui", "crossterm"], &["ui"]);
    assert_eq!(found, ["layout/mod.rs: ratatui"]);
}
