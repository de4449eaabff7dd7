//! Fits the structure decoder's weights on the training part of the generated corpus
//! and writes them to `assets/structure-weights.json`.
//!
//! ```text
//! cargo run --release --example fit_structure              # fit and write the weights
//! cargo run --release --example fit_structure -- --check PAGE.md TRUTH.json…
//! cargo run --release --example fit_structure -- --verify  # does the file match a refit?
//! ```
//!
//! Gold roles come from the generator's own label of every markdown block
//! (`kanbao_corpus::page::Labelled`, mapped onto the parser's units by source line in
//! `labels::from_blocks`: 99.2% when scored), or with `FIT_GOLD=truth` from the
//! article-level truth (`labels::derive`, 96.5%). The fit is a deterministic averaged
//! structured perceptron: decode every training page with the current weights, move
//! the weights towards the gold sequence's features and transitions and away from the
//! decoded one's where they differ, and average the weights over all steps (which
//! keeps the result stable; the page order of each epoch is a fixed shuffle, so the
//! same corpus always gives the same file). The weights start at "trust the rule
//! parser" (each `rule:X` feature `RULE_PRIOR` points for role X), so the perceptron
//! learns where the other cues should overrule it; after the fit the rule verdict on
//! the `TRUSTED` roles gets `RULE_TRUST` more (see there). `--verify` refits in memory
//! and exits 1 when the weights file differs (stale weights). `--check` prints, for given pages, the score of the decoded reading and of
//! the gold roles (a check of the label derivation), and the units where they differ
//! with the cues that decided. `--gold-misses` lists what the gold roles lose.
//!
//! Knobs for experiments (environment): `FIT_EPOCHS`, `FIT_PAGES` (per profile),
//! `FIT_RULE_PRIOR`, `FIT_RULE_TRUST`; `FIT_EVAL=1` prints per-profile scores on the
//! train and dev parts, the real pages and the sample variants for the rule parser
//! and the fitted weights; `FIT_EVAL=train` scores on held-out training pages only
//! (other seeds than the fit's: `FIT_EVAL_SEEDS=1,2`, `FIT_EVAL_PAGES=40` per
//! profile), so experiments never look at the dev part; `FIT_TRUST=0,1000` does the
//! same for other trusts; `FIT_START_TRUST=t` adds trust `t` to the starting weights
//! (the perceptron then learns around it); `FIT_BAGS=n` averages `n` fits made with
//! different page orders (default 3, `BAGS`); `FIT_CONFUSION=1` prints the commonest gold/decoded role
//! confusions; `FIT_CHECK_TRUST=t` makes `--check` use the shipped weights as if fit
//! with trust t; `FIT_WEIGHTS=FILE` scores that file without fitting (with
//! `FIT_EVAL=train` on held-out training pages only). `--dry-run` fits (and
//! evaluates) without writing the file.

mod labels;

use std::fmt::Write as _;
use std::time::Instant;

use kanbao::document::Weights;
use kanbao::document::structure::{Page, role_names};
use serde_json::Value;

/// Passes over the training pages: 14 fits the training part better than 8 (train
/// 78.5% -> 80.1% at rule trust 1000); the averaged weights keep it from overfitting.
/// 12 since the real-page and hard-wrap front ends merged: at 14 the refit read the
/// Marker fixture's `党建引领 资源融合` subhead as a photo credit (dev 86.8% at 12).
/// 20 again once the decoder's constraints (no credit without credit words, no
/// paragraph or caption for a short heading line) closed those ways out: held-out
/// train 92.2% against 91.7% at 12 (rule trust 200), the real pages and the sample
/// exact.
const EPOCHS: usize = 20;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Starting weight of the rule parser's verdict (`rule:X` for role X): how much
/// evidence the other cues need before they overrule it.
const RULE_PRIOR: f64 = 4.0;

