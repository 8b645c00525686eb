//! The kernels against the loop they wrap, in the same run: `UsageType::parse` over the
//! same strings (the target: the kernel within 2x of it), and that loop with the
//! catalogue lookups the kernel also makes.
// criterion_group! generates undocumented functions.
#![allow(missing_docs)]

use std::hint::black_box;

use arrow_array::types::Int32Type;
use arrow_array::{DictionaryArray, StringArray};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ec2_instance_type::catalogue::{self, Catalogue};
use ec2_instance_type::usage::UsageType;
use ec2_instance_type_arrow::decode_usage_type;

/// Every catalogue name under a billing code and an instance kind, as a CUR line writes
/// it, to 100,000 rows: 22,992 distinct values, none repeated within the first 4096 rows
/// (so the kernel decodes every row: its worst case).
fn distinct_usage_types() -> Vec<String> {
    let codes = ["USW2-", "", "EU-", "APN1-"];
    let kinds = ["BoxUsage", "SpotUsage", "HeavyUsage", "UnusedBox"];
    let names: Vec<&str> = catalogue::iter().map(catalogue::Entry::name).collect();
    (0..100_000)
        .map(|i| {
            let name = names[i % names.len()];
            format!("{}{}:{name}", codes[i % 4], kinds[i / 4 % 4])
        })
        .collect()
}

/// A month of a bill: 100,000 rows over 2,000 distinct usage types (the first 2,000 of
/// the distinct ones), drawn with a skew as bills are (a few types carry most rows).
fn bill_usage_types() -> Vec<String> {
    let distinct = distinct_usage_types();
    let mut state = 7u64;
    (0..100_000)
        .map(|_| {
            // xorshift; the square skews draws toward the first values.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let draw = usize::try_from(state % 2000).unwrap_or(0);
            distinct[draw * draw / 2000].clone()
        })
        .collect()
}

fn bench_kernels(c: &mut Criterion) {
    bench_set(c, "usage_100k_rows_distinct", &distinct_usage_types());
    bench_set(c, "usage_100k_rows_bill", &bill_usage_types());
}

fn bench_set(c: &mut Criterion, name: &str, texts: &[String]) {
    let array = StringArray::from(texts.iter().map(String::as_str).collect::<Vec<_>>());
    let dictionary: DictionaryArray<Int32Type> = texts.iter().map(String::as_str).collect();
    let bundled = Catalogue::bundled();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("usage_type_parse_loop", |b| {
        b.iter(|| {
            for text in texts {
                black_box(UsageType::parse(black_box(text)).ok());
            }
        });
    });
    group.bench_function("parse_and_lookup_loop", |b| {
        b.iter(|| {
            for text in texts {
                let usage = UsageType::parse(black_box(text)).ok();
                let entry = usage
                    .and_then(|u| u.ec2_instance_type())
                    .and_then(|it| bundled.get(it.as_str()));
                black_box(entry.and_then(catalogue::Entry::specs));
            }
        });
    });
    group.bench_function("decode_usage_type_utf8", |b| {
        b.iter(|| black_box(decode_usage_type(black_box(&array), bundled).ok()));
    });
    group.bench_function("decode_usage_type_dictionary", |b| {
        b.iter(|| black_box(decode_usage_type(black_box(&dictionary), bundled).ok()));
    });
    group.finish();
}

criterion_group!(benches, bench_kernels);
criterion_main!(benches);
