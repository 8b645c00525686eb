//! Catalogue lookups against a `std` `HashMap` built once outside the timing, a
//! representative `find` query over the whole catalogue, and the processor alternatives of
//! every type beside parsing every name once (what one answer cost when it parsed the
//! whole catalogue).
// criterion_group! generates undocumented functions.
#![allow(missing_docs)]

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ec2_instance_type::InstanceType;
use ec2_instance_type::catalogue::{self, Architecture, Entry};
use ec2_instance_type::query::{Prefer, Query, SortKey, alternatives};

#[path = "common/mod.rs"]
mod names;

fn bench_lookup(c: &mut Criterion) {
    // Owned copies, allocated one after another: the inputs sit close together in memory
    // for every case, as they would in a caller's own data, instead of scattered through
    // the CSV text.
    let names: Vec<String> = names::known_names()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let map: HashMap<&str, Entry<'static>> = catalogue::iter().map(|e| (e.name(), e)).collect();
    let parsed: Vec<InstanceType> = names.iter().map(|n| n.parse().unwrap()).collect();
    let mut group = c.benchmark_group("lookup_all_names");
    group.throughput(Throughput::Elements(names.len() as u64));
    group.bench_function("catalogue_get", |b| {
        b.iter(|| {
            for name in &names {
                black_box(catalogue::get(black_box(name.as_str())));
            }
        });
    });
    group.bench_function("std_hashmap_get", |b| {
        b.iter(|| {
            for name in &names {
                black_box(map.get(black_box(name.as_str())));
            }
        });
    });
    group.bench_function("instance_type_spec", |b| {
        b.iter(|| {
            for it in &parsed {
                black_box(black_box(it).catalogue_entry());
            }
        });
    });
    group.finish();
}

fn bench_find(c: &mut Criterion) {
    let query = Query::new()
        .architecture(Architecture::X86_64)
        .min_vcpus(8)
        .min_memory_gib(32.0)
        .current_generation(true)
        .scope(ec2_instance_type::Region::parse("eu-west-1").unwrap())
        .max_price(2.0)
        .sort_by(SortKey::Price)
        .limit(10);
    c.bench_function("find_query_full_scan", |b| {
        b.iter(|| {
            black_box(black_box(&query).run(ec2_instance_type::catalogue::Catalogue::bundled()))
        });
    });
}

fn bench_alternatives(c: &mut Criterion) {
    let entries: Vec<Entry<'static>> = catalogue::iter().collect();
    let region = ec2_instance_type::Region::us_east_1();
    let mut group = c.benchmark_group("alternatives");
    group.throughput(Throughput::Elements(1));
    // One type's alternatives, each type in turn (the mean over the catalogue).
    let mut next = entries.iter().cycle();
    group.bench_function("one_type_cheapest", |b| {
        b.iter(|| {
            let entry = *next.next().unwrap();
            black_box(alternatives(black_box(entry), Prefer::Cheapest, region))
        });
    });
    group.bench_function("parse_every_name_once", |b| {
        b.iter(|| {
            for entry in &entries {
                black_box(black_box(entry).instance_type());
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench_lookup, bench_find, bench_alternatives);
criterion_main!(benches);
