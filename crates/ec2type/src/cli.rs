//! The command line's arguments (clap derive: the doc comments are the help).

use clap::{Parser, Subcommand};
use ec2_instance_type::catalogue::{Pricing, Tenancy};

use crate::commands::{bill, compare, family, find, related, show};
use crate::{input, usage};

/// Decode AWS EC2 instance type names, offline.
#[derive(Parser)]
#[command(name = "ec2type", version, about)]
pub struct Cli {
    /// Your own data over the bundled catalogue, each file recognised by its content (gzip
    /// too): the JSON of `aws ec2 describe-instance-types`, of `aws ec2
    /// describe-instance-type-offerings`, of `aws pricing get-products --service-code
    /// AmazonEC2`, AWS's Price List offer file or Savings Plans file of a region (CSV or
    /// JSON), or a price CSV `region,instance_type,usd_per_hour[,tenancy][,os]`.
    /// Repeatable; applied in order.
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Vec<std::path::PathBuf>,
    /// Show and rank the prices of this operating system, as AWS's price list names it
    /// (`linux`, `windows`, `rhel`, `suse`, `ubuntu-pro`, ...; default linux). Only your own
    /// price lists (`--data`) have other systems' prices. Spot estimates stay Linux.
    #[arg(long, global = true, value_name = "NAME")]
    pub os: Option<String>,
    /// Show and rank the prices of this tenancy (default shared; the bundled data lists
    /// bare metal at Dedicated rates, labelled).
    #[arg(long, global = true, value_name = "TENANCY", value_parser = parse_tenancy)]
    pub tenancy: Option<Tenancy>,
    /// Show and rank costs under this pricing: `on-demand` (default), `spot` (the
    /// estimate), or a commitment's effective hourly rate, written KIND-TERM-PAYMENT
    /// (`ri-standard-1yr-all-upfront`, `ri-convertible-3yr-no-upfront`,
    /// `sp-compute-1yr-no-upfront`, `sp-ec2-instance-3yr-partial-upfront`), from AWS's
    /// offer and Savings Plans files given with `--data`. A type without that rate is
    /// unpriced under it.
    #[arg(long, global = true, value_name = "PRICING", value_parser = parse_pricing)]
    pub pricing: Option<Pricing>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
    /// Decode and price bill lines: usage types given (`USW2-BoxUsage:m5.large`; `-`:
    /// stdin), or a whole CUR, FOCUS or price-list file (CSV, gzip CSV or Parquet; stdin
    /// without `--input`).
    Usage(usage::Args),
    /// What a bill's EC2 instance hours cost, per type, region and OS: hours, cost paid,
    /// the share covered by Reserved Instances, Savings Plans or Spot, the effective rate
    /// against on-demand, and the cheapest current counterpart (under `--pricing`, or the
    /// commitment most hours ran under) with what the same hours would have cost; sorted
    /// by cost. A CUR as CSV, gzip CSV or Parquet.
    Bill(bill::Args),
    /// Print the completion script of a shell (bash, zsh, fish, powershell, elvish) to
    /// stdout: `ec2type completions bash > ~/.local/share/bash-completion/completions/ec2type`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to stdout: `ec2type man > ~/.local/share/man/man1/ec2type.1`.
    Man,
}

/// Parses `--pricing`: `on-demand`, `spot` or a commitment's name.
fn parse_pricing(text: &str) -> Result<Pricing, String> {
    text.parse()
        .map_err(|e: ec2_instance_type::ParseError| e.to_string())
}

/// Parses `--tenancy`: the library's words (`shared`, `dedicated`, `host`).
fn parse_tenancy(text: &str) -> Result<Tenancy, String> {
    text.parse()
        .map_err(|e: ec2_instance_type::ParseError| e.to_string())
}

/// The version line: the crate's version and the bundled data's snapshots.
pub fn version() -> String {
    use ec2_instance_type::catalogue::{
        NAMES_SNAPSHOT, PRICES_SNAPSHOT, SPECS_SNAPSHOT, SPOT_SNAPSHOT,
    };
    format!(
        "{} (bundled data: names {NAMES_SNAPSHOT}; specs {SPECS_SNAPSHOT}; prices {PRICES_SNAPSHOT}; spot {SPOT_SNAPSHOT})",
        env!("CARGO_PKG_VERSION")
    )
}

/// The command line's definition, with its version line.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    Cli::command().version(version())
}
