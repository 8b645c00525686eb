//! Reads bill lines (usage type, operation) and prices each: the on-demand price of its
//! instance in the line's own region, for its OS and tenancy, from the bundled catalogue;
//! none where the catalogue has none (never another region's).
//!
//! ```text
//! cargo run --example price_bill_line -- BoxUsage:m5.large RunInstances
//! cargo run --example price_bill_line -- SpotUsage:c5.large RunInstances:SV050 EU-BoxUsage:m5.large RunInstances:0002
//! ```

use std::process::ExitCode;

use ec2_instance_type::catalogue::Catalogue;
use ec2_instance_type::usage::{BillLine, Value};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.len() % 2 != 0 {
        eprintln!("usage: price_bill_line USAGE_TYPE OPERATION [USAGE_TYPE OPERATION ...]");
        return ExitCode::from(2);
    }
    let mut status = ExitCode::SUCCESS;
    for pair in args.chunks(2) {
        let (usage_type, operation) = (&pair[0], &pair[1]);
        let line = BillLine::decode(usage_type, None, Some(operation), Catalogue::bundled());
        if let Some(error) = line.error() {
            eprintln!("{usage_type}: {error}");
            status = ExitCode::from(2);
            continue;
        }
        let text = |name| match line.get(name) {
            Some(Value::Text(text)) => text.to_string(),
            _ => "-".to_owned(),
        };
        let price = match line.get("on_demand_usd_per_hour") {
            Some(Value::Float64(usd)) => format!(
                "${usd:.4}/hour ({} {}, {})",
                text("price_os"),
                text("price_tenancy"),
                text("price_source")
            ),
            _ => "no price in the catalogue for this region, OS and tenancy".to_owned(),
        };
        println!(
            "{usage_type} {operation}: {} in {}, {}: {price}",
            text("ec2_name"),
            text("region"),
            text("os")
        );
    }
    status
}
