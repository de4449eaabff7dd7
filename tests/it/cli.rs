//! The real binary on messy and hostile input: it opens each fixture or fails with a
//! one-line message and exit status 2, and never writes a control byte of a document.

use std::process::{Output, Stdio};

use crate::input::{fixture, scratch};

/// Runs kanbao with keywords off: loading jieba costs half a second a run in a debug
/// build and is not what these tests are about (see `keywords_on_a_hostile_page`).
fn kanbao(args: &[&str]) -> Output {
    kanbao_with_keywords(&[&["--keywords", "0"], args].concat())
}

fn kanbao_with_keywords(args: &[&str]) -> Output {
    crate::home::kanbao()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn kanbao_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let args = [&["--keywords", "0"][..], args].concat();
    crate::home::kanbao_with_stdin(&args, stdin.to_vec())
}

/// Control bytes that must never come out of a dump: C0 but `\n`/`\t`, DEL, and C1
/// (U+0080–U+009F, `C2 80`–`C2 9F` in UTF-8).
fn control_bytes(out: &[u8]) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, w) in out.windows(2).enumerate() {
        if w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1]) {
            found.push(i);
        }
    }
    for (i, &b) in out.iter().enumerate() {
        if (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f {
            found.push(i);
        }
    }
    found
}

/// Chinese characters of `source` that `shown` has fewer of (as a multiset).
fn missing_han(source: &str, shown: &str) -> Vec<char> {
    let is_han = |c: &char| matches!(c, '\u{3400}'..='\u{9fff}' | '\u{20000}'..='\u{2ffff}');
    let mut counts = std::collections::HashMap::new();
    for c in shown.chars().filter(is_han) {
        *counts.entry(c).or_insert(0usize) += 1;
    }
    let mut missing = Vec::new();
    for c in source.chars().filter(is_han) {
        match counts.get_mut(&c) {
            Some(n) if *n > 0 => *n -= 1,
            _ => missing.push(c),
        }
    }
    missing
}

fn assert_refused(out: &Output, path: &str) {
    assert_eq!(out.status.code(), Some(2), "{path}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("kanbao: ") && err.contains(path), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
}

const OPENS: &[(&str, &str)] = &[
    ("agency.md", "UTF-8"),
    ("big5.md", "Big5"),
    ("blank.md", "UTF-8"),
    ("bom.md", "UTF-8 (BOM)"),
    ("briefs.md", "UTF-8"),
    ("crlf.md", "UTF-8"),
    ("empty.md", "UTF-8"),
    ("escapes.md", "UTF-8"),
    ("furniture.md", "UTF-8"),
    ("gb18030.md", "GB18030"),
    ("gbk-short.md", "GB18030"),
    ("gbk.md", "GB18030"),
    ("halfwidth.md", "UTF-8"),
    ("html.md", "UTF-8"),
    ("marker.md", "UTF-8"),
    ("mineru.md", "UTF-8"),
    ("nomarks.md", "UTF-8"),
    ("utf16be.md", "UTF-16BE"),
    ("utf16le.md", "UTF-16LE"),
];

#[test]
fn every_fixture_opens_with_its_encoding_and_no_control_bytes() {
    for (name, encoding) in OPENS {
        let path = fixture(name);
        let path = path.to_str().unwrap();
        let json = kanbao(&["--dump", "json", path]);
        assert_eq!(
            json.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&json.stderr)
        );
        assert_eq!(
            control_bytes(&json.stdout),
            Vec::<usize>::new(),
            "{name} json"
        );
        let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(value["documents"][0]["encoding"], *encoding, "{name}");

        let text = kanbao(&["--dump", "text", path]);
        assert_eq!(text.status.code(), Some(0), "{name}");
        assert_eq!(
            control_bytes(&text.stdout),
            Vec::<usize>::new(),
            "{name} text"
        );
        // No Chinese character lost between the decoded file and the laid-out text
        // (the text may add some: placeholders such as [图] for images).
        let bytes = std::fs::read(fixture(name)).unwrap();
        let source = kanbao::input::decode(&bytes, None).unwrap().text;
        let shown = String::from_utf8(text.stdout).unwrap();
        let missing = missing_han(&source, &shown);
        assert!(missing.is_empty(), "{name}: lost {missing:?}");
    }
}

#[test]
fn binary_fixtures_are_refused_cleanly() {
    for name in ["binary.png", "nul.bin"] {
        let path = fixture(name);
        for format in ["json", "text"] {
            let out = kanbao(&["--dump", format, path.to_str().unwrap()]);
            assert_refused(&out, name);
            assert!(out.stdout.is_empty());
        }
    }
}

