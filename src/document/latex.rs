//! Inline LaTeX (MinerU and other formula-aware converters) as readable text.
//!
//! MinerU wraps anything that looks mathematical in `$…$`: a percentage (`同比
//! $+12.5\%$`), an e-mail's `$@$`, a superscript plus (`内销 $^+$ 外销`). On a newspaper
//! page these are plain text: the delimiters and the LaTeX escapes go, and so do the
//! spaces the converter put around the math (`同比+12.5%`, `wang@example.com`). A real
//! formula (letters as variables, `\frac`, Greek) stays a formula, without its `$`
//! and with the common commands written as the symbols they print.
//!
//! A `$` opens math only as pandoc reads it: the next character is not a space, the
//! closing `$` is on the same line, not after a space, and not followed by a digit, so
//! `$5 和 $6` stays money. Nothing but markup is dropped: every character of the
//! content that is not a delimiter, brace or known command name is kept.

use super::habits::{self, Habits};
use super::text::is_han;

/// Longest inline formula looked for (bytes); the scan stays linear on long lines.
const MATH_MAX: usize = 300;

/// Commands that print one symbol.
const SYMBOLS: &[(&str, &str)] = &[
    ("%", "%"),
    ("&", "&"),
    ("$", "$"),
    ("#", "#"),
    ("_", "_"),
    ("{", "{"),
    ("}", "}"),
    (",", ""),
    (";", ""),
    (":", ""),
    ("!", ""),
    (" ", " "),
    ("cdot", "·"),
    ("times", "×"),
    ("div", "÷"),
    ("pm", "±"),
    ("mp", "∓"),
    ("leq", "≤"),
    ("le", "≤"),
    ("geq", "≥"),
    ("ge", "≥"),
    ("neq", "≠"),
    ("ne", "≠"),
    ("approx", "≈"),
    ("sim", "~"),
    ("circ", "°"),
    ("degree", "°"),
    ("permil", "‰"),
    ("quad", " "),
    ("qquad", " "),
    ("to", "→"),
    ("rightarrow", "→"),
    ("leftarrow", "←"),
    ("infty", "∞"),
    ("alpha", "α"),
    ("beta", "β"),
    ("gamma", "γ"),
    ("delta", "δ"),
    ("Delta", "Δ"),
    ("mu", "μ"),
    ("pi", "π"),
    ("sigma", "σ"),
    ("Sigma", "Σ"),
    ("omega", "ω"),
    ("Omega", "Ω"),
    ("lambda", "λ"),
    ("theta", "θ"),
];

/// Commands whose braced argument is plain text (`\text{万元}` → `万元`).
const WRAPPERS: &[&str] = &[
    "text",
    "mathrm",
    "mathbf",
    "mathit",
    "textbf",
    "textrm",
    "rm",
    "bf",
    "mathsf",
    "operatorname",
    "boldsymbol",
    "mbox",
];

/// Reads inline math at `line[at..]` (which starts with `$`), writes what it stands
/// for to `out` and returns the bytes used; `None` when the `$` is text.
pub(crate) fn math(line: &str, at: usize, out: &mut String, habits: &mut Habits) -> Option<usize> {
    let rest = line.get(at..)?;
    let display = rest.starts_with("$$");
    let delim = if display { 2 } else { 1 };
    let body = rest.get(delim..)?;
    let first = body.chars().next()?;
    if first.is_whitespace() || first == '$' {
        return None;
    }
    let end = closing(body, display)?;
    let content = body.get(..end)?;
    let after = body.get(end + delim..).unwrap_or("");
    if !display && after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let text = render(content);
    habits.note(habits::INLINE_LATEX);
    let mut used = delim + end + delim;
    if is_plain(&text) {
        let joiner = !text.chars().any(char::is_alphanumeric);
        // The spaces the converter put around the math go when a neighbour is
        // Chinese, or when the math is only a joining symbol (`wang $@$ example.com`).
        let before = out.chars().rev().nth(1);
        if out.ends_with(' ') && (joiner || before.is_some_and(|c| !c.is_ascii())) {
            out.pop();
        }
        let next = after.chars().nth(1);
        if after.starts_with(' ') && (joiner || next.is_some_and(|c| !c.is_ascii())) {
            used += 1;
        }
        out.extend(text.chars().filter(|c| !c.is_whitespace()));
    } else {
        out.push_str(text.trim());
    }
    Some(used)
}

