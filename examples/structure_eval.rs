//! Structure scores on pages kanbao has never seen: generated pages (real articles laid
//! out and written the way each converter profile writes markdown, see
//! `kanbao_corpus::page`), the real converter pages of `tests/fixtures/real/`, and the
//! bundled sample in its heading variants; scored like `scripts/structscore.py`.
//!
//! ```text
//! cargo run --release --example structure_eval -- [--split dev|train|both] [--pages N]
//!     [--seed N] [--profile NAME] [--misses] [--examples N] [--write DIR] [--list]
//! ```
//!
//! `--split dev` (the default) is what is reported: dev articles on every profile,
//! the dev-only profiles marked `*`. `--misses` groups the misses by class, costliest
//! first. `--write DIR` writes each page and its truth (`NAME.md`, `NAME.truth.json`)
//! so they can also be scored with `kanbao --dump json` and the python script;
//! `--list` lists the profiles and their habits.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use kanbao_corpus::articles::Split;
use kanbao_corpus::page::{self, Page};
use kanbao_corpus::profiles;
use kanbao_corpus::score::{self, MissClass, Score};
use serde_json::Value;

struct Args {
    splits: Vec<Split>,
    pages: usize,
    seed: u64,
    profile: Option<String>,
    misses: bool,
    examples: usize,
    write: Option<PathBuf>,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut a = Args {
        splits: vec![Split::Dev],
        pages: 40,
        seed: 1,
        profile: None,
        misses: false,
        examples: 6,
        write: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--split" => {
                a.splits = match value()?.as_str() {
                    "both" => vec![Split::Train, Split::Dev],
                    s => vec![s.parse().map_err(anyhow::Error::msg)?],
                }
            }
            "--pages" => a.pages = value()?.parse().context("--pages")?,
            "--seed" => a.seed = value()?.parse().context("--seed")?,
            "--profile" => a.profile = Some(value()?),
            "--misses" => a.misses = true,
            "--examples" => a.examples = value()?.parse().context("--examples")?,
            "--write" => a.write = Some(PathBuf::from(value()?)),
            "--list" => {
                for p in profiles::ALL {
                    let only = if p.dev_only { " (dev only)" } else { "" };
                    println!("{}{only}: {}", p.name, p.about);
                }
                std::process::exit(0);
            }
            "-h" | "--help" => {
                println!(
                    "structure_eval [--split dev|train|both] [--pages N] [--seed N] [--profile NAME] [--misses] [--examples N] [--write DIR] [--list]"
                );
                std::process::exit(0);
            }
            other => bail!("unknown argument {other:?} (try --help)"),
        }
    }
    if let Some(p) = a
        .profile
        .as_deref()
        .filter(|p| profiles::by_name(p).is_none())
    {
        let names: Vec<_> = profiles::ALL.iter().map(|p| p.name).collect();
        bail!("unknown profile {p:?}; profiles: {}", names.join(", "));
    }
    Ok(a)
}

/// Parses `markdown` as kanbao does and scores its dump against `truth`.
fn score_markdown(name: &str, markdown: &str, truth: &Value) -> Score {
    let doc = kanbao::document::parse(name, markdown);
    let dump: Value = serde_json::from_str(&kanbao::dump::json(&[doc])).unwrap_or(Value::Null);
    score::score(&dump, truth, Some(markdown))
}

fn row(label: &str, pages: usize, s: &Score) {
    println!(
        "{label:<28} {pages:>6} {:>8} {:>8} {:>7.1}%",
        s.points,
        s.max,
        s.percent()
    );
}

/// `(page, miss)` pairs grouped by class, costliest class first.
fn print_misses(misses: &[(String, score::Miss)], examples: usize) {
    let mut by: BTreeMap<MissClass, Vec<&(String, score::Miss)>> = BTreeMap::new();
    for m in misses {
        by.entry(m.1.class).or_default().push(m);
    }
    let mut classes: Vec<_> = by.into_iter().collect();
    classes.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
    println!("\nmisses by class ({} in all):", misses.len());
    for (class, v) in &classes {
        println!("  {:>6}  {}", v.len(), class.as_str());
    }
    for (class, v) in classes {
        println!("\n== {} ({})", class.as_str(), v.len());
        for (page, m) in v.iter().take(examples) {
            println!("  {page}: {}", m.text.trim_start());
        }
    }
}