/// Weight added after the fit to the rule parser's verdict on the head roles
/// (`TRUSTED`). The fitted cues overrule the rules wherever they outweigh it. It is the
/// one hand-set constant: the smallest multiple of 100 at which the bundled sample stays
/// exact in its three heading variants (the regression guard), measured with
/// `FIT_TRUST=…` (see `evaluate`). History: 1500, then 1000 on every role (the fitted
/// model barely spoke: dev 77%); fitting on the generator's block labels, with the
/// `end:closes_term` cue, trust on the head roles only and 120 pages per profile, 500
/// (dev 85.3%; 400 lost a sample point then). With the `end:mid_phrase` cue and the
/// names line asking for surnames, on the rewrapping front end, 300 (dev 86.6%; 200
/// loses a point of the unmarked sample). With no trust at all dev reaches 88% but
/// the sample's slogan kickers (`依托“六新”“六最”
/// 致力“六稳”“六保”` over its headline), which the training articles never show, are
/// read as headline + subtitle. With the generator's two-half slogan kickers the
/// sample's kickers no longer need it, but its column breaks (next to pages whose OCR
/// dropped closing stops) and its series labels still do: 300 again (train 88.0%,
/// omnidocbench 48/50, paddleocr-vl 18/18); 200 and 100 lose 3 points of the sample.
/// With the caption, credit and byline trust set apart (`WITNESS_TRUST`), a subhead
/// never followed by a head, the `next_is_credit`, `end:short_sentence`,
/// `starts:one_char_clause` and `page:drops_stops` cues and a heading after an open end
/// opening its block on pages that drop stops: 100 (held-out train 90.8% against 89.1%
/// at 300; 0 loses 6 points of the sample with every head at `#` and 12 without `#`),
/// but on small made-up pages (`src/document/tests.rs`) a second `#` line on the same
/// topic was read as a new headline rather than a subhead at 100: 200 (held-out train
/// 90.3%). With the ocr-lines front end merged, 200 read the Marker fixture's two-half
/// subhead `党建引领 资源融合` as a photo credit: 300 (held-out train 90.0%). With no
/// credit role for a longer line without credit words (`decode`): 200 (train 90.5%
/// against 89.6% at 300, the real pages and the sample exact; 100 reaches 91.3% but
/// loses 2 points of the omnidocbench page). With a short or quoted heading line
/// never a paragraph or a caption (`decode`, which those 2 points were), 100 at 20
/// epochs keeps the real pages and the sample exact and reaches held-out train 92.7%
/// (92.2% at 200), but reads seven small made-up test pages wrong (a second `#` line
/// on one topic, a page banner, an unmarked page): 200.
const RULE_TRUST: f64 = 200.0;

/// The roles whose rule verdict gets `RULE_TRUST`: the heads the rules were written
/// for (the subtitle too: a short line under a headline, `各街道社区措施好行动快`, read
/// as a byline otherwise; 0.1 point of held-out train). Paragraph joins and the rest
/// are left to the fitted cues alone (trusting the rules on paragraphs costs 4 points
/// of dev).
const TRUSTED: &[&str] = &[
    "headline",
    "kicker",
    "subtitle",
    "series_label",
    "banner",
    "subhead",
];

/// Weight added after the fit to the rule verdict on photo captions and credits (a
/// caption dropped amid paragraphs, far from its photo, which the rules place from the
/// credit under it: paddleocr-vl 14/18 -> 18/18; the sample's caption inside a column
/// break) and bylines (a bare name under a headline, `闫昌`, which the training pages
/// rarely show). Apart from the head trust because it costs nothing: on held-out
/// training pages 91.1% with it at 300 and no head trust, 90.9% with no trust at all,
/// where the head trust at 300 costs 1.8 points (`FIT_TRUST_ROLES`).
const WITNESS_TRUST: f64 = 300.0;

/// The roles that get `WITNESS_TRUST`.
const WITNESSED: &[&str] = &["credit", "caption", "byline"];

/// The fitted weights `raw` with the rule trusts added: `head` on the `TRUSTED`
/// roles, `WITNESS_TRUST` (`FIT_WITNESS_TRUST`) on the `WITNESSED` ones.
fn with_trust(raw: &Weights, head: f64) -> Weights {
    let mut w = raw.clone();
    w.add_scaled(&trust(&trusted_roles()), head);
    let witnessed: Vec<String> = WITNESSED.iter().map(|r| (*r).to_string()).collect();
    w.add_scaled(
        &trust(&witnessed),
        env_or("FIT_WITNESS_TRUST", WITNESS_TRUST),
    );
    w
}

