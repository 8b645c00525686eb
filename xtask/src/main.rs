//! Maintainer commands for `ec2-instance-type`.
//!
//! ```text
//! cargo run -p xtask -- catalogue [SOURCES]   # SOURCES defaults to data/sources
//! cargo run -p xtask -- table                 # only data/*.csv -> the generated Rust tables
//! ```
//!
//! `catalogue` reads the raw public sources (`data/sources/`, described in
//! `data/sources/PROVENANCE.md`), writes `data/*.csv`, then regenerates the compiled-in
//! tables from them, and prints coverage.

mod csv_line;
mod sources;
mod table;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let result = match args.first().map(String::as_str) {
        Some("catalogue") => {
            let sources = args
                .get(1)
                .map_or_else(|| root.join("data/sources"), PathBuf::from);
            sources::write_data(&sources, &root.join("data"))
                .and_then(|()| table::write_table(&root))
        }
        Some("table") => table::write_table(&root),
        _ => Err("usage: cargo run -p xtask -- catalogue [SOURCES] | table".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
