//! The input layer on the fixtures: decoding, refusal, sanitizing, discovery order,
//! pathological sizes, and the corpus generator.

use std::path::{Path, PathBuf};

use kanbao::input::{self, LoadOptions, PageSource};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fresh scratch directory for one test (no tempfile dependency needed).
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kanbao-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Decoded and sanitized text of a fixture, the way the parser receives it.
fn clean_text(name: &str) -> (String, String) {
    let bytes = std::fs::read(fixture(name)).unwrap();
    let decoded = input::decode(&bytes, None).unwrap();
    let (text, _) = input::sanitize(&decoded.text);
    (text.into_owned(), decoded.encoding)
}

#[test]
fn every_encoding_of_the_same_page_gives_the_same_text() {
    let (reference, encoding) = clean_text("bom.md");
    assert_eq!(encoding, "UTF-8 (BOM)");
    assert!(reference.contains("平城区全力打造现代服务业高质量发展新引擎"));
    assert!(!reference.starts_with('\u{feff}'));
    for (name, expected) in [
        ("gbk.md", "GB18030"),
        ("utf16le.md", "UTF-16LE"),
        ("utf16be.md", "UTF-16BE"),
        ("crlf.md", "UTF-8"),
    ] {
        let (text, encoding) = clean_text(name);
        assert_eq!(encoding, expected, "{name}");
        assert_eq!(text, reference, "{name}");
    }
}

#[test]
fn legacy_chinese_encodings_are_detected() {
    let (text, encoding) = clean_text("big5.md");
    assert_eq!(encoding, "Big5");
    assert!(text.contains("本報訊 「閱讀讓城市更美好。」"));
    let (text, encoding) = clean_text("gb18030.md");
    assert_eq!(encoding, "GB18030");
    assert!(text.contains("生僻字“𠮷”") && text.contains('€'));
    let (text, encoding) = clean_text("gbk-short.md");
    assert_eq!((text.as_str(), encoding.as_str()), ("第3版\n", "GB18030"));
}

#[test]
fn utf8_fixtures_are_never_misdetected() {
    for name in [
        "agency.md",
        "briefs.md",
        "escapes.md",
        "furniture.md",
        "html.md",
        "mineru.md",
        "nomarks.md",
    ] {
        assert_eq!(clean_text(name).1, "UTF-8", "{name}");
    }
}

#[test]
fn binary_files_are_refused_naming_the_path() {
    for name in ["binary.png", "nul.bin"] {
        let err = input::load(&[fixture(name)]).unwrap_err().to_string();
        assert!(
            err.contains(name) && err.contains("not a text page"),
            "{err}"
        );
        assert!(!err.contains('\n'));
    }
}

#[test]
fn hostile_escapes_become_visible_placeholders() {
    let docs = input::load(&[fixture("escapes.md")]).unwrap();
    let doc = &docs[0];
    assert!(!doc.text.chars().any(input::sanitize::needs_replacing));
    for shown in [
        "␛]0;pwned title␇",
        "␛[31m",
        "␛]52;c;cm0gLXJmIH4K␇",
        "␛Pq",
        "␛[2J",
    ] {
        assert!(
            doc.text.contains(shown),
            "{shown} missing from {:?}",
            doc.text
        );
    }
    assert!(doc.warnings.iter().any(|w| w.contains("control character")));
}

#[test]
fn empty_pages_open_with_no_articles() {
    for name in ["empty.md", "blank.md"] {
        let docs = input::load(&[fixture(name)]).unwrap();
        assert!(docs[0].articles.is_empty(), "{name}");
        assert!(input::is_empty_page(&docs[0]), "{name}");
    }
}

#[test]
fn directories_open_in_natural_order() {
    let dir = scratch("natural");
    std::fs::create_dir_all(dir.join("2020-10-21")).unwrap();
    for name in [
        "第10版.md",
        "第2版.md",
        "第1版.markdown",
        "notes.png",
        "2020-10-21/第1版.txt",
    ] {
        std::fs::write(dir.join(name), format!("## {name}\n\n正文。\n")).unwrap();
    }
    let names: Vec<String> = input::discover(std::slice::from_ref(&dir))
        .unwrap()
        .iter()
        .map(|p| match p {
            PageSource::File(f) => f.strip_prefix(&dir).unwrap().display().to_string(),
            PageSource::Stdin => String::from("-"),
        })
        .collect();
    assert_eq!(
        names,
        [
            "2020-10-21/第1版.txt",
            "第1版.markdown",
            "第2版.md",
            "第10版.md"
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn path_errors_name_the_path() {
    let missing = fixture("no-such-page.md");
    let err = input::load(&[missing]).unwrap_err().to_string();
    assert!(err.contains("no-such-page.md"), "{err}");
    let dir = scratch("nopages");
    std::fs::write(dir.join("a.png"), b"x").unwrap();
    let err = input::load(std::slice::from_ref(&dir))
        .unwrap_err()
        .to_string();
    assert!(err.contains("no pages"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn files_over_the_limit_are_refused_before_reading() {
    let dir = scratch("huge");
    let path = dir.join("huge.md");
    // A sparse file: no disk space or time spent, but its length is over the limit.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(input::MAX_FILE_BYTES + 1).unwrap();
    let err = input::load(std::slice::from_ref(&path))
        .unwrap_err()
        .to_string();
    assert!(err.contains("huge.md") && err.contains("512 MiB"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn forced_encoding_applies_to_every_page() {
    let options = LoadOptions {
        encoding: Some("gbk".into()),
    };
    let docs = input::load_with(&[fixture("gbk.md"), fixture("gbk-short.md")], &options).unwrap();
    assert!(docs.iter().all(|d| d.encoding == "GBK"));
    assert!(docs[0].text.contains("平城区"));
}

#[test]
fn generated_pages_are_deterministic_and_parse() {
    use kanbao_corpus::{generate_page, page_file_name};
    for index in 0..12 {
        let page = generate_page(42, index);
        assert_eq!(page, generate_page(42, index));
        let doc =
            input::document_from_bytes(&page_file_name(index), page.as_bytes(), None).unwrap();
        assert_eq!(doc.encoding, "UTF-8");
        assert!(!doc.articles.is_empty(), "page {index}");
        // How well the parser rebuilds the articles is the parser's business (and varies
        // with the heading variant); here: nothing of the page is lost on the way.
        let han = |s: &str| {
            s.chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count()
        };
        assert_eq!(han(&doc.text), han(&page), "page {index}");
    }
}
