//! 繁简 folding in search (issue 16): 台风 finds 颱風 in the Big5 fixture, in the dump and
//! in the reader, and Ctrl-o in the prompt turns the folding off and on again.

use std::process::Stdio;

use kanbao::document::parse;

use crate::interactions::state_on;
use crate::search_ui::press;

fn dump_matches(args: &[&str]) -> Vec<String> {
    let out = crate::home::kanbao()
        .args(["--keywords", "0", "--dump", "json"])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["documents"][0]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn dump_search_in_simplified_reports_the_traditional_matches() {
    let big5 = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/big5.md");
    assert_eq!(dump_matches(&["--search", "台风", big5]), ["颱風", "颱風"]);
    assert_eq!(dump_matches(&["--search", "台北", big5]), ["臺北"]);
    assert!(dump_matches(&["--search", "台风", "--exact-script", big5]).is_empty());
}

#[test]
fn the_reader_highlights_traditional_hits_and_ctrl_o_turns_folding_off() {
    let doc = parse("t.md", "# 颱風過境\n\n台风来了，颱風過後天晴。");
    let mut s = state_on(vec![doc], 60, 20);
    press(&mut s, "/台风");
    let hits = |s: &kanbao::state::AppState| -> Vec<String> {
        s.search.active.as_ref().map_or_else(Vec::new, |a| {
            a.matches
                .iter()
                .map(|(d, m)| s.docs[*d].text[m.range.clone()].to_string())
                .collect()
        })
    };
    assert_eq!(hits(&s), ["颱風", "台风", "颱風"]);
    press(&mut s, "<C-o>");
    assert!(!s.search.script_folding);
    assert_eq!(hits(&s), ["台风"]);
    press(&mut s, "<C-o>");
    assert_eq!(hits(&s).len(), 3);
}

#[test]
fn simplified_display_changes_what_is_shown_never_the_text() {
    let big5 = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/big5.md");
    let text = |extra: &[&str]| {
        let out = crate::home::kanbao()
            .args(["--keywords", "0", "--dump", "text"])
            .args(extra)
            .arg(big5)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let plain = text(&[]);
    let shown = text(&["--simplified"]);
    assert!(plain.contains("颱風") && !plain.contains("台风"), "{plain}");
    assert!(shown.contains("台风") && !shown.contains("颱風"), "{shown}");
    assert_eq!(plain.chars().count(), shown.chars().count(), "one for one");
    // The JSON dump keeps the source's characters whatever the display says.
    assert_eq!(
        dump_matches(&["--search", "台风", "--simplified", big5]),
        ["颱風", "颱風"]
    );
    // In the reader: the pane draws simplified characters while the option is on.
    let docs = kanbao::input::load(&[std::path::PathBuf::from(big5)]).unwrap();
    let state = state_on(docs, 100, 30);
    kanbao::ui::set_simplified(true);
    let on = crate::support::screen_text(crate::support::render(&state).backend().buffer());
    kanbao::ui::set_simplified(false);
    let off = crate::support::screen_text(crate::support::render(&state).backend().buffer());
    assert!(on.contains("台风") && !on.contains("颱風"), "{on}");
    assert!(off.contains("颱風"), "{off}");
}
