//! Properties of the parser on generated pages: nothing is lost, nothing panics, every
//! span points at text.

use kanbao::document::{self, Document, Span};
use proptest::prelude::*;

/// Text without markdown syntax: CJK, Latin, digits, Chinese punctuation, spaces.
fn words(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!(
        "[一-龥平城区社民和记者本报讯摄版编辑年月日a-zA-Z0-9，。、“”：？！（）() ]{{1,{max}}}"
    ))
    .expect("valid regex")
}

/// One element of a page, as (markdown, content that must survive).
fn element() -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        (1usize..=6, words(20)).prop_map(|(n, t)| (format!("{} {t}", "#".repeat(n)), t)),
        words(20).prop_map(|t| (t.clone(), t)),
        (words(120), any::<prop::sample::Index>()).prop_map(|(t, at)| {
            let chars: Vec<char> = t.chars().collect();
            let cut = at.index(chars.len() + 1);
            let (a, b): (String, String) =
                (chars[..cut].iter().collect(), chars[cut..].iter().collect());
            (format!("{a}\n\n{b}"), t)
        }),
        (words(40), words(4)).prop_map(|(c, n)| (format!("{c}。\n\n{n}摄"), format!("{c}。{n}摄"))),
        words(30).prop_map(|t| (format!("- {t}"), t)),
        (words(90), 3usize..20).prop_map(|(t, w)| {
            // Hard-wrapped: one visual line per markdown line.
            let chars: Vec<char> = t.chars().collect();
            let lines: Vec<String> = chars.chunks(w).map(|c| c.iter().collect()).collect();
            (lines.join("\n"), t)
        }),
        Just((
            "2020年10月20日 星期二".to_string(),
            "2020年10月20日星期二".to_string()
        )),
        Just(("第3版".to_string(), "第3版".to_string())),
        words(6).prop_map(|n| (format!("责任编辑：{n}"), format!("责任编辑：{n}"))),
        words(6).prop_map(|n| (format!("本报记者 {n}"), format!("本报记者{n}"))),
        words(60).prop_map(|t| (
            format!("本报讯 (记者 张鑫) {t}"),
            format!("本报讯(记者张鑫){t}")
        )),
    ]
}

fn page() -> impl Strategy<Value = (String, String)> {
    prop::collection::vec(element(), 0..30).prop_map(|els| {
        let md: Vec<&str> = els.iter().map(|(m, _)| m.as_str()).collect();
        let content: String = els.iter().map(|(_, c)| c.as_str()).collect();
        (md.join("\n\n"), content)
    })
}

/// One element of a page built from a converter habit (FORMAT.md, "What converters do
/// to a page"): the markup differs, the Chinese text is what must survive.
fn habit_element() -> impl Strategy<Value = String> {
    prop_oneof![
        (words(20), 0u32..1000, 0u32..10, words(10))
            .prop_map(|(a, n, m, b)| format!("{a}同比 $+{n}.{m}\\%$ {b}")),
        words(10).prop_map(|a| format!("联系人{a} wang $@$ example.com")),
        (words(8), words(8)).prop_map(|(a, b)| format!("{a} $^+$ {b}")),
        words(20).prop_map(|t| format!("\u{F06C} {t}")),
        (words(20), words(20)).prop_map(|(a, b)| format!("{a}｡{b}､")),
        (0u32..1000).prop_map(|n| format!(
            "<div style=\"text-align: center;\"><img src=\"imgs/img_{n}.jpg\" alt=\"Image\" width=\"47%\" /></div>"
        )),
        words(30).prop_map(|t| format!("<div style=\"text-align: center;\">{t}</div>")),
        (words(10), words(10)).prop_map(|(a, b)| format!(
            "<table border=\"1\"><tr><td>{a}</td><td>&amp;{b}</td></tr></table>"
        )),
        (1u32..20, words(40)).prop_map(|(n, t)| format!("（上接第{n}版】{t}")),
        (words(40), 1u32..20).prop_map(|(t, n)| format!("{t}。[下转第{n}版）")),
        (words(20), words(20), words(20), words(20)).prop_map(|(a, b, c, d)| format!(
            "| {a}， | {b}， |\n| --- | --- |\n| {c}。 | {d}。 |"
        )),
        prop::sample::select(vec!['字', '五', '图', 'A']).prop_map(String::from),
        (words(20), words(20)).prop_map(|(a, b)| format!("{a}春耕 备耕{b}，农 业生产。")),
        words(30).prop_map(|t| format!("```\n{t}\n```")),
        element().prop_map(|(m, _)| m),
    ]
}

/// A page of habit elements, sometimes inside a ```` ```markdown ```` fence.
fn habit_page() -> impl Strategy<Value = String> {
    (prop::collection::vec(habit_element(), 0..20), any::<bool>()).prop_map(|(els, fenced)| {
        let page = els.join("\n\n");
        if fenced {
            format!("```markdown\n{page}\n```")
        } else {
            page
        }
    })
}

fn han(s: impl Iterator<Item = char>) -> Vec<char> {
    let mut v: Vec<char> = s
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .collect();
    v.sort_unstable();
    v
}

fn spans(doc: &Document) -> Vec<&Span> {
    let mut out: Vec<&Span> = doc.furniture.iter().map(|b| &b.span).collect();
    for a in &doc.articles {
        out.extend(a.overline.iter().map(|b| &b.span));
        out.extend(
            [&a.kicker, &a.title, &a.subtitle, &a.byline]
                .into_iter()
                .flatten(),
        );
        out.extend(a.blocks.iter().map(|b| &b.span));
    }
    out
}

fn sorted_visible(s: impl Iterator<Item = char>) -> Vec<char> {
    let mut v: Vec<char> = s.filter(|c| !c.is_whitespace()).collect();
    v.sort_unstable();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn nothing_lost_on_generated_pages((md, content) in page()) {
        let doc = document::parse("gen", &md);
        let out: String = spans(&doc).iter().map(|s| doc.str(s)).collect();
        prop_assert_eq!(sorted_visible(out.chars()), sorted_visible(content.chars()), "page:\n{}", md);
    }

    #[test]
    fn nothing_lost_on_pages_built_from_converter_habits(md in habit_page()) {
        let doc = document::parse("habits", &md);
        let shown: Vec<&str> = spans(&doc).iter().map(|s| doc.str(s)).collect();
        let out: String = shown.concat();
        prop_assert_eq!(han(out.chars()), han(md.chars()), "page:\n{}", md);
        // What the steps remove is markup, and all of it goes.
        for s in &shown {
            for raw in ["<div", "<img", "alt=", "style=", "$", "\\%", "```markdown", "Image"] {
                prop_assert!(!s.contains(raw), "{:?} shown in {:?}; page:\n{}", raw, s, md);
            }
        }
    }

    #[test]
    fn spans_are_valid_and_text_is_not_duplicated((md, _) in page()) {
        let doc = document::parse("gen", &md);
        let mut covered = 0;
        for s in spans(&doc) {
            prop_assert!(doc.text.get(s.range.clone()).is_some());
            prop_assert!(s.line >= 1);
            covered += s.range.len();
        }
        prop_assert!(covered <= doc.text.len());
    }

    #[test]
    fn parse_never_panics(s in any::<String>()) {
        let _ = document::parse("any", &s);
    }

    #[test]
    fn parse_never_panics_on_markup_soup(s in "[#*_~`\\\\\\[\\]()<>&;!|+> \n\t　a1中。摄电讯（）-]{0,300}") {
        let doc = document::parse("soup", &s);
        for sp in spans(&doc) {
            prop_assert!(doc.text.get(sp.range.clone()).is_some());
        }
    }
}
