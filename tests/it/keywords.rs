//! Keywords, names and the user dictionary on the sample (issue 6).

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use kanbao::analysis::keywords::{
    self, KeywordOptions, Method, STOP_WORDS, next_occurrence, occurrences,
};
use kanbao::analysis::names::{NameKind, names};
use kanbao::analysis::segmenter::{Segmenter, SegmenterOptions};
use kanbao::analysis::worker::{AnalysisEvent, AnalysisWorker};
use kanbao::document::Document;

/// One jieba for the whole test binary: loading it takes a fifth of a second.
pub fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(|| Segmenter::load(&SegmenterOptions::default()).expect("jieba loads"))
}

fn sample() -> Document {
    kanbao::document::parse("sample", kanbao::input::SAMPLE)
}

fn words<'t>(seg: &Segmenter, text: &'t str) -> Vec<&'t str> {
    seg.words(text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn sample_keywords_are_pinned() {
    let d = sample();
    let mut out = String::new();
    for method in [Method::TfIdf, Method::TextRank] {
        writeln!(out, "## {method:?}").unwrap();
        let opts = KeywordOptions { top: 8, method };
        for a in 0..d.articles.len() {
            let kw = keywords::extract(segmenter(), &d, a, &opts);
            let list: Vec<String> = kw
                .iter()
                .map(|k| format!("{}:{:.3}", k.word, k.weight))
                .collect();
            writeln!(out, "{a} {}: {}", d.article_label(a), list.join(" ")).unwrap();
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn sample_keywords_make_sense() {
    let d = sample();
    for a in 0..d.articles.len() {
        let kw = keywords::extract(segmenter(), &d, a, &KeywordOptions::default());
        assert!(kw.len() <= 8);
        let text = keywords::article_text(&d, a);
        for k in &kw {
            assert!(k.word.chars().count() >= 2, "single character {}", k.word);
            assert!(
                !STOP_WORDS.contains(&k.word.as_str()),
                "stop word {}",
                k.word
            );
            assert!(!k.word.chars().any(char::is_numeric), "number {}", k.word);
            assert!(text.contains(&k.word), "{} is in the article", k.word);
            assert!(k.weight > 0.0);
        }
        for pair in kw.windows(2) {
            assert!(pair[0].weight >= pair[1].weight, "ranked");
        }
    }
    let none = keywords::extract(
        segmenter(),
        &d,
        0,
        &KeywordOptions {
            top: 0,
            method: Method::TfIdf,
        },
    );
    assert!(none.is_empty());
}

#[test]
fn local_names_are_single_keywords_not_pieces() {
    let d = sample();
    for a in 0..d.articles.len() {
        for k in keywords::extract(segmenter(), &d, a, &KeywordOptions::default()) {
            assert!(
                !["平城", "城区", "民和"].contains(&k.word.as_str()),
                "piece {}",
                k.word
            );
        }
    }
}

#[test]
fn the_bundled_dictionary_changes_segmentation() {
    let text = "平城区开源街民和社区党支部书记";
    let plain = Segmenter::load(&SegmenterOptions {
        no_default_dict: true,
        ..SegmenterOptions::default()
    })
    .expect("jieba");
    assert!(!words(&plain, text).contains(&"平城区"));
    assert!(!words(&plain, text).contains(&"民和社区"));
    let ours = words(segmenter(), text);
    assert_eq!(ours[..3], ["平城区", "开源街", "民和社区"]);
}

#[test]
fn a_user_dictionary_file_changes_segmentation() {
    let dir = std::env::temp_dir().join(format!("kanbao-dict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("dict.txt");
    // No frequency on the second line: jieba's format allows leaving it out.
    std::fs::write(&path, "看报器 20 n\n读报郎\n").unwrap();
    let seg = Segmenter::load(&SegmenterOptions {
        user_dict: Some(path.clone()),
        ..SegmenterOptions::default()
    })
    .expect("dictionary loads");
    assert_eq!(seg.user_dict(), Some(path.as_path()));
    let w = words(&seg, "读报郎用看报器读报");
    assert!(w.contains(&"看报器") && w.contains(&"读报郎"), "{w:?}");
    assert!(!words(segmenter(), "读报郎用看报器读报").contains(&"看报器"));

    std::fs::write(&path, "坏词 不是数字\n").unwrap();
    let err = Segmenter::load(&SegmenterOptions {
        user_dict: Some(path.clone()),
        ..SegmenterOptions::default()
    });
    assert!(err.is_err_and(|e| e.to_string().contains("line 1")));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn occurrences_are_whole_chars_in_reading_order() {
    let d = sample();
    for a in 0..d.articles.len() {
        let kw = keywords::extract(segmenter(), &d, a, &KeywordOptions::default());
        let occ = occurrences(&d, a, &kw);
        for o in &occ {
            assert!(d.text.is_char_boundary(o.range.start) && d.text.is_char_boundary(o.range.end));
            assert_eq!(d.text[o.range.clone()], kw[o.keyword].word);
            let span = o.block.span(&d.articles[a]).expect("part exists");
            assert!(span.range.start <= o.range.start && o.range.end <= span.range.end);
        }
        for pair in occ.windows(2) {
            assert!(pair[0].range.end <= pair[1].range.start, "no overlaps");
        }
        if let Some(first) = occ.first() {
            assert_eq!(
                next_occurrence(&occ, occ.last().unwrap().range.start),
                Some(0)
            );
            assert!(first.range.start < d.text.len());
        }
    }
}

#[test]
fn occurrences_cross_rejoined_column_breaks() {
    // The source splits 商贸市 | 场体系 across a blank line; the parser rejoins it.
    let d = sample();
    let at = d
        .text
        .find("为完善现代商贸市场体系")
        .expect("the column break is rejoined");
    let article = (0..d.articles.len())
        .find(|&a| {
            let art = &d.articles[a];
            art.blocks.iter().any(|b| b.span.range.contains(&at))
        })
        .expect("in an article");
    let kw = [keywords::Keyword {
        word: "市场".into(),
        weight: 1.0,
    }];
    let occ = occurrences(&d, article, &kw);
    let join = at + "为完善现代商贸".len();
    assert!(occ.iter().any(|o| o.range == (join..join + "市场".len())));
}

#[test]
fn no_keyword_is_a_reporter_of_its_article() {
    let d = sample();
    for a in 0..d.articles.len() {
        let credited = keywords::credited_people(&d, a);
        for k in keywords::extract(segmenter(), &d, a, &KeywordOptions::default()) {
            assert!(
                !credited.iter().any(|p| k.word.contains(p.as_str())),
                "{}",
                k.word
            );
        }
    }
    assert!(keywords::credited_people(&d, 1).contains(&"纪元".to_string()));
}

#[test]
fn names_mark_people_and_places() {
    let d = sample();
    let mut seen = Vec::new();
    for a in 0..d.articles.len() {
        for n in names(segmenter(), &d, a) {
            assert!(d.text[n.range.clone()].chars().count() >= 2);
            seen.push((n.kind, d.text[n.range].to_string()));
        }
    }
    assert!(
        seen.contains(&(NameKind::Person, "沈媛".into())),
        "{seen:?}"
    );
    assert!(seen.contains(&(NameKind::Place, "平城区".into())));
    // 社区 and 街道 are organisations (issue 16).
    assert!(seen.contains(&(NameKind::Organisation, "民和社区".into())));
    // Issue 16's done-when list.
    for p in ["沈媛", "吴晓东", "武玲玲", "任静"] {
        assert!(seen.contains(&(NameKind::Person, p.into())), "{p}");
    }
    for p in ["大同", "北京", "内蒙古", "云州区"] {
        assert!(seen.contains(&(NameKind::Place, p.into())), "{p}");
    }
    for (kind, w) in &seen {
        let bad_people = ["文明", "惠民", "关怀", "朴素", "长舒", "小善", "大家庭"];
        let bad_places = ["城市", "美丽", "惠及", "大国", "山区"];
        assert!(
            !(*kind == NameKind::Person && bad_people.contains(&w.as_str())),
            "{w}"
        );
        assert!(
            !(*kind == NameKind::Place && bad_places.contains(&w.as_str())),
            "{w}"
        );
    }
    assert!(seen.contains(&(NameKind::Organisation, "大同市爱心公益协会".into())));
}

#[test]
fn analysis_worker_loads_then_serves_the_article_on_screen_first() {
    let d = sample();
    let n = d.articles.len();
    let docs: Arc<[Document]> = vec![d].into();
    let worker =
        AnalysisWorker::spawn(docs, SegmenterOptions::default(), KeywordOptions::default());
    worker.prioritise(0, n - 1);
    let next = || {
        worker
            .events()
            .recv_timeout(Duration::from_secs(30))
            .expect("event")
    };
    let AnalysisEvent::Ready(seg) = next() else {
        panic!("jieba first")
    };
    assert!(seg.load_time() > Duration::ZERO);
    let mut order = Vec::new();
    for _ in 0..n {
        let AnalysisEvent::Article {
            doc,
            article,
            analysis,
        } = next()
        else {
            panic!("articles next")
        };
        assert_eq!(doc, 0);
        assert!(analysis.keywords.len() <= 8);
        order.push(article);
    }
    assert_eq!(order[0], n - 1, "the prioritised article comes first");
    order.sort_unstable();
    assert_eq!(order, (0..n).collect::<Vec<_>>());
}

fn dump_keywords(config_home: &std::path::Path, extra: &[&str]) -> Vec<String> {
    let out = crate::home::kanbao()
        .args(["--dump", "json"])
        .args(extra)
        .env("XDG_CONFIG_HOME", config_home)
        .output()
        .expect("kanbao runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    json["documents"][0]["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .flat_map(|a| a["keywords"].as_array().cloned().unwrap_or_default())
        .map(|k| k["word"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_config_directory_dictionary_and_dict_flag_reach_the_dump() {
    let home = std::env::temp_dir().join(format!("kanbao-config-{}", std::process::id()));
    std::fs::create_dir_all(home.join("kanbao")).unwrap();
    let word = "环境治理监督大队";
    assert!(!dump_keywords(&home, &[]).iter().any(|w| w == word));
    std::fs::write(home.join("kanbao/dict.txt"), format!("{word} 100000 nt\n")).unwrap();
    assert!(dump_keywords(&home, &[]).iter().any(|w| w == word));
    // `--dict` replaces the config-directory dictionary.
    let other = home.join("other.txt");
    std::fs::write(&other, "看报器 10 n\n").unwrap();
    let words = dump_keywords(&home, &["--dict", other.to_str().unwrap()]);
    assert!(!words.iter().any(|w| w == word));
    assert!(
        !dump_keywords(&home, &["--keywords", "0"])
            .iter()
            .any(|w| !w.is_empty())
    );
    std::fs::remove_dir_all(&home).ok();
}

#[test]
fn a_missing_dict_file_is_reported_with_its_path() {
    let out = crate::home::kanbao()
        .args(["--dump", "json", "--dict", "/nonexistent/kanbao-dict.txt"])
        .output()
        .expect("kanbao runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/kanbao-dict.txt"));
}

#[test]
fn analysis_worker_on_an_archive_analyses_only_what_is_asked_for() {
    use kanbao::analysis::worker::SWEEP_LIMIT;
    // One page copied until the archive holds more articles than the worker sweeps.
    let page = sample();
    let copies = SWEEP_LIMIT / page.articles.len() + 1;
    let docs: Arc<[Document]> = vec![page; copies].into();
    let worker =
        AnalysisWorker::spawn(docs, SegmenterOptions::default(), KeywordOptions::default());
    let next = || worker.events().recv_timeout(Duration::from_secs(30));
    assert!(matches!(next(), Ok(AnalysisEvent::Ready(_))), "jieba first");
    worker.prioritise(copies - 1, 2);
    let Ok(AnalysisEvent::Article { doc, article, .. }) = next() else {
        panic!("the asked-for article")
    };
    assert_eq!((doc, article), (copies - 1, 2));
    assert!(
        worker
            .events()
            .recv_timeout(Duration::from_millis(300))
            .is_err(),
        "nothing analysed without being asked"
    );
}
