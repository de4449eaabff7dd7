//! The binary's edges under hostile conditions (issue 18): output that cannot be
//! written, a standard error that cannot be written, messages quoting hostile names.

use std::io::Read;
use std::process::{Command, Output, Stdio};

use crate::input::scratch;

fn kanbao() -> Command {
    let mut cmd = crate::home::kanbao();
    cmd.args(["--keywords", "0"]).stdin(Stdio::null());
    cmd
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

fn dev_full() -> Option<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .ok()
}

#[test]
fn a_full_disk_is_an_error_in_one_line() {
    let Some(full) = dev_full() else {
        eprintln!("no /dev/full here: skipped");
        return;
    };
    for format in ["json", "text"] {
        let out = kanbao()
            .args(["--dump", format])
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "--dump {format} > /dev/full");
        let lines = stderr_lines(&out);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].starts_with("kanbao: cannot write"), "{lines:?}");
    }
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    // More than a pipe holds, so the write meets the closed end.
    let dir = scratch("closed-pipe");
    let page = dir.join("long.md");
    let body = "平城区不断扩大总量规模，进一步释放服务业发展活力。\n\n".repeat(20_000);
    std::fs::write(&page, format!("## 标题\n\n{body}")).unwrap();
    let mut child = kanbao()
        .args(["--dump", "text"])
        .arg(&page)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here, as `head -1` exits.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{:?}", stderr_lines(&out));
}

#[test]
fn an_unwritable_stderr_keeps_the_exit_code() {
    let Some(full) = dev_full() else {
        eprintln!("no /dev/full here: skipped");
        return;
    };
    let out = kanbao()
        .args(["--dump", "text", "missing-page.md"])
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "not a panic (101)");
}

#[test]
fn a_newline_or_escape_in_a_name_stays_in_one_visible_line() {
    let dir = scratch("hostile-name");
    let name = dir.join("第1版\n\u{1b}]0;pwned\u{7}.md");
    let out = kanbao()
        .args(["--dump", "text"])
        .arg(&name)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("第1版␊␛]0;pwned␇.md"), "{lines:?}");
}

#[test]
fn a_dictionary_that_is_no_word_list_is_refused_in_one_line() {
    let dir = scratch("hostile-dict");
    // Sparse: a gigabyte on paper, nothing on disk.
    let huge = dir.join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let cases = [
        ("/dev/zero".to_string(), "not a regular file"),
        (dir.to_str().unwrap().to_string(), "not a regular file"),
        (huge.to_str().unwrap().to_string(), "too large"),
    ];
    for (dict, says) in cases {
        let out = crate::home::kanbao()
            .args(["--dump", "json", "--dict", &dict])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "--dict {dict}");
        let lines = stderr_lines(&out);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains(says), "{lines:?}");
    }
}

#[test]
fn a_malformed_dictionary_line_is_named_by_number_and_shown_safely() {
    let dir = scratch("bad-dict");
    let dict = dir.join("dict.txt");
    std::fs::write(&dict, "好词 3 n\n# 注释\n坏词 x\u{1b}]0;pwned\u{7}\n").unwrap();
    let out = crate::home::kanbao()
        .args(["--dump", "json", "--dict"])
        .arg(&dict)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("line 3"), "{lines:?}");
    assert!(lines[0].contains("x␛]0;pwned␇"), "{lines:?}");
    assert!(!out.stderr.contains(&0x1b));
}

