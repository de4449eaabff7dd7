//! Headlines, kickers, subtitles and banners break between words: at every width from
//! 20 to 60 no line of the sample's centred fields ends inside a jieba word of two or
//! more characters, and running text still breaks between any two characters.

use kanbao::document::Document;
use kanbao::layout::typeset::balanced_words;
use kanbao::layout::{LayoutOptions, WordSource, words};

use crate::keywords::segmenter;
use crate::support::sample_doc;

/// Every centred field of the page: kickers, titles, subtitles and overlines.
fn centred_fields(doc: &Document) -> Vec<&str> {
    let mut out = Vec::new();
    for a in &doc.articles {
        for span in [&a.kicker, &a.title, &a.subtitle].into_iter().flatten() {
            out.push(doc.str(span));
        }
        for b in &a.overline {
            out.push(doc.str(&b.span));
        }
    }
    out
}

#[test]
fn no_headline_of_the_sample_breaks_inside_a_jieba_word() {
    let doc = sample_doc();
    let seg = segmenter();
    let fields = centred_fields(&doc);
    assert!(fields.len() >= 5, "{fields:?}");
    let mut broken = Vec::new();
    for text in fields {
        let jieba = seg.words(text);
        let starts: Vec<usize> = jieba.iter().map(|w| w.start).collect();
        for width in 20..=60 {
            let opts = LayoutOptions {
                width,
                ..LayoutOptions::default()
            };
            let lines = balanced_words(text, width, &opts, &starts);
            for line in lines.iter().skip(1) {
                let at = line.0.start;
                let inside = jieba.iter().find(|w| {
                    w.start < at && at < w.end && text[(*w).clone()].chars().count() >= 2
                });
                if let Some(w) = inside {
                    broken.push(format!("{width}: {text} inside {}", &text[w.clone()]));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_headline_breaks_at_a_word_where_characters_alone_would_not() {
    let text = "平城区全力打造现代服务业高质量发展新引擎";
    let opts = LayoutOptions {
        width: 30,
        ..LayoutOptions::default()
    };
    let seg = segmenter();
    let starts: Vec<usize> = seg.words(text).iter().map(|w| w.start).collect();
    let lines = balanced_words(text, 30, &opts, &starts);
    let shown: Vec<&str> = lines.iter().map(|(r, _)| &text[r.clone()]).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(!shown[0].ends_with("现代服"), "{shown:?}");
    // Without word starts the balance alone puts the break inside 服务业.
    let anywhere = balanced_words(text, 30, &opts, &[]);
    assert_eq!(&text[anywhere[0].0.clone()], "平城区全力打造现代服");
}

#[test]
fn the_dictionary_source_falls_back_to_the_quick_guess_until_installed() {
    // Nothing in this test binary installs jieba into the layout.
    if words::installed() {
        return;
    }
    let text = "春天的故事";
    assert_eq!(
        words::starts(text, WordSource::Dictionary),
        words::starts(text, WordSource::Quick)
    );
}
