//! The `kanbao` binary: parse the command line, run, exit with its status.

use clap::Parser;

fn main() {
    let cli = kanbao::cli::Cli::parse();
    std::process::exit(kanbao::cli::run(&cli));
}