/// Loss-augmented decoding while fitting: every wrong role gets this much extra
/// score, so the gold reading must win by a margin, `HEAD_COST` times larger where the
/// mistake is on a role that opens an article (`OPENS`). Off by default: 10 gains
/// 0.4 points of train at the shipped trust but flips three small made-up pages (an
/// unmarked question headline read as body text, a two-half subhead read as a credit).
const MARGIN: f64 = 0.0;
const HEAD_COST: f64 = 3.0;

/// The generator's seed for the training pages.
const SEED: u64 = 12;

/// Training pages per profile: 120 rather than 60 gains 1.5 points of dev and reads
/// small made-up pages better (a subhead between two paragraphs, a lede under its
/// headline), for a fit of about 7 s of CPU.
const PER_PROFILE: usize = 120;

fn score(page: &Page, roles: &[&str], truth: &Value, md: &str) -> kanbao_corpus::score::Score {
    let doc = page.document("page", roles);
    let dump: Value = serde_json::from_str(&kanbao::dump::json(&[doc])).unwrap_or(Value::Null);
    kanbao_corpus::score::score(&dump, truth, Some(md))
}

fn check(paths: &[String]) {
    for pair in paths.chunks(2) {
        let [md_path, truth_path] = pair else {
            eprintln!("--check takes PAGE.md TRUTH.json pairs");
            return;
        };
        let md = std::fs::read_to_string(md_path).unwrap_or_default();
        let truth: Value = std::fs::read_to_string(truth_path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        let page = Page::new(&md);
        let gold = labels::derive(&page, &truth);
        // `FIT_CHECK_TRUST=t` checks the shipped weights as if fit with trust `t`.
        // The weights file as it is now (the fitter may have rewritten it since the build).
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/structure-weights.json");
        let mut w = std::fs::read_to_string(path)
            .ok()
            .and_then(|t| Weights::from_json(&t).ok())
            .unwrap_or_else(|| Weights::shipped().clone());
        if let Ok(t) = std::env::var("FIT_CHECK_TRUST") {
            let t: f64 = t.parse().unwrap_or(RULE_TRUST);
            w.add_scaled(&trust(&trusted_roles()), t - RULE_TRUST);
        }
        let pred = page.decode(&w);
        let g = score(&page, &gold, &truth, &md);
        let w = &w;
        let p = score(&page, &pred, &truth, &md);
        println!(
            "{md_path}: decoded {}/{}, gold roles {}/{}",
            p.points, p.max, g.points, g.max
        );
        for m in &g.misses {
            println!("  gold miss: {}", m.text);
        }
        for m in &p.misses {
            println!("  miss: {}", m.text);
        }
        let rules = page.rule_roles();
        let why = page.explain(w);
        if std::env::var("FIT_CHECK_ROLES").is_ok() {
            for (i, r) in pred.iter().enumerate() {
                let t: String = page.text(i).chars().take(24).collect();
                println!("  {i}: {r} (rules {}) {t}", rules[i]);
            }
        }
        for (i, (a, b)) in gold.iter().zip(&pred).enumerate() {
            if a != b {
                let t: String = page.text(i).chars().take(30).collect();
                println!(
                    "  unit {i}: gold {a}, decoded {b} (rules {}): {t} {:?}",
                    rules[i],
                    why.get(i).map(|w| &w.1)
                );
                if std::env::var("FIT_CHECK_ALL").is_ok() {
                    let all = page.compare(w, i, a, b);
                    println!("    {a} over {b}: {all:?}");
                }
            }
        }
    }
}

/// A training example: the page, its gold roles.
struct Example {
    page: Page,
    gold: Vec<&'static str>,
}

/// The rule parser's reading as starting weights.
fn start() -> Weights {
    let mut json = String::from("{\"emit\":{");
    for (n, r) in role_names().iter().enumerate() {
        if n > 0 {
            json.push(',');
        }
        let prior = env_or("FIT_RULE_PRIOR", RULE_PRIOR);
        let _ = write!(json, "\"{r}\":{{\"rule:{r}\":{prior}}}");
    }
    json.push_str("},\"trans\":{}}");
    Weights::from_json(&json).unwrap_or_else(|_| Weights::zero())
}

/// Weight 1 on the rule parser's verdict for each of `roles` (`rule:X` for role X).
fn trust(roles: &[String]) -> Weights {
    let mut json = String::from("{\"emit\":{");
    for (n, r) in roles.iter().enumerate() {
        if n > 0 {
            json.push(',');
        }
        let _ = write!(json, "\"{r}\":{{\"rule:{r}\":1.0}}");
    }
    json.push_str("},\"trans\":{}}");
    Weights::from_json(&json).unwrap_or_else(|_| Weights::zero())
}

/// The roles whose rule verdict gets the trust (`FIT_TRUST_ROLES=a,b` to try others).
fn trusted_roles() -> Vec<String> {
    std::env::var("FIT_TRUST_ROLES").map_or_else(
        |_| TRUSTED.iter().map(|r| (*r).to_string()).collect(),
        |v| v.split(',').map(str::to_string).collect(),
    )
}

/// The roles that open an article or a new part of one: a mistake on them moves an
/// article's edge, which costs all its fields, not one paragraph.
const OPENS: &[&str] = &[
    "headline",
    "kicker",
    "subtitle",
    "banner",
    "series_label",
    "photo_title",
    "continued_article",
];

/// Fits averaged into the shipped weights, each seeing the pages in its own orders.
/// One fit's result turns on the page order: with the sibling, dash, digit and
/// photo-title cues a single fit at 12, 20 or 24 epochs loses a column break of the
/// unmarked sample or a paragraph of the paddleocr-vl page (55/57, 17/18), while the
/// mean of three keeps the real pages and the sample exact at the best held-out
/// training score (93.4%, as a single 20-epoch fit; 16 epochs 93.2%).
const BAGS: usize = 3;

/// The averaged fit: the mean of `BAGS` fits (`FIT_BAGS=n`) whose epochs see the
/// pages in different orders.
fn fit(examples: &[Example]) -> Weights {
    let bags = env_or("FIT_BAGS", BAGS).max(1);
    if bags == 1 {
        return fit_one(examples, 0);
    }
    let mut mean = Weights::zero();
    for bag in 0..bags {
        mean.add_scaled(&fit_one(examples, bag as u64), 1.0 / bags as f64);
    }
    mean
}

fn fit_one(examples: &[Example], bag: u64) -> Weights {
    let margin = env_or("FIT_MARGIN", MARGIN);
    let head_cost = env_or("FIT_HEAD_COST", HEAD_COST);
    let mut w = start();
    w.add_scaled(&trust(&trusted_roles()), env_or("FIT_START_TRUST", 0.0));
    let mut sum = Weights::zero();
    let mut steps = 0.0;
    let mut confusion = std::collections::BTreeMap::new();
    for epoch in 0..env_or("FIT_EPOCHS", EPOCHS) {
        let mut wrong = 0usize;
        let mut units = 0usize;
        // A fixed shuffle per epoch: pages of one profile are not all seen in a row.
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = kanbao_corpus::Rng::new(epoch as u64 + 1 + bag * 1000);
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &k in &order {
            let ex = &examples[k];
            let pred = if margin > 0.0 {
                ex.page.decode_with_margin(&w, &|i, r| {
                    let g = ex.gold.get(i).copied().unwrap_or(r);
                    if g == r {
                        0.0
                    } else if OPENS.contains(&g) || OPENS.contains(&r) {
                        margin * head_cost
                    } else {
                        margin
                    }
                })
            } else {
                ex.page.decode(&w)
            };
            let diff = pred.iter().zip(&ex.gold).filter(|(a, b)| a != b).count();
            wrong += diff;
            if epoch + 1 == env_or("FIT_EPOCHS", EPOCHS) && std::env::var("FIT_CONFUSION").is_ok() {
                for (g, p) in ex.gold.iter().zip(&pred) {
                    if g != p {
                        *confusion.entry((*g, *p)).or_insert(0usize) += 1;
                    }
                }
            }
            units += ex.gold.len();
            if diff > 0 {
                ex.page.update(&mut w, &ex.gold, &pred, 1.0);
            }
            sum.add_scaled(&w, 1.0);
            steps += 1.0;
        }
        eprintln!(
            "epoch {epoch}: {wrong} of {units} units wrong ({:.2}%)",
            100.0 * wrong as f64 / units.max(1) as f64
        );
    }
    let mut worst: Vec<_> = confusion.into_iter().collect();
    worst.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    for ((g, p), n) in worst.iter().take(25) {
        eprintln!("  gold {g:>24} decoded {p:>24}: {n}");
    }
    let mut avg = Weights::zero();
    avg.add_scaled(&sum, 1.0 / steps);
    avg
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--check") {
        check(args.get(1..).unwrap_or(&[]));
        return;
    }
    // `FIT_WEIGHTS=FILE`: score that weights file as it is (no fit), on the parts
    // `FIT_EVAL` names: the shipped weights against a candidate on the same code.
    if let Ok(file) = std::env::var("FIT_WEIGHTS") {
        let Some(w) = std::fs::read_to_string(&file)
            .ok()
            .and_then(|t| Weights::from_json(&t).ok())
        else {
            eprintln!("cannot read weights from {file}");
            std::process::exit(1);
        };
        let parts = if std::env::var("FIT_EVAL").is_ok_and(|v| v == "train") {
            Parts::HeldOutTrain
        } else {
            Parts::TrainAndDev
        };
        evaluate(&w, &file, parts);
        return;
    }
    let started = Instant::now();
    let pages = kanbao_corpus::page::pages(
        kanbao_corpus::articles::Split::Train,
        SEED,
        env_or("FIT_PAGES", PER_PROFILE),
    );
    let mut oracle = kanbao_corpus::score::Score::default();
    let mut derived_oracle = kanbao_corpus::score::Score::default();
    let mut from_blocks = 0usize;
    // `FIT_GOLD=truth` fits on roles derived from the article-level truth instead.
    let truth_gold = std::env::var("FIT_GOLD").is_ok_and(|v| v == "truth");
    let examples: Vec<Example> = pages
        .iter()
        .map(|p| {
            let page = Page::new(&p.markdown);
            let truth = p.truth.to_value();
            let derived = labels::derive(&page, &truth);
            let blocks = labels::from_blocks(&page, p);
            if blocks.is_some() {
                from_blocks += 1;
            }
            let gold = match blocks {
                Some(b) if !truth_gold => b,
                _ => derived.clone(),
            };
            derived_oracle.add(&score(&page, &derived, &truth, &p.markdown));
            oracle.add(&score(&page, &gold, &truth, &p.markdown));
            Example { page, gold }
        })
        .collect();
    // `FIT_GOLD_TRANS=role,role`: how often each role follows these in the gold
    // sequences (what a hard constraint on transitions would forbid).
    if let Ok(list) = std::env::var("FIT_GOLD_TRANS") {
        let mut seen = std::collections::BTreeMap::<(&str, &str), usize>::new();
        for ex in &examples {
            for pair in ex.gold.windows(2) {
                if let [a, b] = pair
                    && list.split(',').any(|r| r == *a)
                {
                    *seen.entry((*a, *b)).or_default() += 1;
                }
            }
        }
        for ((a, b), n) in seen {
            println!("{a:>24} -> {b:<24} {n}");
        }
        return;
    }
    // `FIT_GOLD_TEXTS=role`: the text of every training unit whose gold role is this
    // one (what a constraint on the role's shape must leave open).
    if let Ok(role) = std::env::var("FIT_GOLD_TEXTS") {
        for ex in &examples {
            for (i, g) in ex.gold.iter().enumerate() {
                if *g == role {
                    println!("{}", ex.page.text(i));
                }
            }
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--gold-misses") {
        for m in &oracle.misses {
            println!("{:?}\t{}", m.class, m.text);
        }
        return;
    }
    eprintln!(
        "{} training pages ({from_blocks} labelled by block); gold roles score {}/{} ({:.1}%), roles derived from the truth {:.1}%",
        examples.len(),
        oracle.points,
        oracle.max,
        oracle.percent(),
        derived_oracle.percent()
    );
    let raw = fit(&examples);
    let w = with_trust(&raw, env_or("FIT_RULE_TRUST", RULE_TRUST));
    eprintln!("fit in {:.1?}", started.elapsed());
    let eval = std::env::var("FIT_EVAL").ok();
    let parts = if eval.as_deref() == Some("train") {
        Parts::HeldOutTrain
    } else {
        Parts::TrainAndDev
    };
    if eval.is_some() {
        if parts == Parts::TrainAndDev {
            evaluate(&start(), "rule parser (starting weights)", parts);
        }
        evaluate(&w, "fitted, with the rule trust", parts);
    }
    if let Ok(list) = std::env::var("FIT_TRUST") {
        for t in list.split(',').filter_map(|x| x.parse::<f64>().ok()) {
            let v = with_trust(&raw, t);
            evaluate(&v, &format!("fitted + rule trust {t}"), parts);
        }
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/structure-weights.json");
    if args.first().map(String::as_str) == Some("--verify") {
        verify(path, &(w.to_json() + "\n"));
        return;
    }
    if args.iter().any(|a| a == "--dry-run") {
        eprintln!("--dry-run: {path} left as it is");
        return;
    }
    if let Err(e) = std::fs::write(path, w.to_json() + "\n") {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
    eprintln!("wrote {path} in {:.1?}", started.elapsed());
}

/// `--verify`: whether the weights file is what this fit writes, line by line (the
/// weights are rounded to 0.001, so a refit on the same code and corpus is byte-equal).
/// Exits 1 when it is not, naming the first lines that differ: the file is stale (the
/// front end, the features or the generator changed since it was written) or the
/// environment's `FIT_*` knobs differ from the defaults it was fit with.
fn verify(path: &str, fitted: &str) {
    let file = std::fs::read_to_string(path).unwrap_or_default();
    if file == fitted {
        eprintln!("{path} is reproduced exactly by this fit");
        return;
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (file.lines().collect(), fitted.lines().collect());
    let differ: Vec<usize> = (0..a.len().max(b.len()))
        .filter(|&i| a.get(i) != b.get(i))
        .collect();
    eprintln!(
        "{path} differs from this fit on {} of {} lines (stale weights or other FIT_* knobs)",
        differ.len(),
        b.len()
    );
    for &i in differ.iter().take(5) {
        eprintln!(
            "  line {}: file {:?}, fit {:?}",
            i + 1,
            a.get(i).unwrap_or(&""),
            b.get(i).unwrap_or(&"")
        );
    }
    std::process::exit(1);
}

fn score_doc(
    doc: &kanbao::document::Document,
    truth: &Value,
    md: &str,
) -> kanbao_corpus::score::Score {
    let dump: Value =
        serde_json::from_str(&kanbao::dump::json(std::slice::from_ref(doc))).unwrap_or(Value::Null);
    kanbao_corpus::score::score(&dump, truth, Some(md))
}

/// A heading line's text after its `#` marks (with the space before it).
fn strip(l: &str) -> Option<&str> {
    let r = l.trim_start_matches('#');
    if r.len() < l.len() && r.starts_with(' ') {
        Some(r)
    } else {
        None
    }
}

/// Which generated pages `evaluate` scores.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Parts {
    /// The train and dev parts at the eval's seed and size (`structure_eval`'s).
    TrainAndDev,
    /// Training pages of other seeds than the fit's (`FIT_EVAL_SEEDS`, default 1,2;
    /// `FIT_EVAL_PAGES` per profile, default 40): what experiments are judged on, so
    /// the dev part stays unseen.
    HeldOutTrain,
}

/// Per-profile scores of `w` on generated pages (`parts`), the real pages and the
/// sample variants, without rebuilding kanbao.
fn evaluate(w: &Weights, label: &str, parts: Parts) {
    use kanbao_corpus::articles::Split;
    println!("\n{label}");
    let runs: Vec<(Split, Vec<u64>, usize)> = match parts {
        Parts::TrainAndDev => vec![(Split::Train, vec![1], 40), (Split::Dev, vec![1], 40)],
        Parts::HeldOutTrain => {
            let seeds: Vec<u64> = std::env::var("FIT_EVAL_SEEDS")
                .unwrap_or_else(|_| "1,2".into())
                .split(',')
                .filter_map(|x| x.trim().parse().ok())
                .filter(|&s| s != SEED)
                .collect();
            vec![(Split::Train, seeds, env_or("FIT_EVAL_PAGES", 40))]
        }
    };
    for (split, seeds, per_profile) in runs {
        let mut by: std::collections::BTreeMap<&str, kanbao_corpus::score::Score> =
            std::collections::BTreeMap::new();
        let mut all = kanbao_corpus::score::Score::default();
        let pages = seeds
            .iter()
            .flat_map(|&seed| kanbao_corpus::page::pages(split, seed, per_profile));
        for p in pages {
            let doc = kanbao::document::parse_with("page", &p.markdown, w);
            let mut s = score_doc(&doc, &p.truth.to_value(), &p.markdown);
            for m in &mut s.misses {
                m.text = format!("{}: {}", p.name, m.text);
            }
            all.add(&s);
            by.entry(p.profile).or_default().add(&s);
        }
        for (profile, s) in &by {
            println!("  {:5} {profile:12} {:5.1}%", split.as_str(), s.percent());
        }
        // `FIT_MISSES=N`: the training part's misses by class, N examples of each.
        if let (Split::Train, Ok(n)) = (split, std::env::var("FIT_MISSES")) {
            let n: usize = n.parse().unwrap_or(5);
            let mut classes: std::collections::BTreeMap<&str, Vec<&str>> =
                std::collections::BTreeMap::new();
            for m in &all.misses {
                classes.entry(m.class.as_str()).or_default().push(&m.text);
            }
            let mut classes: Vec<_> = classes.into_iter().collect();
            classes.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
            for (c, v) in classes {
                println!("    {:5} {c}", v.len());
                for t in v.iter().take(n) {
                    println!("          {}", t.chars().take(140).collect::<String>());
                }
            }
        }
        println!(
            "  {:5} {:12} {:5.1}%",
            split.as_str(),
            "overall",
            all.percent()
        );
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let sample = std::fs::read_to_string(format!("{root}/assets/sample.md")).unwrap_or_default();
    let sample_truth = format!("{root}/tests/fixtures/sample.truth.json");
    let variant =
        |f: &dyn Fn(&str) -> String| sample.lines().map(|l| f(l) + "\n").collect::<String>();
    let h1 = variant(&|l| strip(l).map_or_else(|| l.to_string(), |r| format!("#{r}")));
    let plain = variant(&|l| strip(l).map_or_else(|| l.to_string(), |r| r[1..].to_string()));
    let real = format!("{root}/tests/fixtures/real");
    let cases = [
        (
            "real/omnidocbench",
            std::fs::read_to_string(format!("{real}/newspaper-omnidocbench.md"))
                .unwrap_or_default(),
            format!("{real}/newspaper-omnidocbench.truth.json"),
        ),
        (
            "real/paddleocr-vl",
            std::fs::read_to_string(format!("{real}/newspaper-paddleocr-vl.md"))
                .unwrap_or_default(),
            format!("{real}/newspaper-paddleocr-vl.truth.json"),
        ),
        ("sample", sample.clone(), sample_truth.clone()),
        ("sample, all #", h1, sample_truth.clone()),
        ("sample, no #", plain, sample_truth),
    ];
    for (name, md, truth) in cases {
        let truth: Value = std::fs::read_to_string(truth)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        let s = score_doc(&kanbao::document::parse_with("page", &md, w), &truth, &md);
        println!("  {name:20} {}/{}", s.points, s.max);
    }
}
