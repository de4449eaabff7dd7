//! The `kanbao` binary: parse the command line, then open the reader or print a dump.
//!
//! The command line becomes plain [`Options`] here, at the edge ([`Cli::options`]); the
//! library below never sees a flag.

use std::io::{IsTerminal, Write};

use clap::Parser;
use kanbao::cli::Cli;
use kanbao::options::{Options, Output};
use kanbao::{app, dump, loader};

fn main() {
    let options = Cli::parse().options();
    std::process::exit(run(&options));
}

/// Runs kanbao; returns the process exit code.
fn run(options: &Options) -> i32 {
    if options.output == Output::Reader && std::io::stdout().is_terminal() && !dumb_terminal() {
        // The reader opens on the first page; the rest load in the background.
        return match loader::open(&options.paths, &options.input) {
            Ok(opening) => match app::run(opening, options) {
                Ok(()) => 0,
                Err(err) => {
                    eprintln!("kanbao: {err:#}");
                    1
                }
            },
            Err(err) => {
                eprintln!("kanbao: {err}");
                2
            }
        };
    }
    let docs = match loader::load_everything(&options.paths, &options.input) {
        Ok(docs) => docs,
        Err(err) => {
            eprintln!("kanbao: {err}");
            return 2;
        }
    };
    let text = match options.output {
        Output::Json => match dump::analyse(&docs, &options.analysis, &options.search) {
            Ok(extras) => dump::json_with(&docs, &extras),
            Err(err) => {
                eprintln!("kanbao: {err}");
                return 2;
            }
        },
        // `--dump text`, or output that is not a terminal (a pipe, a file, `TERM=dumb`).
        Output::Text | Output::Reader => dump::text(&docs, &options.layout),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`kanbao page.md | head`) is not an error worth reporting.
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
    0
}

/// `TERM=dumb` promises no cursor addressing, so the reader cannot draw there: print the
/// text as for a pipe (as `git` and `man` do on such terminals).
fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|term| term == "dumb")
}
