//! Streaming dumps (issue 17, point 4): `--dump text` and `--dump json` write pages as
//! they are parsed, and give the same bytes as the dump of all pages parsed at once;
//! a huge input is read in parts whose lines count from the start of the input.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use kanbao::dump;
use kanbao::input::LoadOptions;
use kanbao::layout::LayoutOptions;
use kanbao::loader;
use kanbao::options::{AnalysisOptions, SearchOptions};
use kanbao::stream::{self, Piece, StreamOptions};

use crate::input::scratch;

/// A directory of `n` generated pages (and, with `broken`, a page that is an image).
fn archive(name: &str, n: usize, broken: bool) -> PathBuf {
    let dir = scratch(name);
    for i in 0..n {
        let page = kanbao_corpus::generate_page(7, i);
        std::fs::write(dir.join(kanbao_corpus::page_file_name(i)), page).unwrap();
    }
    if broken {
        std::fs::write(dir.join("2020-01-01_第1版a.md"), b"\x89PNG\r\n\x1a\nxx").unwrap();
    }
    dir
}

fn pieces(opened: stream::Opened) -> Vec<Piece> {
    std::iter::once(opened.first)
        .chain(opened.rest.filter_map(Result::ok))
        .collect()
}

fn streamed_text(paths: &[PathBuf], options: StreamOptions, opts: &LayoutOptions) -> Vec<u8> {
    let opened = stream::open(paths, &LoadOptions::default(), options).unwrap();
    let pages = opened.pages;
    let mut out = Vec::new();
    let mut it = pieces(opened).into_iter();
    dump::write_text_stream(&mut it, pages, opts, &mut out).unwrap();
    out
}

#[test]
fn a_streamed_text_dump_is_the_dump_of_all_pages() {
    let dir = archive("stream-text", 12, true);
    let opts = LayoutOptions {
        width: 61,
        ..LayoutOptions::default()
    };
    let paths = [dir.clone()];
    let all = loader::load_everything(&paths, &LoadOptions::default()).unwrap();
    assert_eq!(all.skipped.len(), 1);
    let want = dump::text(&all.docs, &opts);
    // A small window: the pipeline has to wait for the writer, and order must hold.
    let small = StreamOptions {
        window: 1,
        ..StreamOptions::default()
    };
    for options in [StreamOptions::default(), small] {
        let got = streamed_text(&paths, options, &opts);
        assert!(got == want.as_bytes(), "streamed text differs");
    }
}

#[test]
fn one_page_left_of_two_has_no_rule_as_before() {
    let dir = archive("stream-one", 1, true);
    let opts = LayoutOptions::default();
    let got = streamed_text(std::slice::from_ref(&dir), StreamOptions::default(), &opts);
    let all = loader::load_everything(&[dir], &LoadOptions::default()).unwrap();
    assert_eq!(all.docs.len(), 1);
    assert_eq!(
        String::from_utf8(got).unwrap(),
        dump::text(&all.docs, &opts)
    );
}

#[test]
fn a_streamed_json_dump_is_the_dump_of_all_pages() {
    let dir = archive("stream-json", 5, false);
    let paths = [dir];
    let analysis = AnalysisOptions::default();
    let search = SearchOptions {
        text: Some("记者 发展".into()),
        ..SearchOptions::default()
    };
    let all = loader::load_everything(&paths, &LoadOptions::default()).unwrap();
    let want = dump::json_with(
        &all.docs,
        &dump::analyse(&all.docs, &analysis, &search).unwrap(),
    );
    let analyser = dump::Analyser::new(&analysis, &search).unwrap();
    let opened = stream::open(&paths, &LoadOptions::default(), StreamOptions::default()).unwrap();
    let mut it = pieces(opened).into_iter();
    let mut got = Vec::new();
    dump::write_json_stream(&mut it, &analyser, &mut got).unwrap();
    assert!(got == want.as_bytes(), "streamed JSON differs");
}

/// Generated pages one after another, as `cat dir/*.md` would give them.
fn concatenated(pages: usize) -> String {
    (0..pages)
        .map(|i| kanbao_corpus::generate_page(3, i))
        .collect()
}

