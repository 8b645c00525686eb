//! Decoding usage types against decoding the names inside them, in the same run: the
//! target is within 2x of `InstanceType::parse`. A whole bill line (`BillLine`) is
//! measured beside them.
// criterion_group! generates undocumented functions.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ec2_instance_type::InstanceType;
use ec2_instance_type::usage::UsageType;

#[path = "common/mod.rs"]
mod names;

fn bench_usage(c: &mut Criterion) {
    let names = names::known_names();
    // Every name under a billing code and an instance kind, as a CUR line writes it.
    let codes = ["USW2-", "", "EU-", "APN1-"];
    let kinds = ["BoxUsage", "SpotUsage", "HeavyUsage", "UnusedBox"];
    let usage_types: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, name)| format!("{}{}:{name}", codes[i % 4], kinds[i / 4 % 4]))
        .collect();
    let mut group = c.benchmark_group("usage_all_names");
    group.throughput(Throughput::Elements(names.len() as u64));
    group.bench_function("usage_type_parse", |b| {
        b.iter(|| {
            for text in &usage_types {
                black_box(UsageType::parse(black_box(text)).ok());
            }
        });
    });
    group.bench_function("instance_type_parse", |b| {
        b.iter(|| {
            for name in &names {
                black_box(InstanceType::parse(black_box(name)).ok());
            }
        });
    });
    // A whole bill line (its operation, the catalogue's facts and the price) per usage
    // type: what the CSV path and the kernels do once per distinct line.
    #[cfg(feature = "catalogue")]
    group.bench_function("bill_line_decode", |b| {
        use ec2_instance_type::catalogue::Catalogue;
        use ec2_instance_type::usage::BillLine;
        let operations = [
            "RunInstances",
            "RunInstances:0002",
            "RunInstances:SV050",
            "",
        ];
        b.iter(|| {
            for (i, text) in usage_types.iter().enumerate() {
                let operation = Some(operations[i % 4]);
                black_box(BillLine::decode(
                    black_box(text),
                    None,
                    operation,
                    Catalogue::bundled(),
                ));
            }
        });
    });
    group.bench_function("split_colon", |b| {
        b.iter(|| {
            for text in &usage_types {
                black_box(black_box(text.as_str()).split_once(':'));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench_usage);
criterion_main!(benches);