#[test]
fn hostile_page_shows_placeholders_in_piped_output() {
    // No --dump: stdout is a pipe, so kanbao prints the laid-out text.
    let out = kanbao(&[fixture("escapes.md").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(control_bytes(&out.stdout).is_empty());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("␛]52;c;cm0gLXJmIH4K␇"), "{text}");
    assert!(text.contains("␛]0;pwned title␇"), "{text}");
}

#[test]
fn piped_stdout_prints_the_page_text() {
    let out = kanbao(&[fixture("agency.md").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("全国秋粮收购进展顺利")
    );
}

#[test]
fn standard_input_is_read_and_decoded() {
    let gbk = std::fs::read(fixture("gbk.md")).unwrap();
    let out = kanbao_stdin(&["--dump", "json", "-"], &gbk);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["documents"][0]["source"], "-");
    assert_eq!(value["documents"][0]["encoding"], "GB18030");
    let out = kanbao_stdin(&["-"], "## 标题\n\n正文。\n".as_bytes());
    assert!(String::from_utf8(out.stdout).unwrap().contains("正文。"));
}

#[test]
fn encoding_flag_overrides_detection() {
    let path = fixture("gbk.md");
    let out = kanbao(&[
        "--dump",
        "json",
        "--encoding",
        "big5",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["documents"][0]["encoding"], "Big5");
    let out = kanbao(&[
        "--dump",
        "json",
        "--encoding",
        "klingon",
        path.to_str().unwrap(),
    ]);
    assert_refused(&out, "klingon");
}

#[test]
fn missing_paths_and_empty_directories_fail_cleanly() {
    let out = kanbao(&["--dump", "json", "/no/such/page.md"]);
    assert_refused(&out, "/no/such/page.md");
    let dir = scratch("cli-empty");
    let out = kanbao(&["--dump", "json", dir.to_str().unwrap()]);
    assert_refused(&out, dir.to_str().unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unreadable_file_fails_cleanly() {
    let dir = scratch("cli-unreadable");
    let path = dir.join("secret.md");
    std::fs::write(&path, "## 标题\n").unwrap();
    std::process::Command::new("chmod")
        .arg("000")
        .arg(&path)
        .status()
        .unwrap();
    if std::fs::read(&path).is_err() {
        // Only meaningful when not running as root (root reads anything).
        assert_refused(
            &kanbao(&["--dump", "json", path.to_str().unwrap()]),
            "secret.md",
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn directory_opens_in_natural_order() {
    let dir = scratch("cli-dir");
    for n in [10, 2, 1] {
        std::fs::write(
            dir.join(format!("第{n}版.md")),
            format!("## 第{n}版头条\n\n正文。\n"),
        )
        .unwrap();
    }
    let out = kanbao(&["--dump", "json", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources: Vec<String> = value["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            d["source"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(sources, ["第1版.md", "第2版.md", "第10版.md"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_two_megabyte_line_opens_without_loss() {
    let dir = scratch("cli-hugeline");
    let path = dir.join("huge-line.md");
    let line = "平城区不断扩大总量规模,进一步释放服务业发展活力。".repeat(2_000_000 / 75);
    std::fs::write(&path, &line).unwrap();
    // Without keywords: they repeat words of the text and would inflate the count.
    let out = kanbao(&["--dump", "json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Count in the article text only (keywords and other extras may repeat words).
    let mut text = String::new();
    for article in value["documents"][0]["articles"].as_array().unwrap() {
        for key in ["kicker", "title", "subtitle", "byline"] {
            text.push_str(article[key].as_str().unwrap_or(""));
        }
        for block in article["blocks"].as_array().unwrap() {
            text.push_str(block["text"].as_str().unwrap_or(""));
        }
    }
    assert_eq!(
        text.matches("平城区").count(),
        line.matches("平城区").count()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hostile_file_names_are_shown_as_placeholders() {
    let dir = scratch("cli-name");
    let page = dir.join("\x1b]0;pwned\x07.md");
    std::fs::write(&page, "## 标题\n\n正文。\n").unwrap();
    let out = kanbao(&["--dump", "json", page.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(control_bytes(&out.stdout).is_empty());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        value["documents"][0]["source"]
            .as_str()
            .unwrap()
            .ends_with("␛]0;pwned␇.md")
    );
    let missing = dir.join("\x1b[2J.md");
    let out = kanbao(&["--dump", "json", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(control_bytes(&out.stderr).is_empty(), "{:?}", out.stderr);
    assert!(String::from_utf8_lossy(&out.stderr).contains("␛[2J.md"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn keywords_on_a_hostile_page() {
    let out = kanbao_with_keywords(&["--dump", "json", fixture("escapes.md").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(control_bytes(&out.stdout).is_empty());
}

#[test]
fn empty_stdin_and_no_paths() {
    let out = kanbao_stdin(&["--dump", "json", "-"], b"");
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["documents"][0]["articles"], serde_json::json!([]));
    assert_eq!(
        value["documents"][0]["warnings"][0],
        kanbao::input::EMPTY_PAGE_WARNING
    );
    // No paths and stdout a pipe: the bundled sample's text.
    let out = kanbao(&[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("平城区全力打造现代服务业高质量发展新引擎")
    );
}
