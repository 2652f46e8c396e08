//! The `tiermap` command: the document core without a window, for scripts,
//! CI and people who live in a terminal. Exit codes: 0 done, 1 the command
//! ran and found a problem, 2 the input could not be read or used.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod stats;

#[derive(Parser)]
#[command(name = "tiermap", version, about = "Map products, services and their owners")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the sample document (the five grouping models) to a new file.
    Sample {
        /// Where to write it; must not exist yet.
        file: PathBuf,
    },
    /// Count the elements of a document per kind and per map.
    Stats {
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Sample { file } => tiermap_app::sample::create(&file).map(|()| {
            println!("Wrote the sample document to {}", file.display());
        }),
        Command::Stats { file } => stats::run(&file),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("tiermap: {error}");
            ExitCode::from(2)
        }
    }
}
