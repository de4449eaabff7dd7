//! Prints each unit of a page with the rule parser's role, the decoded role and the
//! cues that decided it, and with a truth file the page's structure score: for
//! studying one page's decisions, with the shipped weights or a refitted file.
//!
//! ```text
//! cargo run --release --example page_roles -- PAGE.md [TRUTH.json] [--weights W.json] [--quiet]
//! ```

use kanbao::document::Weights;
use kanbao::document::structure::Page;
use serde_json::Value;

fn main() {
    let mut page_path = None;
    let mut truth_path = None;
    let mut weights = None;
    let mut quiet = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--weights" => weights = args.next(),
            "--quiet" => quiet = true,
            _ if page_path.is_none() => page_path = Some(a),
            _ => truth_path = Some(a),
        }
    }
    let Some(path) = page_path else {
        eprintln!("page_roles PAGE.md [TRUTH.json] [--weights W.json] [--quiet]");
        return;
    };
    let md = std::fs::read_to_string(&path).unwrap_or_default();
    let w = weights
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|j| Weights::from_json(&j).ok())
        .unwrap_or_else(|| Weights::shipped().clone());
    let page = Page::new(&md);
    let rules = page.rule_roles();
    let explained = page.explain(&w);
    if !quiet {
        for (i, (role, cues)) in explained.iter().enumerate() {
            let text: String = page.text(i).chars().take(24).collect();
            let rule = rules.get(i).copied().unwrap_or("");
            let mark = if *role == rule { ' ' } else { '*' };
            let cues: Vec<String> = cues.iter().map(|(n, v)| format!("{n} {v}")).collect();
            println!(
                "{:>4} {mark} {:<22} rule {:<22} {text}  [{}]",
                page.line(i),
                role,
                rule,
                cues.join(", ")
            );
        }
    }
    let Some(truth) = truth_path
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
    else {
        return;
    };
    let roles: Vec<&str> = explained.iter().map(|(r, _)| *r).collect();
    let doc = page.document("page", &roles);
    let dump: Value = serde_json::from_str(&kanbao::dump::json(&[doc])).unwrap_or(Value::Null);
    let s = kanbao_corpus::score::score(&dump, &truth, Some(&md));
    for m in &s.misses {
        println!("  miss: {}", m.text);
    }
    println!("structure={}/{}", s.points, s.max);
}
