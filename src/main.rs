//! The `tarjama` command-line tool. See `tarjama --help` and the README.

mod cli;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    match cli::run(cli) {
        Ok(outcome) => std::process::exit(outcome as i32),
        Err(e) => {
            eprintln!("tarjama: error: {e:#}");
            std::process::exit(2);
        }
    }
}
