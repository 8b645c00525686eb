//! `ec2type`: decode, show, find and compare EC2 instance types, and decode the usage
//! types of AWS bills, from the terminal.
//!
//! ```text
//! ec2type decode p3dn.24xlarge db.r6g.large
//! ec2type decode --json - < names.txt
//! ```
//!
//! Exit codes, as ripgrep's: 0 when every name decoded (or something was found), 1 when
//! nothing was found, 2 on an error such as a bad name or a bad flag.

mod cli;
mod commands;
mod context;
mod data;
mod gzip;
mod input;
mod lines;
mod render;
#[cfg(test)]
mod tests;
mod usage;

use std::process::ExitCode;

use clap::FromArgMatches;

use crate::cli::{Cli, Command};
use crate::commands::{compare, decode, family, find, related, show};
use crate::context::{Context, Prices};

/// The exit status: 0 success, 1 nothing found, 2 error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    /// Everything asked for was decoded or found.
    Success = 0,
    /// Nothing was found.
    NothingFound = 1,
    /// A name or a flag was bad.
    Error = 2,
}

/// Writes `bytes` to stdout: a closed pipe (`| head`) is no error.
fn print(bytes: &[u8]) -> ExitCode {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("ec2type: {err}");
            ExitCode::from(Status::Error as u8)
        }
    }
}

/// Runs the command line: parses the arguments, answers, and returns the exit code.
fn main() -> ExitCode {
    let parsed = cli::command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                Status::Error as u8
            } else {
                0
            });
        }
    };
    match cli.command {
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cli::command(), "ec2type", &mut script);
            return print(&script);
        }
        Command::Man => {
            let mut page = Vec::new();
            if let Err(err) = clap_mangen::Man::new(cli::command()).render(&mut page) {
                eprintln!("ec2type: {err}");
                return ExitCode::from(Status::Error as u8);
            }
            return print(&page);
        }
        _ => {}
    }
    let prices = Prices {
        os: cli.os.clone(),
        tenancy: cli.tenancy,
        pricing: cli.pricing,
    };
    let owned = if cli.data.is_empty() {
        None
    } else {
        match data::load(&cli.data) {
            Ok(owned) => Some(owned),
            Err(message) => {
                eprintln!("ec2type: {message}");
                return ExitCode::from(Status::Error as u8);
            }
        }
    };
    let context = Context::new(owned, prices);
    let ctx = &context;
    let result = match cli.command {
        Command::Decode(args) => decode::run(ctx, &args),
        Command::Show(args) => show::run(ctx, &args),
        Command::Find(args) => find::run(ctx, &args),
        Command::Similar(args) => related::run_similar(ctx, &args),
        Command::Alternatives(args) => related::run_alternatives(ctx, &args),
        Command::Upgrade(args) => related::run_upgrade(ctx, &args),
        Command::Family(args) => family::run(ctx, &args),
        Command::Compare(args) => compare::run(ctx, &args),
        Command::Usage(args) => usage::run(ctx, &args),
        Command::Bill(args) => commands::bill::run(ctx, &args),
        // Answered above, before any data is loaded.
        Command::Completions { .. } | Command::Man => Ok(Status::Success),
    };
    match result {
        Ok(status) => ExitCode::from(status as u8),
        // A closed pipe (`ec2type decode - | head`) is not an error worth a message.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("ec2type: {err}");
            ExitCode::from(Status::Error as u8)
        }
    }
}