#[test]
fn a_huge_input_is_parsed_in_parts_that_keep_its_lines_and_articles() {
    let text = concatenated(12);
    let dir = scratch("stream-huge");
    let path = dir.join("year.md");
    std::fs::write(&path, &text).unwrap();
    let options = StreamOptions {
        split_above: 40_000,
        first_part_bytes: 5_000,
        part_bytes: 30_000,
        window: 2,
    };
    let opened = stream::open(&[path], &LoadOptions::default(), options).unwrap();
    let parts = pieces(opened);
    assert!(parts.len() > 3, "{} parts", parts.len());
    assert!(parts.iter().all(|p| p.page == 0 && p.in_parts));
    assert!(parts.iter().enumerate().all(|(i, p)| p.part == i));
    assert!(
        parts[1]
            .doc
            .warnings
            .iter()
            .any(|w| w.starts_with("part 2 of"))
    );
    // Each part's lines are lines of the whole input: the first line of an article
    // with a headline is its kicker or headline there.
    let lines: Vec<&str> = text.lines().collect();
    let mut last = 0;
    for part in &parts {
        for a in &part.doc.articles {
            assert!(a.line >= last, "lines go forward");
            last = a.line;
            if let Some(title) = part.doc.field(a.title.as_ref()) {
                let at = a.title.as_ref().unwrap().line;
                assert!(lines[at - 1].contains(title), "line {at}: {title}");
            }
        }
    }
    // Cut before articles, the parts hold the headlines the whole input holds.
    let whole = kanbao::input::document_from_bytes("year.md", text.as_bytes(), None).unwrap();
    let titles = |docs: &[&kanbao::document::Document]| -> Vec<String> {
        docs.iter()
            .flat_map(|d| d.articles.iter().filter_map(|a| d.field(a.title.as_ref())))
            .map(str::to_string)
            .collect()
    };
    let in_parts = titles(&parts.iter().map(|p| &p.doc).collect::<Vec<_>>());
    let in_whole = titles(&[&whole]);
    let missing = in_whole.iter().filter(|t| !in_parts.contains(t)).count();
    assert!(
        missing * 20 <= in_whole.len(),
        "{missing} of {} headlines lost",
        in_whole.len()
    );
}

#[test]
fn standard_input_of_normal_size_dumps_as_before() {
    let page = kanbao_corpus::generate_page(5, 2);
    let mut child = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(["--keywords", "0", "--dump", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let doc = kanbao::input::document_from_bytes("-", page.as_bytes(), None).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), dump::json(&[doc]));
}

/// Runs `kanbao ARGS…` with `stdin` piped in (written from a thread: the dump reads
/// while it writes); its standard output, after checking it succeeded.
fn dump_with_stdin(args: &[&str], stdin: Vec<u8>) -> Vec<u8> {
    let out = crate::home::kanbao_with_stdin(args, stdin);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn empty_standard_input_is_an_empty_page() {
    let dir = scratch("stream-empty-stdin");
    let empty = dir.join("empty.md");
    std::fs::write(&empty, "").unwrap();
    let from_pipe = dump_with_stdin(&["--keywords", "0", "--dump", "json", "-"], Vec::new());
    let doc = kanbao::input::document_from_bytes("-", b"", None).unwrap();
    assert_eq!(String::from_utf8(from_pipe).unwrap(), dump::json(&[doc]));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn huge_standard_input_is_read_in_the_parts_a_huge_file_is() {
    // Over the size read whole, with a character cut by every read block somewhere.
    let mut text = String::from("a");
    let mut n = 0;
    while text.len() <= kanbao::stream::chunks::SPLIT_ABOVE + (256 << 10) {
        text.push_str(&kanbao_corpus::generate_page(11, n));
        n += 1;
    }
    let dir = scratch("stream-huge-stdin");
    let path = dir.join("year.md");
    std::fs::write(&path, &text).unwrap();
    let args = ["--width", "57", "--dump", "text"];
    let from_pipe = dump_with_stdin(&[&args[..], &["-"]].concat(), text.clone().into_bytes());
    let from_file = crate::home::kanbao()
        .args(args)
        .arg(&path)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(from_file.status.success());
    assert!(from_pipe == from_file.stdout, "the pipe's dump differs");
    // Nothing lost: every part's text, in order, is the input.
    let source = kanbao::input::PageSource::File(path.clone());
    let Ok(stream::read::Opened::Parts(mut reader)) =
        stream::read::open(&source, None, StreamOptions::default(), None)
    else {
        panic!("not read in parts");
    };
    let mut joined = String::new();
    let mut parts = 0;
    while let Some(part) = reader.next_part() {
        joined.push_str(&part.unwrap().text);
        parts += 1;
    }
    assert!(parts > 8, "{parts} parts");
    assert!(joined == text, "text lost or changed between parts");
    let _ = std::fs::remove_dir_all(&dir);
}
