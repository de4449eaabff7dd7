//! Keyword tooling over the article corpus (`crates/kanbao-corpus/data/articles.jsonl`):
//!
//! * `df [N]`: the N candidate words found in the most articles, to review the news-filler
//!   stop list against real text rather than one sample page;
//! * `eval`: how well keywords drawn from an article's body recover the content words of
//!   its headline (a proxy for "says what the article is about"), with jieba's default
//!   IDF table and with one computed from the corpus (two folds: the IDF of one half is
//!   tested on the other half, so no article scores against its own counts).
//!
//! ```text
//! cargo run --release --example keyword_eval -- df 200
//! cargo run --release --example keyword_eval -- eval
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use jieba_rs::{KeywordExtract, TfIdf};
use kanbao::analysis::keywords::{CONTENT_POS, is_candidate};
use kanbao::analysis::segmenter::{Segmenter, SegmenterOptions};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/crates/kanbao-corpus/data/articles.jsonl"
);

struct Article {
    title: String,
    body: String,
}

fn load() -> Vec<Article> {
    let text = std::fs::read_to_string(CORPUS).expect("corpus");
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let list = |k: &str| -> Vec<String> {
                v[k].as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|s| s.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let mut body = list("subheads");
            body.extend(list("paragraphs"));
            Article {
                title: v["title"].as_str().unwrap_or("").to_string(),
                body: body.join("\n"),
            }
        })
        .collect()
}

fn content_words(seg: &Segmenter, text: &str) -> HashSet<String> {
    seg.jieba()
        .tag(text, true)
        .iter()
        .filter(|t| CONTENT_POS.contains(&t.tag) && is_candidate(t.word))
        .map(|t| t.word.to_string())
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seg = Segmenter::load(&SegmenterOptions::default()).expect("jieba");
    let articles = load();
    match args.first().map(String::as_str) {
        Some("df") => {
            let n = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(200);
            let mut df: HashMap<String, usize> = HashMap::new();
            for a in &articles {
                for w in content_words(&seg, &format!("{}\n{}", a.title, a.body)) {
                    *df.entry(w).or_default() += 1;
                }
            }
            let mut v: Vec<_> = df.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for (w, c) in v.into_iter().take(n) {
                println!("{c}\t{w}");
            }
        }
        _ => eval(&seg, &articles),
    }
}

/// `word idf` lines from the articles' document frequencies.
fn corpus_idf(seg: &Segmenter, articles: &[&Article]) -> String {
    let mut df: HashMap<String, usize> = HashMap::new();
    for a in articles {
        let words: HashSet<&str> = seg
            .jieba()
            .cut(&a.body, true)
            .iter()
            .map(|t| t.word)
            .collect();
        for w in words {
            *df.entry(w.to_string()).or_default() += 1;
        }
    }
    let n = articles.len() as f64;
    let mut out = String::new();
    for (w, c) in df {
        let idf = (n / c as f64).ln() + 1.0;
        let _ = writeln!(out, "{w} {idf:.4}");
    }
    out
}

fn eval(seg: &Segmenter, articles: &[Article]) {
    let pos: Vec<String> = CONTENT_POS.iter().map(ToString::to_string).collect();
    let default = TfIdf::default();
    let (even, odd): (Vec<_>, Vec<_>) = articles.iter().enumerate().partition(|(i, _)| i % 2 == 0);
    let even: Vec<&Article> = even.into_iter().map(|p| p.1).collect();
    let odd: Vec<&Article> = odd.into_iter().map(|p| p.1).collect();
    let mut merged = [TfIdf::default(), TfIdf::default()];
    merged[0]
        .load_dict(&mut corpus_idf(seg, &odd).as_bytes())
        .expect("idf");
    merged[1]
        .load_dict(&mut corpus_idf(seg, &even).as_bytes())
        .expect("idf");
    let mut scores = [(0usize, 0usize, 0usize), (0, 0, 0)];
    for (fold, set) in [(0, &even), (1, &odd)] {
        for a in set.as_slice() {
            let title = content_words(seg, &a.title);
            if title.is_empty() {
                continue;
            }
            for (k, ex) in [&default, &merged[fold]].into_iter().enumerate() {
                let top: Vec<String> = ex
                    .extract_keywords(seg.jieba(), &a.body, 40, pos.clone())
                    .into_iter()
                    .map(|k| k.keyword)
                    .filter(|w| is_candidate(w))
                    .take(8)
                    .collect();
                let hit = top.iter().filter(|w| title.contains(*w)).count();
                let s = &mut scores[k];
                s.0 += hit;
                s.1 += title.len();
                s.2 += top.len();
            }
        }
    }
    for (name, (hit, title, top)) in ["jieba default IDF", "default + corpus IDF"]
        .iter()
        .zip(scores)
    {
        println!(
            "{name}: headline words recovered {:.3} ({hit}/{title}); keywords in headline {:.3} ({hit}/{top})",
            hit as f64 / title as f64,
            hit as f64 / top as f64
        );
    }
}
