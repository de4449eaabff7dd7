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
