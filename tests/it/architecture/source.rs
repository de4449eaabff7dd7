//! Reading Rust source just enough to follow its module paths: comments, strings and
//! test-only items are blanked, then each `crate::…` / `super::…` path (use trees
//! included) is resolved from the crate root.

use super::ModPath;

/// The source with comments, string and character literals blanked (newlines kept),
/// so that only code is scanned.
pub fn code_only(src: &str) -> String {
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
pub fn without_tests(code: &str) -> (String, Vec<String>) {
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
pub fn paths(code: &str, module: &[String]) -> Vec<(ModPath, String)> {
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
