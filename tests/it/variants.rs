//! The sample with its heading marks changed: every title at `#` (as `MinerU` writes
//! it) and no `#` at all. Heading levels are only a hint, so the articles must come
//! out the same wherever the text decides.

use kanbao::document::{self, Document};

use crate::sample::{ARTICLES, assert_articles, assert_joins};

/// Every `^#+ ` made `# `.
fn all_level_one() -> Document {
    let md: String = kanbao::input::SAMPLE
        .lines()
        .map(|l| {
            let rest = l.trim_start_matches('#');
            if rest.len() < l.len() && rest.starts_with(' ') {
                format!("#{rest}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    document::parse("sample-h1", &md)
}

/// Every `^#+ ` removed.
fn unmarked() -> Document {
    let md: String = kanbao::input::SAMPLE
        .lines()
        .map(|l| {
            let rest = l.trim_start_matches('#');
            match rest.strip_prefix(' ') {
                Some(r) if rest.len() < l.len() => format!("{r}\n"),
                _ => format!("{l}\n"),
            }
        })
        .collect();
    document::parse("sample-plain", &md)
}

/// Kickers. In both variants the `### ` kickers lose what set them apart from the
/// headline; the line with more words is taken for the headline and the line right
/// above it for the kicker. That guess gets every sample kicker right except the page
/// banner `创新治理服务 打造美丽社区`: without levels a banner above a headline looks
/// exactly like a kicker, so it becomes the kicker of 全力做好第七次全国人口普查工作
/// (the truth accepts it as a kicker alternative).
fn assert_kickers(doc: &Document) {
    for (n, want) in ARTICLES.iter().enumerate() {
        let got = doc.field(doc.articles[n].kicker.as_ref());
        let expected = if n == 4 {
            Some("创新治理服务 打造美丽社区")
        } else {
            want.kicker
        };
        assert_eq!(got, expected, "kicker of article {n}");
    }
}

#[test]
fn all_level_one_gives_the_same_articles() {
    let doc = all_level_one();
    assert_articles(&doc, false);
    assert_kickers(&doc);
    assert_joins(&doc);
}

#[test]
fn unmarked_gives_the_same_articles() {
    let doc = unmarked();
    assert_articles(&doc, false);
    assert_kickers(&doc);
    assert_joins(&doc);
}

#[test]
fn variants_keep_the_series_label_out_of_titles() {
    for doc in [all_level_one(), unmarked()] {
        let a = &doc.articles[2];
        assert_eq!(a.overline.len(), 1);
        assert_eq!(doc.str(&a.overline[0].span), "做好“六稳” 落实“六保”");
    }
}

/// `##` and `###` swapped: levels used the other way round.
fn swapped_levels() -> Document {
    let md: String = kanbao::input::SAMPLE
        .lines()
        .map(|l| {
            if let Some(r) = l.strip_prefix("### ") {
                format!("## {r}\n")
            } else if let Some(r) = l.strip_prefix("## ") {
                format!("### {r}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    document::parse("sample-swapped", &md)
}

#[test]
fn swapped_levels_give_the_same_articles() {
    // The headline level is the one bylines vouch for, so the swap changes nothing.
    let doc = swapped_levels();
    assert_articles(&doc, true);
    assert_joins(&doc);
}

/// Body lines hard-wrapped at 18 characters, one visual line per markdown line, as
/// line-by-line OCR writes them (blank lines still between blocks).
fn hard_wrapped() -> Document {
    let md: String = kanbao::input::SAMPLE
        .lines()
        .map(|l| {
            let chars: Vec<char> = l.chars().collect();
            if chars.len() > 40 && !l.starts_with(['#', '-']) {
                let wrapped: Vec<String> = chars.chunks(18).map(|c| c.iter().collect()).collect();
                format!("{}\n", wrapped.join("\n"))
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    document::parse("sample-wrapped", &md)
}

#[test]
fn hard_wrapped_lines_give_the_same_articles() {
    // Titles, bylines and column breaks all come out; a paragraph whose last line
    // happens to fill the column is joined to the next one (the only cue is width),
    // so paragraph counts are not asserted here.
    let doc = hard_wrapped();
    assert_eq!(doc.articles.len(), ARTICLES.len());
    for (a, want) in doc.articles.iter().zip(ARTICLES.iter()) {
        assert_eq!(doc.field(a.title.as_ref()), want.title);
        assert_eq!(doc.field(a.byline.as_ref()), want.byline);
    }
    assert_joins(&doc);
}
