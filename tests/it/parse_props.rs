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
