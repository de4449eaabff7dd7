//! Search on the sample and on hand-made documents: the matching rules of issue 5,
//! the worker's "latest request wins", and the `--dump json --search` output.

use clap::Parser;
use kanbao::analysis::search::{
    BlockRef, MatchMode, Query, SearchIndex, context, counts, search, search_document,
};
use kanbao::document::{Article, Block, BlockKind, Document, Span};

use crate::keywords::segmenter;

fn sample() -> Document {
    kanbao::document::parse("sample", kanbao::input::SAMPLE)
}

/// A document with one article whose title and paragraphs are `parts` (the first is
/// the title), laid end to end in the text with a newline between them.
fn doc(parts: &[&str]) -> Document {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        spans.push(Span {
            range: text.len()..text.len() + part.len(),
            line: i + 1,
        });
        text.push_str(part);
    }
    let mut spans = spans.into_iter();
    let title = spans.next();
    let blocks = spans
        .map(|span| Block {
            kind: BlockKind::Paragraph,
            span,
        })
        .collect();
    Document {
        text,
        articles: vec![Article {
            title,
            blocks,
            ..Article::default()
        }]
        .into(),
        ..Document::default()
    }
}

fn hits(d: &Document, query: &str, mode: MatchMode) -> Vec<String> {
    let q = Query::parse(query, mode);
    let words = segmenter() as &dyn kanbao::analysis::search::WordBoundaries;
    search(d, &SearchIndex::new(d), &q, Some(words))
        .into_iter()
        .map(|m| d.text[m.range].to_string())
        .collect()
}

/// (article parts, query, mode, expected hits in order)
const RULES: &[(&[&str], &str, MatchMode, &[&str])] = &[
    // Full-width and half-width forms match each other, both ways.
    (
        &["标题", "第七次（ＡＢＣ）普查，１２３"],
        "abc",
        MatchMode::Substring,
        &["ＡＢＣ"],
    ),
    (
        &["标题", "第七次（ＡＢＣ）普查，１２３"],
        "(abc)",
        MatchMode::Substring,
        &["（ＡＢＣ）"],
    ),
    (
        &["标题", "查,123 人"],
        "，１２３",
        MatchMode::Substring,
        &[",123"],
    ),
    (
        &["标题", "甲　乙"],
        "甲 乙",
        MatchMode::Substring,
        &["甲", "乙"],
    ),
    // Latin letters ignore case.
    (
        &["GDP增长", "gdp与Gdp"],
        "GDP",
        MatchMode::Substring,
        &["GDP", "gdp", "Gdp"],
    ),
    // All terms must be in the article; each is reported.
    (
        &["人口普查", "平城区开展普查"],
        "普查 平城区",
        MatchMode::Substring,
        &["普查", "平城区", "普查"],
    ),
    (
        &["人口普查", "开展普查"],
        "普查 平城区",
        MatchMode::Substring,
        &[],
    ),
    // Whole-word: 城区 is a word of its own, but inside 平城区 it is not.
    (
        &["标题", "平城区的城区"],
        "城区",
        MatchMode::WholeWord,
        &["城区"],
    ),
    (
        &["标题", "平城区的城区"],
        "城区",
        MatchMode::Substring,
        &["城区", "城区"],
    ),
    (&["标题", "社区居民"], "社", MatchMode::WholeWord, &[]),
];

#[test]
fn matching_rules() {
    for (parts, query, mode, expected) in RULES {
        let d = doc(parts);
        assert_eq!(&hits(&d, query, *mode), expected, "{query:?} in {parts:?}");
    }
}

#[test]
fn sample_has_24_census_mentions_in_reading_order() {
    let d = sample();
    let matches = search_document(&d, &Query::parse("人口普查", MatchMode::Substring));
    assert_eq!(matches.len(), 24);
    assert_eq!(d.text.matches("人口普查").count(), 24, "text-level count");
    let c = counts(&d, &matches);
    assert_eq!(c.total, 24);
    assert_eq!(c.per_article.iter().sum::<usize>(), 24);
    for pair in matches.windows(2) {
        let key = |m: &kanbao::analysis::search::Match| (m.article, m.block, m.range.start);
        assert!(key(&pair[0]) < key(&pair[1]), "reading order");
    }
    for m in &matches {
        assert_eq!(&d.text[m.range.clone()], "人口普查");
        let span = m.block.span(&d.articles[m.article]).expect("part exists");
        assert!(span.range.start <= m.range.start && m.range.end <= span.range.end);
    }
}

#[test]
fn phrases_split_by_column_breaks_are_found() {
    // The source splits these across a blank line; the parser rejoins them.
    let d = sample();
    for phrase in [
        "带泥土",
        "为完善现代商贸市场体系",
        "依托大秦线",
        "赢得社会各界",
    ] {
        let found = search_document(&d, &Query::parse(phrase, MatchMode::Substring));
        assert_eq!(found.len(), 1, "{phrase}");
    }
}

#[test]
fn context_gives_a_line_around_the_hit() {
    let d = doc(&[
        "标题",
        "今年以来，平城区紧抓城市建设省域副中心城市的历史机遇",
    ]);
    let m = &search_document(&d, &Query::parse("城市建设", MatchMode::Substring))[0];
    let s = context(&d, m, 4);
    assert_eq!(
        (s.before.as_str(), s.hit.as_str(), s.after.as_str()),
        ("城区紧抓", "城市建设", "省域副中")
    );
    assert_eq!(m.block, BlockRef::Block(0));
}

#[test]
fn dump_json_carries_matches() {
    let cli = kanbao::cli::Cli::parse_from(["kanbao", "--search", "人口普查", "--keywords", "0"]);
    let options = cli.options();
    let docs = vec![sample()];
    let extras =
        kanbao::dump::analyse(&docs, &options.analysis, &options.search).expect("no jieba needed");
    let json: serde_json::Value =
        serde_json::from_str(&kanbao::dump::json_with(&docs, &extras)).expect("valid JSON");
    let matches = json["documents"][0]["matches"].as_array().expect("matches");
    assert_eq!(matches.len(), 24);
    let articles = json["documents"][0]["articles"]
        .as_array()
        .expect("articles");
    for m in matches {
        // The range points into the dumped text of the block (or field) it names, so a
        // script can cut the hit out of the dump itself.
        let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
        let article = &articles[m["article"].as_u64().unwrap() as usize];
        let text = match &m["block"] {
            serde_json::Value::Number(n) => {
                &article["blocks"][n.as_u64().unwrap() as usize]["text"]
            }
            serde_json::Value::String(field) => &article[field.as_str()],
            other => panic!("block is {other}"),
        };
        let text = text.as_str().expect("text");
        assert_eq!(&text[start as usize..end as usize], "人口普查");
    }
    assert!(
        json["documents"][0]["articles"][0]
            .get("keywords")
            .is_none()
    );
}