fn write_page(dir: &Path, p: &Page) -> anyhow::Result<()> {
    std::fs::write(dir.join(format!("{}.md", p.name)), &p.markdown)?;
    std::fs::write(
        dir.join(format!("{}.truth.json", p.name)),
        p.truth.to_json(),
    )?;
    Ok(())
}

/// The bundled sample with every heading made `#`, or with every mark removed.
fn sample_variant(level_one: bool) -> String {
    kanbao::input::SAMPLE
        .lines()
        .map(|l| {
            let rest = l.trim_start_matches('#');
            match rest.strip_prefix(' ') {
                Some(r) if rest.len() < l.len() => {
                    if level_one {
                        format!("# {r}\n")
                    } else {
                        format!("{r}\n")
                    }
                }
                _ => format!("{l}\n"),
            }
        })
        .collect()
}

fn read_truth(path: &Path) -> anyhow::Result<Value> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    Ok(serde_json::from_str(&text)?)
}

fn fixed_pages(misses: &mut Vec<(String, score::Miss)>) -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    println!("\nreal pages and the sample:");
    for name in ["newspaper-omnidocbench", "newspaper-paddleocr-vl"] {
        let md_path = root.join(format!("real/{name}.md"));
        let bytes = std::fs::read(&md_path).with_context(|| md_path.display().to_string())?;
        let truth = read_truth(&root.join(format!("real/{name}.truth.json")))?;
        // The binary's path: decode, sanitize, parse.
        let doc = kanbao::input::document_from_bytes(name, &bytes, None)?;
        let dump: Value = serde_json::from_str(&kanbao::dump::json(&[doc]))?;
        let s = score::score(&dump, &truth, Some(&String::from_utf8_lossy(&bytes)));
        row(&format!("real/{name}"), 1, &s);
        misses.extend(s.misses.into_iter().map(|m| (name.to_string(), m)));
    }
    let truth = read_truth(&root.join("sample.truth.json"))?;
    for (label, md) in [
        ("sample", kanbao::input::SAMPLE.to_string()),
        ("sample, every heading #", sample_variant(true)),
        ("sample, no # at all", sample_variant(false)),
    ] {
        let s = score_markdown(label, &md, &truth);
        row(label, 1, &s);
        misses.extend(s.misses.into_iter().map(|m| (label.to_string(), m)));
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    if let Some(dir) = &args.write {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    }
    let mut all_misses: Vec<(String, score::Miss)> = Vec::new();
    let (mut gen_time, mut eval_time) = (0.0, 0.0);
    let mut total_pages = 0;
    for &split in &args.splits {
        println!(
            "\nstructure on generated pages: {} part, {} pages per profile, seed {}",
            split.as_str(),
            args.pages,
            args.seed
        );
        println!(
            "{:<28} {:>6} {:>8} {:>8} {:>8}",
            "profile", "pages", "points", "max", "score"
        );
        let mut overall = Score::default();
        let mut dev_only = Score::default();
        for profile in profiles::for_split(split) {
            if args.profile.as_deref().is_some_and(|p| p != profile.name) {
                continue;
            }
            let mut s = Score::default();
            for i in 0..args.pages {
                let t0 = Instant::now();
                let p = page::generate(profile, split, args.seed, i);
                gen_time += t0.elapsed().as_secs_f64();
                if let Some(dir) = &args.write {
                    write_page(dir, &p)?;
                }
                let t1 = Instant::now();
                let one = score_markdown(&p.name, &p.markdown, &p.truth.to_value());
                eval_time += t1.elapsed().as_secs_f64();
                s.points += one.points;
                s.max += one.max;
                all_misses.extend(one.misses.into_iter().map(|m| (p.name.clone(), m)));
                total_pages += 1;
            }
            let label = if profile.dev_only {
                format!("{} *", profile.name)
            } else {
                profile.name.to_string()
            };
            row(&label, args.pages, &s);
            overall.points += s.points;
            overall.max += s.max;
            if profile.dev_only {
                dev_only.points += s.points;
                dev_only.max += s.max;
            }
        }
        if dev_only.max > 0 {
            row("dev-only profiles (*)", 0, &dev_only);
        }
        row(&format!("overall ({})", split.as_str()), 0, &overall);
    }
    fixed_pages(&mut all_misses)?;
    println!(
        "\n{total_pages} generated pages: generation {gen_time:.2} s, parse + dump + score {eval_time:.2} s"
    );
    if args.misses {
        print_misses(&all_misses, args.examples);
    }
    Ok(())
}
