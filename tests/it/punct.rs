//! OCR's half-width punctuation in Chinese text is shown full-width on screen and in
//! `--dump text` (measured two columns, so no line overflows), kept as the source has
//! it in `--dump json`, and left alone with `--halfwidth-punct`.

use unicode_width::UnicodeWidthStr;

fn run(args: &[&str]) -> String {
    let out = crate::home::kanbao()
        .args(["--keywords", "0"])
        .args(args)
        .output()
        .expect("run kanbao");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

const PAGE: &str = "tests/fixtures/tables/stats.md";

#[test]
fn text_dumps_show_full_width_punctuation_and_json_keeps_the_source() {
    let sample = "assets/sample.md";
    for width in [17u16, 30, 41, 80] {
        let text = run(&["--dump", "text", "--width", &width.to_string(), sample]);
        for line in text.lines() {
            assert!(line.width() <= usize::from(width), "{width}: {line:?}");
        }
        let joined: String = text.split_whitespace().collect();
        assert!(joined.contains("环境，近日，"), "{text}");
        assert!(!joined.contains("环境,近日"));
    }
    let json = run(&["--dump", "json", sample]);
    assert!(json.contains("环境,近日,"));
    let kept = run(&["--dump", "text", "--halfwidth-punct", sample]);
    assert!(kept.contains("环境,近日,"));
    // Figures keep theirs.
    let stats = run(&["--dump", "text", PAGE]);
    assert!(stats.contains("45,210"), "{stats}");
}
