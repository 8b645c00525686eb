//! Decodes instance type names given as arguments: each part of the name, and what the
//! bundled catalogue knows of it.
//!
//! ```text
//! cargo run --example decode -- p3dn.24xlarge db.r6g.large m7i-flex.large
//! ```

use std::process::ExitCode;

use ec2_instance_type::ServiceInstanceType;
use ec2_instance_type::catalogue::{self, Entry};

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for text in std::env::args().skip(1) {
        let name = match text.parse::<ServiceInstanceType>() {
            Ok(name) => name,
            Err(err) => {
                // The error says what was expected where, with a suggestion when there is one.
                eprintln!("{text}: {err}");
                status = ExitCode::from(2);
                continue;
            }
        };
        let it = name.instance_type();
        println!("{name}");
        if let Some(service) = name.service() {
            println!("  service     {service} ({})", service.description());
        }
        println!("  family      {}", it.family());
        println!("  series      {}", it.series());
        if let Some(generation) = it.generation() {
            println!("  generation  {generation}");
        }
        for capability in it.capabilities() {
            let meaning = capability.description().unwrap_or("no documented meaning");
            println!("  capability  {capability} ({meaning})");
        }
        println!("  size        {}", it.size());
        match catalogue::get(it.as_str()).and_then(Entry::specs) {
            Some(specs) => println!(
                "  specs       {} vCPUs, {} GiB ({})",
                specs.vcpus,
                specs.memory_gib(),
                specs.source
            ),
            None => println!("  specs       not in the bundled catalogue"),
        }
    }
    status
}