/// The byte offset of the closing delimiter in `body`, within [`MATH_MAX`] bytes.
fn closing(body: &str, display: bool) -> Option<usize> {
    let mut escaped = false;
    let mut prev = ' ';
    for (i, c) in body.char_indices() {
        if i > MATH_MAX || c == '\n' {
            return None;
        }
        if c == '$' && !escaped {
            let closes = if display {
                body.get(i..).is_some_and(|r| r.starts_with("$$"))
            } else {
                !prev.is_whitespace()
            };
            return closes.then_some(i);
        }
        escaped = c == '\\' && !escaped;
        prev = c;
    }
    None
}

/// Whether rendered math is plain text: digits, symbols and words from `\text{}`,
/// but no Latin letters standing for variables.
fn is_plain(text: &str) -> bool {
    let variable = |c: char| c.is_alphabetic() && !is_han(c) || c == '\\';
    !text.trim().is_empty() && !text.chars().any(variable) || is_unit_word(text)
}

/// `10 km`, `5 kg`, `3 GW`: a number with a unit is plain text too.
fn is_unit_word(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let letters = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    letters.len() < t.len()
        && letters.len() <= 3
        && letters.chars().all(|c| c.is_ascii_alphabetic() || c == '%')
}

/// LaTeX → readable text: known commands as their symbols, wrappers and `^`/`_`
/// groups unwrapped, braces dropped; unknown commands kept as written.
pub(crate) fn render(content: &str) -> String {
    let mut out = String::with_capacity(content.len());
    let mut depth = 0usize;
    // Depths at which a `\frac` group ends: its numerator is followed by `/`.
    let mut fracs: Vec<usize> = Vec::new();
    let mut chars = content.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let rest = content.get(i + 1..).unwrap_or("");
        match c {
            '\\' => {
                let name = command_name(rest);
                if let Some((_, sym)) = SYMBOLS.iter().find(|(n, _)| *n == name) {
                    out.push_str(sym);
                } else if name == "frac" {
                    fracs.push(depth);
                } else if !WRAPPERS.contains(&name) {
                    out.push('\\');
                    out.push_str(name);
                }
                for _ in 0..name.chars().count() {
                    chars.next();
                }
            }
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if fracs.last() == Some(&depth) {
                    fracs.pop();
                    out.push('/');
                }
            }
            // `^+`, `^{+}`, `^{\circ}`: a raised sign or degree is the sign itself.
            '^' if raised_sign(rest) => {}
            '~' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The name of the command after a backslash: a run of letters, or one character.
fn command_name(rest: &str) -> &str {
    let letters = rest
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(rest.len(), |(n, _)| n);
    let len = if letters == 0 {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        letters
    };
    rest.get(..len).unwrap_or("")
}

/// Whether what follows a `^` is a sign or a degree mark rather than an exponent.
fn raised_sign(rest: &str) -> bool {
    let inner = rest.trim_start().trim_start_matches(['{', ' ']);
    inner.starts_with(['+', '-']) || inner.starts_with("\\circ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        crate::document::inline::clean(s)
    }

    #[test]
    fn math_around_plain_symbols_is_plain_text() {
        assert_eq!(clean("同比 $+12.5\\%$，"), "同比+12.5%，");
        assert_eq!(
            clean("联系人 wang $@$ example.com"),
            "联系人 wang@example.com"
        );
        assert_eq!(clean("内销 $^+$ 外销"), "内销+外销");
        assert_eq!(clean("增长 $2 0 \\%$ 以上"), "增长20%以上");
        assert_eq!(clean("气温 $3 5 ^ { \\circ }$ C"), "气温35° C");
        assert_eq!(clean("面积 $\\text{万}$ 亩"), "面积万亩");
    }

    #[test]
    fn a_real_formula_stays_readable() {
        assert_eq!(clean("公式 $E = mc^2$ 成立"), "公式 E = mc^2 成立");
        assert_eq!(clean("$\\alpha \\leq \\beta$"), "α ≤ β");
        assert_eq!(clean("$$x_i + y$$"), "x_i + y");
        assert_eq!(clean("$\\frac{a}{b}$"), "a/b");
        assert_eq!(clean("$x^{2}$"), "x^2");
    }

    #[test]
    fn dollars_that_are_not_math_stay() {
        assert_eq!(clean("价格 $5 和 $6"), "价格 $5 和 $6");
        assert_eq!(clean("只有一个 $ 符号"), "只有一个 $ 符号");
        assert_eq!(clean("$ 12$"), "$ 12$");
        assert_eq!(clean("美元$"), "美元$");
    }

    #[test]
    fn the_math_habit_is_noted() {
        let mut h = Habits::default();
        let mut out = String::new();
        assert_eq!(math("$@$", 0, &mut out, &mut h), Some(3));
        assert!(h.has(habits::INLINE_LATEX));
    }
}
