//! Writes a deterministic corpus of generated newspaper pages (see `kanbao_corpus`),
//! so benches and readers can reproduce kanbao's figures on "a year of pages":
//!
//! ```text
//! cargo run --release --example gen_corpus -- --pages 5000 --out /tmp/corpus [--seed N]
//! ```

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};

struct Args {
    pages: usize,
    out: PathBuf,
    seed: u64,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut pages = 5000;
    let mut out = None;
    let mut seed = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--pages" => pages = value()?.parse().context("--pages")?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().context("--seed")?,
            "-h" | "--help" => {
                println!("gen_corpus --pages N --out DIR [--seed N]");
                std::process::exit(0);
            }
            other => bail!("unknown argument {other:?} (try --help)"),
        }
    }
    let out = out.context("--out DIR is required")?;
    Ok(Args { pages, out, seed })
}

fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    std::fs::create_dir_all(&args.out).with_context(|| args.out.display().to_string())?;
    let start = Instant::now();
    let mut bytes = 0usize;
    for index in 0..args.pages {
        let page = kanbao_corpus::generate_page(args.seed, index);
        let path = args.out.join(kanbao_corpus::page_file_name(index));
        std::fs::write(&path, &page).with_context(|| path.display().to_string())?;
        bytes += page.len();
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "wrote {} pages, {:.1} MB, to {} in {:.2} s ({:.0} MB/s)",
        args.pages,
        bytes as f64 / 1e6,
        args.out.display(),
        secs,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
    Ok(())
}
