//! `ec2type`: decode, show, find and compare EC2 instance types from the terminal. The
//! example `main.rs` runs [`main`]; the code is this package's library so that the
//! example can be run from the repository root.
//!
//! ```text
//! cargo run --example ec2type -- decode p3dn.24xlarge db.r6g.large
//! cargo run --example ec2type -- decode --json - < names.txt
//! ```
//!
//! Exit codes, as ripgrep's: 0 when every name decoded (or something was found), 1 when
//! nothing was found, 2 on an error such as a bad name or a bad flag.

mod compare;
mod data;
mod decode;
mod family;
mod find;
mod gzip;
mod input;
mod lines;
mod output;
mod related;
mod show;
mod table;
#[cfg(test)]
mod tests;
mod usage;
mod usage_csv;
mod usage_file;
mod usage_parquet;

use std::process::ExitCode;
use std::sync::OnceLock;

use clap::{Parser, Subcommand};
use ec2_instance_type::Region;
use ec2_instance_type::catalogue::{Catalogue, Tenancy};
use ec2_instance_type::query::Within;

/// The catalogue every subcommand answers from: the bundled one, or the one `--data` built.
static CATALOGUE: OnceLock<&'static Catalogue> = OnceLock::new();

/// The operating system and tenancy of the prices every subcommand shows and ranks.
static PRICES: OnceLock<Prices> = OnceLock::new();

/// The operating system and tenancy asked for (`--os`, `--tenancy`); `None`: Linux, shared
/// (or the tenancy the data lists), with fallbacks labelled.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prices {
    /// The operating system, as given.
    pub os: Option<String>,
    /// The tenancy.
    pub tenancy: Option<Tenancy>,
}

/// The operating system and tenancy of the prices shown and ranked.
pub(crate) fn prices() -> &'static Prices {
    PRICES.get_or_init(Prices::default)
}

/// Where an answer applies: `region`, with the OS and tenancy asked for.
pub(crate) fn within(region: Option<Region>) -> Within {
    let mut within = Within::from(region);
    if let Some(os) = &prices().os {
        within = within.os(os);
    }
    if let Some(tenancy) = prices().tenancy {
        within = within.tenancy(tenancy);
    }
    within
}

/// The catalogue every subcommand answers from.
pub(crate) fn catalogue() -> &'static Catalogue {
    CATALOGUE.get().copied().unwrap_or_else(Catalogue::bundled)
}

/// Decode AWS EC2 instance type names, offline.
#[derive(Parser)]
#[command(name = "ec2type", version, about)]
struct Cli {
    /// Your own data over the bundled catalogue, each file recognised by its content: the
    /// JSON of `aws ec2 describe-instance-types` or `describe-instance-type-offerings`, or a
    /// price CSV `region,instance_type,usd_per_hour[,tenancy]`. Repeatable; applied in order.
    #[arg(long, global = true, value_name = "FILE")]
    data: Vec<std::path::PathBuf>,
    /// Show and rank the prices of this operating system, as AWS's price list names it
    /// (`linux`, `windows`, `rhel`, `suse`, `ubuntu-pro`, ...; default linux). Only your own
    /// price lists (`--data`) have other systems' prices. Spot estimates stay Linux.
    #[arg(long, global = true, value_name = "NAME")]
    os: Option<String>,
    /// Show and rank the prices of this tenancy (default shared; the bundled data lists
    /// bare metal at Dedicated rates, labelled).
    #[arg(long, global = true, value_name = "TENANCY", value_parser = parse_tenancy)]
    tenancy: Option<Tenancy>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Explain each part of instance type names (`-` reads names from stdin, one a line).
    Decode(input::NameList),
    /// Show the decoded parts, specs, regions and cost hints of names (`-`: stdin).
    Show(show::Args),
    /// Find types by their facts: vCPUs, memory, architecture, GPUs, region, price ...
    Find(find::Args),
    /// Types like a given one (shared architecture, vCPUs and memory within 0.9-1.2x).
    Similar(related::SimilarArgs),
    /// The newest (or `--cheapest`) current Graviton, AMD and Intel counterparts of a type
    /// with a shared-tenancy price, with price differences.
    Alternatives(related::AlternativesArgs),
    /// Newer generations of a type on the same processor.
    Upgrade(related::UpgradeArgs),
    /// Every size of a family, with normalization units and prices.
    Family(family::Args),
    /// Specs and prices of two or more types side by side, differences marked `*`.
    Compare(compare::Args),
    /// Decode usage types of AWS bills and price lists (`USW2-BoxUsage:m5.large`; `-`:
    /// stdin), or a whole CUR/FOCUS CSV with `--csv-column NAME`.
    Usage(usage::Args),
}

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

/// Parses `--tenancy`: the library's words (`shared`, `dedicated`, `host`).
fn parse_tenancy(text: &str) -> Result<Tenancy, String> {
    text.parse()
        .map_err(|e: ec2_instance_type::ParseError| e.to_string())
}

/// Runs the command line: parses the arguments, answers, and returns the exit code.
#[must_use]
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
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
    let _ = PRICES.set(Prices {
        os: cli.os.clone(),
        tenancy: cli.tenancy,
    });
    if !cli.data.is_empty() {
        match data::load(&cli.data) {
            // The process answers from this catalogue until it exits.
            Ok(owned) => {
                let _ = CATALOGUE.set(Box::leak(Box::new(owned)));
            }
            Err(message) => {
                eprintln!("ec2type: {message}");
                return ExitCode::from(Status::Error as u8);
            }
        }
    }
    let result = match cli.command {
        Command::Decode(args) => decode::run(&args),
        Command::Show(args) => show::run(&args),
        Command::Find(args) => find::run(&args),
        Command::Similar(args) => related::run_similar(&args),
        Command::Alternatives(args) => related::run_alternatives(&args),
        Command::Upgrade(args) => related::run_upgrade(&args),
        Command::Family(args) => family::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Usage(args) => usage::run(&args),
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