#[test]
fn a_huge_keyword_count_is_refused_not_wrapped() {
    let out = kanbao()
        .args(["--dump", "json", "--keywords", "18446744073709551615"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at most 100"));
}

#[test]
fn bidi_controls_leave_the_text_dump_as_they_leave_the_screen() {
    let dir = scratch("bidi");
    let page = dir.join("bidi.md");
    std::fs::write(
        &page,
        "## 标题\n\n双向\u{202e}文字覆盖\u{202c}与\u{2067}隔离\u{2069}和\u{200f}标记。\n",
    )
    .unwrap();
    let text = kanbao()
        .args(["--dump", "text"])
        .arg(&page)
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("双向文字覆盖与隔离和标记。"), "{text}");
    // The JSON is the data: every character is kept there.
    let json = kanbao()
        .args(["--dump", "json"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&json.stdout).contains("双向\u{202e}文字"));
}

/// A directory with a page at the top, one `depth` levels down, and a PNG named `.md`.
fn tree(name: &str, depth: usize) -> std::path::PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("top.md"), "## 顶层\n\n顶层的正文。\n").unwrap();
    let mut deep = dir.clone();
    for _ in 0..depth {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("deep.md"), "## 深处\n\n深处的正文。\n").unwrap();
    std::fs::write(dir.join("pic.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    dir
}

fn dump_text(dir: &std::path::Path) -> (Output, String) {
    let out = kanbao().args(["--dump", "text"]).arg(dir).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out, text)
}

#[test]
fn deep_trees_are_walked_and_what_is_skipped_is_named() {
    // Fifty levels down (the old limit was eight): found.
    let dir = tree("deep-50", 50);
    let (out, text) = dump_text(&dir);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text.contains("深处的正文") && text.contains("顶层的正文"),
        "{text}"
    );
    // The PNG is skipped with a message; the rest is dumped.
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("skipped") && lines[0].contains("pic.md"),
        "{lines:?}"
    );
    // Below the limit: named, with the limit.
    let dir = tree("deep-70", 70);
    let (out, text) = dump_text(&dir);
    assert_eq!(out.status.code(), Some(0));
    assert!(text.contains("顶层的正文") && !text.contains("深处的正文"));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("deeper than 64 levels"), "{said}");
}

#[test]
fn an_unreadable_subdirectory_is_skipped_not_fatal() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tree("locked", 1);
    let locked = dir.join("lost+found");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("hidden.md"), "## 藏\n\n藏起来。\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads mode 000: run kanbao as nobody then, where `setpriv` can.
    let mut cmd = if std::fs::read_dir(&locked).is_ok() {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_kanbao"));
        crate::home::isolate(&mut cmd);
        cmd
    } else {
        crate::home::kanbao()
    };
    let out = cmd
        .args(["--keywords", "0", "--dump", "text"])
        .arg(&dir)
        .stdin(Stdio::null())
        .output();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = match out {
        Ok(out) if out.status.code() != Some(127) && !out.stdout.is_empty() => out,
        _ => {
            eprintln!("mode 000 is readable here and setpriv cannot drop root: skipped");
            return;
        }
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{:?}", stderr_lines(&out));
    assert!(text.contains("顶层的正文") && text.contains("深处的正文"));
    assert!(!text.contains("藏起来"));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("lost+found") && said.contains("ermission"),
        "{said}"
    );
}

#[test]
fn a_directory_of_nothing_readable_says_what_it_skipped() {
    let dir = scratch("nothing-readable");
    std::fs::write(dir.join("pic.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(dir.join("pic2.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (out, _) = dump_text(&dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pic.md: not a text page"));
}

#[test]
fn a_huge_block_is_dumped_part_by_part_without_losing_a_character() {
    use unicode_width::UnicodeWidthStr;
    let long = "据了解，今年以来全市经济运行稳中有进。".repeat(20_000);
    let page = format!("## 标题\n\n> {long}\n\n正文。\n");
    let doc = kanbao::document::parse("p.md", &page);
    let opts = kanbao::layout::LayoutOptions {
        width: 37,
        ..kanbao::layout::LayoutOptions::default()
    };
    let text = kanbao::dump::text(std::slice::from_ref(&doc), &opts);
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert!(squeeze(&text).contains(&squeeze(&long)), "the quote whole");
    assert!(text.lines().all(|l| l.width() <= 37));
}
