//! Owned catalogues against the bundled one, in the same run: building one from a full
//! `describe-instance-types` output (target under 50 ms), and lookups and `find` over it
//! (target within 1.5x of the bundled catalogue's).
// criterion_group! generates undocumented functions.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ec2_instance_type::Region;
use ec2_instance_type::catalogue::{Architecture, Catalogue};
use ec2_instance_type::query::{Query, SortKey};

#[path = "common/mod.rs"]
mod names;

/// A full output as the AWS CLI prints it: one record for every name the snapshot has
/// specs for (1422), each the CLI's real record of one of the fixture's types under that
/// name, indented as the CLI indents.
fn full_output() -> String {
    let fixture: serde_json::Value = serde_json::from_str(include_str!(
        "../tests/fixtures/aws-cli/describe-instance-types.json"
    ))
    .unwrap();
    let records = fixture["InstanceTypes"].as_array().unwrap();
    let all: Vec<serde_json::Value> = Catalogue::bundled()
        .iter()
        .filter(|e| e.specs().is_some())
        .enumerate()
        .map(|(i, e)| {
            let mut record = records[i % records.len()].clone();
            record["InstanceType"] = serde_json::Value::from(e.name());
            record
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "InstanceTypes": all })).unwrap()
}

/// A region's bulk offer file of about 100 MB, in AWS's format: the fixture's preamble and
/// real header, then its rows (Reserved terms, on-demand prices of several operating
/// systems and tenancies, rows the rules leave out) again and again, each pass under
/// another catalogue name and SKUs of its own, as a real file has one product per type.
fn offer_file() -> String {
    replicated(
        include_str!("../tests/fixtures/price-list/offer-eu-west-1.csv"),
        100 << 20,
        |row, pass, name| {
            row.replace("\"m5.large\"", &format!("\"{name}\""))
                .replace("SKU00000000", &format!("P{pass:010}"))
        },
    )
}

/// A region's Savings Plans file of about 25 MB (a real region's is tens of MB), in AWS's
/// format: the fixture's preamble and header, then its rates (each rule's) again and
/// again, each pass under another catalogue name.
fn savings_plans_file() -> String {
    replicated(
        include_str!("../tests/fixtures/price-list/savings-plans-eu-west-1.csv"),
        25 << 20,
        |row, _, name| row.replace("m5.large", name),
    )
}

/// The fixture's six metadata and header lines, then its rows, each pass's rewritten by
/// `rewrite(row, pass, name)`, until the file is `size` bytes.
fn replicated(fixture: &str, size: usize, rewrite: impl Fn(&str, usize, &str) -> String) -> String {
    let lines: Vec<&str> = fixture.lines().collect();
    let (head, rows) = lines.split_at(6);
    let names: Vec<&str> = names::known_names();
    let mut file = head.join("\n");
    file.push('\n');
    let mut pass = 0;
    while file.len() < size {
        let name = names[pass % names.len()];
        for row in rows {
            file.push_str(&rewrite(row, pass, name));
            file.push('\n');
        }
        pass += 1;
    }
    file
}

fn bench_price_list(c: &mut Criterion) {
    let file = offer_file();
    let mut group = c.benchmark_group("price_list");
    group.sample_size(10);
    group.throughput(criterion::Throughput::Bytes(file.len() as u64));
    group.bench_function("offer_file_100mb", |b| {
        b.iter(|| {
            let mut owned = Catalogue::bundled().clone();
            owned
                .apply_offer_file(black_box(file.as_bytes()), "index.csv")
                .unwrap();
            black_box(owned)
        });
    });
    group.finish();

    // A region's Savings Plans file applied (target: under a second), beside the csv
    // crate reading the same bytes and doing nothing else.
    let plans = savings_plans_file();
    let mut group = c.benchmark_group("savings_plans");
    group.sample_size(10);
    group.throughput(criterion::Throughput::Bytes(plans.len() as u64));
    group.bench_function("apply_25mb", |b| {
        b.iter(|| {
            let mut owned = Catalogue::bundled().clone();
            owned
                .apply_savings_plans(black_box(plans.as_bytes()), "index.csv")
                .unwrap();
            black_box(owned)
        });
    });
    group.bench_function("csv_crate_read_only_25mb", |b| {
        b.iter(|| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(black_box(plans.as_bytes()));
            let mut record = csv::ByteRecord::new();
            let mut fields = 0usize;
            while reader.read_byte_record(&mut record).unwrap() {
                fields += record.len();
            }
            black_box(fields)
        });
    });
    group.finish();
}

fn bench_overlay(c: &mut Criterion) {
    let output = full_output();
    eprintln!("describe-instance-types output: {} bytes", output.len());
    c.bench_function("owned_from_full_describe_output", |b| {
        b.iter(|| {
            let mut owned = Catalogue::bundled().clone();
            owned
                .apply_describe_instance_types(black_box(&output).as_bytes(), "types.json")
                .unwrap();
            black_box(owned)
        });
    });

    // The same data in owned storage (a price file with no prices rebuilds every table),
    // so that the comparison is of storage alone.
    let mut owned = Catalogue::bundled().clone();
    owned
        .apply_prices_csv(
            "region,instance_type,usd_per_hour\n".as_bytes(),
            "prices.csv",
        )
        .unwrap();
    let names: Vec<String> = names::known_names()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut group = c.benchmark_group("lookup_all_names");
    for (label, catalogue) in [("bundled", Catalogue::bundled()), ("owned", &owned)] {
        group.bench_function(label, |b| {
            b.iter(|| {
                for name in &names {
                    black_box(catalogue.get(black_box(name.as_str())));
                }
            });
        });
    }
    group.finish();

    let query = Query::new()
        .architecture(Architecture::X86_64)
        .min_vcpus(8)
        .min_memory_gib(32.0)
        .current_generation(true)
        .scope(Region::parse("eu-west-1").unwrap())
        .max_price(2.0)
        .sort_by(SortKey::Price)
        .limit(10);
    let mut group = c.benchmark_group("find_full_scan");
    for (label, catalogue) in [("bundled", Catalogue::bundled()), ("owned", &owned)] {
        group.bench_function(label, |b| {
            b.iter(|| black_box(black_box(&query).run(catalogue)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_overlay, bench_price_list);
criterion_main!(benches);
