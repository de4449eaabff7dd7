//! The `kanbao` binary: parse the command line, then open the reader or print a dump.
//!
//! The command line becomes plain [`Options`] here, at the edge ([`Cli::options`]); the
//! library below never sees a flag.

use std::io::{self, IsTerminal, Write};

use clap::Parser;
use kanbao::analysis::segmenter;
use kanbao::cli::{Cli, IndexCli};
use kanbao::options::{Options, Output, StartAt};
use kanbao::stream::{self, StreamOptions};
use kanbao::{app, config, dump, loader};

fn main() {
    // `kanbao index DIR…` builds or updates an archive's index; `kanbao ./index`
    // opens a directory of that name.
    let mut args = std::env::args_os().skip(1);
    if args.next().is_some_and(|first| first == "index") {
        let cli = IndexCli::parse_from(std::iter::once("kanbao index".into()).chain(args));
        std::process::exit(kanbao::index::command::run(&cli.options()));
    }
    let cli = Cli::parse();
    let dirs = kanbao::persist::paths::Dirs::from_env();
    if cli.recent {
        let text = dirs.as_ref().map_or_else(
            || "nothing is remembered: neither $XDG_STATE_HOME nor $HOME is set\n".into(),
            |d| kanbao::session::recent(&d.state),
        );
        std::process::exit(write_out(|out| out.write_all(text.as_bytes())));
    }
    // The configuration file: one warning when it is broken, and the defaults.
    let config_file = dirs.as_ref().map(kanbao::persist::paths::Dirs::config_file);
    let (config, broken) = config_file.as_deref().map(config::load).unwrap_or_default();
    // NO_COLOR (any value) asks for no colour: the mono theme, unless the file names one.
    let settings = config::Settings::from_config(&config, std::env::var_os("NO_COLOR").is_some());
    let mut options = cli.options_with(&config);
    if cli.print_config {
        let text = config::render(&options, &config, &settings);
        std::process::exit(write_out(|out| out.write_all(text.as_bytes())));
    }
    options.warnings.extend(broken);
    if let Some(path) = &config_file {
        options.warnings.extend(settings.warning(path));
    }
    kanbao::keymap::set_active(settings.keymap);
    kanbao::ui::theme::set_active(settings.theme);
    kanbao::ui::set_simplified(options.layout.simplified);
    kanbao::i18n::set_active(options.lang);
    // Only the reader remembers: a dump never resumes and never writes state.
    if options.output == Output::Reader {
        options.memory.state_dir = dirs.map(|d| d.state);
    }
    if !(options.output == Output::Reader && io::stdout().is_terminal() && !dumb_terminal()) {
        // No status line to show them on.
        for warning in &options.warnings {
            report(warning);
        }
    }
    std::process::exit(run(&options));
}

/// Runs kanbao; returns the process exit code.
fn run(options: &Options) -> i32 {
    // A `--dict` that is no word list (`/dev/zero`, a disk image) is refused now, on
    // the normal screen, rather than after gigabytes of reading by the keyword worker
    // with the reader on screen. One that cannot be read is the worker's to report (on
    // the status line, keywords off), and only if jieba is needed at all.
    if let Some(dict) = &options.analysis.segmenter.user_dict
        && let Err(
            err @ (segmenter::SegmenterError::NotAFile { .. }
            | segmenter::SegmenterError::TooLarge { .. }),
        ) = segmenter::check_dict(dict)
    {
        report(&err.to_string());
        return 2;
    }
    if options.output == Output::Reader && std::io::stdout().is_terminal() && !dumb_terminal() {
        // The reader opens on the first page; the rest load in the background.
        return match loader::open_with(&options.paths, &options.input, &startup(options)) {
            Ok(opening) => match app::run(opening, options) {
                Ok(()) => 0,
                Err(err) => {
                    report(&format!("{err:#}"));
                    1
                }
            },
            Err(err) => {
                report(&err.to_string());
                2
            }
        };
    }
    // Before any page is read: explaining is a switch of the parser, not a parameter.
    kanbao::document::set_explain(options.explain && options.output == Output::Json);
    if options.start != StartAt::default() && options.output != Output::Json {
        return match loader::load_everything(&options.paths, &options.input) {
            Ok(loaded) => {
                for skipped in &loaded.skipped {
                    report(&format!("skipped {skipped}"));
                }
                write_start(&loaded.docs, options.start, options)
            }
            Err(err) => {
                report(&err.to_string());
                2
            }
        };
    }
    dump_streamed(options)
}

