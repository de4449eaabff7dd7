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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// A module path below the crate root: `["state", "search"]`.
type ModPath = Vec<String>;

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

/// The source with comments, string and character literals blanked (newlines kept),
/// so that only code is scanned.
fn code_only(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let ident = |ch: char| ch.is_alphanumeric() || ch == '_';
    while i < c.len() {
        let at = |k: usize| c.get(i + k).copied().unwrap_or('\0');
        let after_ident = i > 0 && ident(c[i - 1]);
        let skipped_to = if at(0) == '/' && at(1) == '/' {
            c[i..]
                .iter()
                .position(|&ch| ch == '\n')
                .map_or(c.len(), |p| i + p)
        } else if at(0) == '/' && at(1) == '*' {
            block_comment_end(&c, i)
        } else if at(0) == 'r' && !after_ident && (at(1) == '"' || at(1) == '#') {
            raw_string_end(&c, i).unwrap_or(i)
        } else if at(0) == '"' {
            string_end(&c, i)
        } else if at(0) == '\'' && at(1) == '\\' {
            c[i + 2..]
                .iter()
                .position(|&ch| ch == '\'')
                .map_or(c.len(), |p| i + 3 + p)
        } else if at(0) == '\'' && at(2) == '\'' {
            i + 3
        } else {
            i
        };
        if skipped_to > i {
            let newlines = c[i..skipped_to].iter().filter(|&&ch| ch == '\n').count();
            out.push(' ');
            out.extend(std::iter::repeat_n('\n', newlines));
            i = skipped_to;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// Just past the `*/` closing the (nestable) block comment opening at `i`.
fn block_comment_end(c: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            depth += 1;
            i += 2;
        } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    c.len()
}

/// Just past the closing quote of the string opening at `i`.
fn string_end(c: &[char], mut i: usize) -> usize {
    i += 1;
    while i < c.len() {
        match c[i] {
            '\\' => i += 2,
            '"' => return i + 1,
            _ => i += 1,
        }
    }
    c.len()
}

/// Just past the raw string `r#"…"#` opening at `i`; `None` for a raw identifier.
fn raw_string_end(c: &[char], i: usize) -> Option<usize> {
    let hashes = c[i + 1..].iter().take_while(|&&ch| ch == '#').count();
    let quote = i + 1 + hashes;
    if c.get(quote) != Some(&'"') {
        return None;
    }
    let mut j = quote + 1;
    while j < c.len() {
        if c[j] == '"'
            && c[j + 1..]
                .iter()
                .take(hashes)
                .filter(|&&ch| ch == '#')
                .count()
                == hashes
        {
            return Some(j + 1 + hashes);
        }
        j += 1;
    }
    Some(c.len())
}

/// The code without items under `#[cfg(test)]`, and the names of child modules declared
/// as test-only (`#[cfg(test)] mod tests;`).
fn without_tests(code: &str) -> (String, Vec<String>) {
    const MARK: &str = "#[cfg(test)]";
    let mut out = String::new();
    let mut children = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(MARK) {
        out.push_str(&rest[..at]);
        let item = &rest[at + MARK.len()..];
        let end = item_end(item);
        let words: Vec<&str> = item[..end]
            .split(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == ';'))
            .filter(|w| !w.is_empty())
            .collect();
        if let Some(i) = words.iter().position(|w| *w == "mod")
            && let Some(name) = words.get(i + 1)
            && item[..end].trim_end().ends_with(';')
        {
            children.push(name.trim_end_matches(';').to_string());
        }
        out.extend(item[..end].chars().filter(|&ch| ch == '\n'));
        rest = &item[end..];
    }
    out.push_str(rest);
    (out, children)
}

/// Where the item starting `code` ends: after its first `;` outside brackets, or after
/// the brace closing its first block.
fn item_end(code: &str) -> usize {
    let mut depth = 0usize;
    for (i, ch) in code.char_indices() {
        match ch {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 && ch == '}' {
                    return i + 1;
                }
            }
            ';' if depth == 0 => return i + 1,
            _ => {}
        }
    }
    code.len()
}

/// Every module path the code of `module` names through `crate::` or `super::`,
/// resolved from the crate root, with the text it was written as.
fn paths(code: &str, module: &[String]) -> Vec<(ModPath, String)> {
    let c: Vec<char> = code.chars().collect();
    let word_at = |i: usize, w: &str| {
        let before = i.checked_sub(1).map(|k| c[k]);
        c[i..].iter().take(w.len()).copied().eq(w.chars())
            && !before.is_some_and(|b| b.is_alphanumeric() || b == '_' || b == '$' || b == ':')
            && c[i + w.len()..].starts_with(&[':', ':'])
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let (mut base, mut j): (ModPath, usize) = if word_at(i, "crate") {
            (Vec::new(), i + "crate::".len())
        } else if word_at(i, "super") {
            let mut base = module.to_vec();
            let mut j = i;
            while c[j..].starts_with(&['s', 'u', 'p', 'e', 'r', ':', ':']) {
                base.pop();
                j += "super::".len();
            }
            (base, j)
        } else {
            i += 1;
            continue;
        };
        let start = i;
        let mut found = Vec::new();
        use_tree(&c, &mut j, &mut base, &mut found);
        let shown: String = c[start..j].iter().collect();
        let shown = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        out.extend(found.into_iter().map(|p| (p, shown.clone())));
        i = j.max(i + 1);
    }
    out
}

