//! Dumps of several pages and of one article (issue 14, point 6): the binary puts a
//! rule naming each page (with its date and edition) between the pages of a text dump,
//! fills it to the width as the layout counts columns, leaves a single page as it
//! was, and `--article N [--page P]` prints just that article or fails with exit 2.

use std::process::{Output, Stdio};

use kanbao::layout::LayoutOptions;
use kanbao::layout::width::Measure;

use crate::input::{fixture, scratch};

fn kanbao(args: &[&str]) -> Output {
    crate::home::kanbao()
        .args(["--keywords", "0"])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn is_rule(line: &str) -> bool {
    line.starts_with("──── ") && line.ends_with("────")
}

/// The layout the binary uses by default (punctuation shown full-width in Chinese text).
fn binary_opts() -> LayoutOptions {
    LayoutOptions {
        fullwidth_punct: true,
        ..LayoutOptions::default()
    }
}

/// The one-page text dump of a fixture, through the library.
fn one_page(name: &str, opts: &LayoutOptions) -> String {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    kanbao::dump::text(&[kanbao::document::parse(name, &text)], opts)
}

/// Two pages in a directory: `a.md` (the furniture fixture: a date line and `第3版`)
/// and `b.md` (a page with no furniture).
fn two_pages(tag: &str) -> std::path::PathBuf {
    let dir = scratch(tag);
    std::fs::copy(fixture("furniture.md"), dir.join("a.md")).unwrap();
    std::fs::copy(fixture("briefs.md"), dir.join("b.md")).unwrap();
    dir
}

#[test]
fn several_pages_get_a_rule_each_naming_the_page_with_date_and_edition() {
    let dir = two_pages("rules");
    let out = stdout(&kanbao(&["--dump", "text", dir.to_str().unwrap()]));
    let rules: Vec<&str> = out.lines().filter(|l| is_rule(l)).collect();
    assert_eq!(rules.len(), 2, "{out}");
    assert!(rules[0].contains("a.md · 2020年10月20日"), "{}", rules[0]);
    assert!(rules[0].contains("第3版"), "{}", rules[0]);
    assert!(rules[1].starts_with("──── b.md ─"), "{}", rules[1]);
    // Rule, blank line, the page exactly as its own dump; a blank line between pages:
    // the rules add nothing else and take nothing away.
    let opts = binary_opts();
    let mut text = std::fs::read_to_string(fixture("furniture.md")).unwrap();
    let a = kanbao::document::parse("a.md", &text);
    text = std::fs::read_to_string(fixture("briefs.md")).unwrap();
    let b = kanbao::document::parse("b.md", &text);
    let want = format!(
        "{}\n\n{}\n{}\n\n{}",
        kanbao::dump::page_rule(&a, &opts),
        kanbao::dump::text(std::slice::from_ref(&a), &opts),
        kanbao::dump::page_rule(&b, &opts),
        kanbao::dump::text(std::slice::from_ref(&b), &opts),
    );
    assert_eq!(out, want);
}

#[test]
fn piped_output_of_several_pages_is_ruled_too() {
    let dir = two_pages("piped");
    // No `--dump`: standard output is a pipe here, so the reader prints the text.
    let out = stdout(&kanbao(&[dir.to_str().unwrap()]));
    assert_eq!(out.lines().filter(|l| is_rule(l)).count(), 2, "{out}");
}

#[test]
fn rules_fill_the_width_in_display_columns() {
    let dir = two_pages("width");
    for (width, wide) in [("80", false), ("41", false), ("60", true), ("37", true)] {
        let mut args = vec!["--dump", "text", "--width", width];
        if wide {
            args.push("--ambiguous-wide");
        }
        args.push(dir.to_str().unwrap());
        let out = stdout(&kanbao(&args));
        let measure = Measure {
            ambiguous_wide: wide,
        };
        let want: usize = width.parse().unwrap();
        for rule in out.lines().filter(|l| is_rule(l)) {
            let w = measure.width(rule);
            // `─` is two columns with --ambiguous-wide: an odd remainder stays short by one.
            assert!(w <= want && w + 1 >= want, "{width} {wide}: {w} {rule}");
        }
    }
}

#[test]
fn a_label_too_long_for_the_width_is_cut_not_wrapped() {
    let dir = two_pages("cut");
    let out = stdout(&kanbao(&[
        "--dump",
        "text",
        "--width",
        "30",
        dir.to_str().unwrap(),
    ]));
    let rule = out.lines().find(|l| is_rule(l)).unwrap();
    assert!(rule.contains('…'), "{rule}");
    assert!(Measure::default().width(rule) <= 30, "{rule}");
}

#[test]
fn one_page_gets_no_rule_and_is_unchanged() {
    let out = stdout(&kanbao(&[
        "--dump",
        "text",
        fixture("furniture.md").to_str().unwrap(),
    ]));
    assert!(!out.lines().any(is_rule), "{out}");
    assert_eq!(out, one_page("furniture.md", &binary_opts()));
}

#[test]
fn article_n_prints_only_that_article() {
    let path = fixture("briefs.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = kanbao::document::parse("briefs.md", &text);
    assert!(doc.articles.len() >= 2, "the fixture needs two articles");
    let whole = stdout(&kanbao(&["--dump", "text", path.to_str().unwrap()]));
    let mut pieces = String::new();
    for n in 1..=doc.articles.len() {
        let out = stdout(&kanbao(&[
            "--dump",
            "text",
            "--article",
            &n.to_string(),
            path.to_str().unwrap(),
        ]));
        let mut want = Vec::new();
        kanbao::dump::write_article(&doc, n - 1, &binary_opts(), &mut want).unwrap();
        assert_eq!(out.as_bytes(), want.as_slice(), "article {n}");
        let headline = doc.field(doc.articles[n - 1].title.as_ref()).unwrap_or("");
        assert!(out.contains(headline.trim()), "article {n}: {out}");
        pieces.push_str(&out);
    }
    // The articles one by one are the page, in order.
    assert_eq!(pieces, whole);
}

#[test]
fn page_and_article_pick_an_article_of_a_later_page() {
    let dir = two_pages("pick");
    let out = stdout(&kanbao(&[
        "--dump",
        "text",
        "--page",
        "1",
        "--article",
        "1",
        dir.to_str().unwrap(),
    ]));
    assert!(out.contains("平城区前三季度招商引资成绩喜人"), "{out}");
    assert!(!out.lines().any(is_rule), "{out}");
    let page2 = stdout(&kanbao(&[
        "--dump",
        "text",
        "--page",
        "2",
        dir.to_str().unwrap(),
    ]));
    assert_eq!(page2, one_page("briefs.md", &binary_opts()));
}

#[test]
fn an_article_or_page_not_there_is_one_line_and_exit_2() {
    let dir = two_pages("range");
    let d = dir.to_str().unwrap();
    for args in [
        &["--article", "99"][..],
        &["--page", "2", "--article", "99"],
        &["--page", "3"],
        &["--page", "3", "--article", "1"],
    ] {
        let out = kanbao(&[&["--dump", "text"], args, &[d]].concat());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("kanbao: no "), "{args:?}: {err}");
    }
}

#[test]
fn a_hostile_file_name_in_a_rule_is_shown_not_obeyed() {
    let dir = scratch("hostile-name");
    std::fs::copy(
        fixture("furniture.md"),
        dir.join("\u{1b}]0;x\u{7}a\u{202e}b.md"),
    )
    .unwrap();
    std::fs::copy(fixture("briefs.md"), dir.join("z.md")).unwrap();
    let out = stdout(&kanbao(&["--dump", "text", dir.to_str().unwrap()]));
    let rule = out.lines().find(|l| is_rule(l)).unwrap();
    assert!(rule.contains("]0;x") && rule.contains("ab.md"), "{rule}");
    assert!(
        !rule.chars().any(|c| c.is_control() || c == '\u{202e}'),
        "{rule:?}"
    );
}