/// Where the reader finds the list of pages its archive's index kept (one directory,
/// the index not turned off).
fn startup(options: &Options) -> loader::Startup {
    let listing = match options.paths.as_slice() {
        [dir] if !options.search.no_index && dir.is_dir() => kanbao::index::Archive::locate(dir)
            .ok()
            .map(|archive| archive.listing()),
        _ => None,
    };
    loader::Startup {
        listing,
        ..loader::Startup::default()
    }
}

/// `--dump json`, `--dump text` and piped output: pages parsed a few at a time and
/// written as they come ([`stream`]), so memory follows the page, not the archive.
fn dump_streamed(options: &Options) -> i32 {
    let opened = match stream::open(&options.paths, &options.input, StreamOptions::default()) {
        Ok(opened) => opened,
        Err(err) => {
            report(&err.to_string());
            return 2;
        }
    };
    // What could not be read is named, and the dump goes on without it.
    for skipped in &opened.skipped {
        report(&format!("skipped {skipped}"));
    }
    // As before streaming: the pages' messages first, then jieba (for JSON).
    let analyser = match options.output {
        Output::Json => match dump::Analyser::new(&options.analysis, &options.search) {
            Ok(analyser) => Some(analyser),
            Err(err) => {
                report(&err.to_string());
                return 2;
            }
        },
        _ => None,
    };
    let stream::Opened {
        first, rest, pages, ..
    } = opened;
    let mut pieces = std::iter::once(first).chain(
        rest.filter_map(|result| result.map_err(|err| report(&format!("skipped {err}"))).ok()),
    );
    match analyser {
        Some(analyser) => write_out(|out| dump::write_json_stream(&mut pieces, &analyser, out)),
        None => write_out(|out| dump::write_text_stream(&mut pieces, pages, &options.layout, out)),
    }
}

/// `--page P` and `--article N` with a text dump: only page P (the first without it),
/// or only article N of that page, numbered as the reader's status line numbers them.
/// A page or article that is not there is one line on standard error and exit code 2,
/// not an empty dump that looks like success.
fn write_start(docs: &[kanbao::document::Document], start: StartAt, options: &Options) -> i32 {
    let p = start.page.unwrap_or(1);
    let Some(doc) = p.checked_sub(1).and_then(|i| docs.get(i)) else {
        report(&format!("no page {p}: there are {}", docs.len()));
        return 2;
    };
    let Some(n) = start.article else {
        return write_out(|out| dump::write_text(std::slice::from_ref(doc), &options.layout, out));
    };
    if n == 0 || n > doc.articles.len() {
        report(&format!(
            "no article {n} on page {p} ({}): it has {}",
            doc.short_name(),
            doc.articles.len()
        ));
        return 2;
    }
    write_out(|out| dump::write_article(doc, n - 1, &options.layout, out))
}

/// Writes the dump to standard output through `write`; the exit code. A closed pipe (`kanbao page.md |
/// head -1`) is a quiet success, as for `cat`; any other failure (a full disk,
/// `> /dev/full`) is one line on standard error and exit code 1, so a cut dump is
/// never taken for a whole one.
fn write_out(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> i32 {
    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match write(&mut stdout).and_then(|()| stdout.flush()) {
        Ok(()) => 0,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(err) => {
            report(&format!("cannot write the output: {err}"));
            1
        }
    }
}

/// One line on standard error, with anything the message quotes from the input (a
/// file name, a dictionary line) made visible rather than sent to the terminal. A
/// standard error that cannot be written (`2>/dev/full`) is ignored: `eprintln!` would
/// panic there, turning exit code 2 into 101.
fn report(message: &str) {
    let line = kanbao::input::sanitize::one_line(message);
    let _ = writeln!(io::stderr().lock(), "kanbao: {line}");
}

/// `TERM=dumb` promises no cursor addressing, so the reader cannot draw there: print the
/// text as for a pipe (as `git` and `man` do on such terminals).
fn dumb_terminal() -> bool {
    std::env::var_os("TERM").is_some_and(|term| term == "dumb")
}
