//! Parsing and printing every known name, against the baselines a user would write
//! instead: a `regex` that extracts the same parts, and a `split('.')` that finds only
//! family and size.
// criterion_group! generates undocumented functions.
#![allow(missing_docs)]

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ec2_instance_type::{InstanceType, ServiceInstanceType};
use regex::Regex;

#[path = "common/mod.rs"]
mod names;

/// The parts the regex baseline extracts: series, generation, letters, options, size.
type RegexParts<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

fn regex_decompose<'a>(re: &Regex, name: &'a str) -> Option<RegexParts<'a>> {
    let caps = re.captures(name)?;
    let part = |i| caps.get(i).map_or("", |m| m.as_str());
    Some((part(1), part(2), part(3), part(4), part(5)))
}

fn bench_parse(c: &mut Criterion) {
    let names = names::known_names();
    let re = Regex::new(r"^([a-z]+)(\d*)([a-z]*)((?:-[a-z0-9]+)*)\.([a-z0-9-]+)$").unwrap();
    let mut group = c.benchmark_group("parse_all_names");
    group.throughput(Throughput::Elements(names.len() as u64));
    group.bench_function("ec2_instance_type", |b| {
        b.iter(|| {
            for name in &names {
                black_box(InstanceType::parse(black_box(name)).ok());
            }
        });
    });
    group.bench_function("regex_captures", |b| {
        b.iter(|| {
            for name in &names {
                black_box(regex_decompose(&re, black_box(name)));
            }
        });
    });
    group.bench_function("split_dot", |b| {
        b.iter(|| {
            for name in &names {
                black_box(black_box(name).split_once('.'));
            }
        });
    });
    group.finish();
}

fn bench_display(c: &mut Criterion) {
    let parsed: Vec<InstanceType> = names::known_names()
        .iter()
        .map(|n| n.parse().unwrap())
        .collect();
    let mut group = c.benchmark_group("display_all_names");
    group.throughput(Throughput::Elements(parsed.len() as u64));
    let mut buf = String::with_capacity(64);
    group.bench_function("display_into_reused_buffer", |b| {
        b.iter(|| {
            for it in &parsed {
                buf.clear();
                write!(buf, "{}", black_box(it)).unwrap();
                black_box(&buf);
            }
        });
    });
    group.bench_function("as_str", |b| {
        b.iter(|| {
            for it in &parsed {
                black_box(black_box(it).as_str());
            }
        });
    });
    group.finish();
}

fn bench_service(c: &mut Criterion) {
    let mut group = c.benchmark_group("service_name");
    group.bench_function("parse_db_r6g_large", |b| {
        b.iter(|| black_box(ServiceInstanceType::parse(black_box("db.r6g.large")).ok()));
    });
    group.bench_function("parse_plain_r6g_large", |b| {
        b.iter(|| black_box(InstanceType::parse(black_box("r6g.large")).ok()));
    });
    group.finish();
}

criterion_group!(benches, bench_parse, bench_display, bench_service);
criterion_main!(benches);