/// Reads a path or a use tree (`a::b`, `a::{b, c::d}`, `a::*`) at `j`, pushing each
/// complete path onto `out`.
fn use_tree(c: &[char], j: &mut usize, prefix: &mut ModPath, out: &mut Vec<ModPath>) {
    let skip_ws = |j: &mut usize| {
        while c.get(*j).is_some_and(|ch| ch.is_whitespace()) {
            *j += 1;
        }
    };
    let depth = prefix.len();
    loop {
        skip_ws(j);
        match c.get(*j) {
            Some('{') => {
                *j += 1;
                loop {
                    skip_ws(j);
                    match c.get(*j) {
                        Some('}') => {
                            *j += 1;
                            break;
                        }
                        Some(',') => *j += 1,
                        Some(_) => {
                            let before = *j;
                            use_tree(c, j, prefix, out);
                            if *j == before {
                                *j += 1;
                            }
                        }
                        None => break,
                    }
                }
                break;
            }
            Some(ch) if ch.is_alphanumeric() || *ch == '_' => {
                let len = c[*j..]
                    .iter()
                    .take_while(|ch| ch.is_alphanumeric() || **ch == '_')
                    .count();
                let name: String = c[*j..*j + len].iter().collect();
                *j += len;
                if name != "self" {
                    prefix.push(name);
                }
                if c[*j..].starts_with(&[':', ':']) {
                    *j += 2;
                } else {
                    out.push(prefix.clone());
                    break;
                }
            }
            _ => {
                out.push(prefix.clone());
                break;
            }
        }
    }
    prefix.truncate(depth);
}

/// Each knot of nodes that reach each other (Tarjan's strongly connected components),
/// with one cycle through it closed on its first node.
fn find_cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<(Vec<String>, Vec<String>)> {
    let mut tarjan = Tarjan::default();
    let nodes: BTreeSet<&String> = graph
        .iter()
        .flat_map(|(from, tos)| std::iter::once(from).chain(tos))
        .collect();
    for node in nodes {
        if !tarjan.index.contains_key(node) {
            tarjan.visit(graph, node);
        }
    }
    let mut cycles = Vec::new();
    for group in tarjan.groups {
        let self_loop =
            group.len() == 1 && graph.get(&group[0]).is_some_and(|t| t.contains(&group[0]));
        if group.len() > 1 || self_loop {
            let cycle = cycle_within(graph, &group);
            cycles.push((group, cycle));
        }
    }
    cycles
}

/// A walk from the group's first node that keeps inside the group until it comes back.
fn cycle_within(graph: &BTreeMap<String, BTreeSet<String>>, group: &[String]) -> Vec<String> {
    let inside: BTreeSet<&String> = group.iter().collect();
    let start = &group[0];
    // Breadth-first from start's successors back to start: the shortest cycle through it.
    let mut came_from: BTreeMap<&String, &String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for next in graph.get(node).into_iter().flatten() {
            if !inside.contains(next) || came_from.contains_key(next) {
                continue;
            }
            came_from.insert(next, node);
            if next == start {
                let mut cycle = vec![start.clone()];
                let mut at = node;
                while at != start {
                    cycle.push(at.clone());
                    at = came_from[at];
                }
                cycle.push(start.clone());
                cycle.reverse();
                return cycle;
            }
            queue.push_back(next);
        }
    }
    group.to_vec()
}

#[derive(Default)]
struct Tarjan {
    index: BTreeMap<String, usize>,
    low: BTreeMap<String, usize>,
    stack: Vec<String>,
    on_stack: BTreeSet<String>,
    groups: Vec<Vec<String>>,
}

impl Tarjan {
    fn visit(&mut self, graph: &BTreeMap<String, BTreeSet<String>>, node: &String) {
        let n = self.index.len();
        self.index.insert(node.clone(), n);
        self.low.insert(node.clone(), n);
        self.stack.push(node.clone());
        self.on_stack.insert(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if !self.index.contains_key(next) {
                self.visit(graph, next);
                let low = self.low[node].min(self.low[next]);
                self.low.insert(node.clone(), low);
            } else if self.on_stack.contains(next) {
                let low = self.low[node].min(self.index[next]);
                self.low.insert(node.clone(), low);
            }
        }
        if self.low[node] == self.index[node] {
            let mut group = Vec::new();
            while let Some(top) = self.stack.pop() {
                self.on_stack.remove(&top);
                let done = top == *node;
                group.push(top);
                if done {
                    break;
                }
            }
            group.sort();
            self.groups.push(group);
        }
    }
}

fn graph(edges: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (a, b) in edges {
        g.entry((*a).to_string())
            .or_default()
            .insert((*b).to_string());
    }
    g
}

#[test]
fn the_cycle_finder_finds_a_made_up_cycle_and_nothing_in_a_made_up_tree() {
    let acyclic = graph(&[
        ("app", "state"),
        ("state", "action"),
        ("app", "action"),
        ("ui", "state"),
    ]);
    assert!(find_cycles(&acyclic).is_empty());
    let cyclic = graph(&[
        ("app", "state"),
        ("state", "keymap"),
        ("keymap", "action"),
        ("action", "state"),
        ("ui", "ui"),
        ("app", "ui"),
    ]);
    let cycles: Vec<_> = find_cycles(&cyclic).into_iter().map(|(_, c)| c).collect();
    assert_eq!(cycles.len(), 2, "{cycles:?}");
    assert!(cycles.contains(&vec![
        "action".to_string(),
        "state".into(),
        "keymap".into(),
        "action".into()
    ]));
    assert!(cycles.contains(&vec!["ui".to_string(), "ui".into()]));
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
