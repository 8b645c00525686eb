//! Parsing, printing into a reused buffer, and catalogue lookups allocate nothing.
//!
//! A counting global allocator needs `unsafe`; it lives in this test binary of its own.
//! The library itself is `#![forbid(unsafe_code)]`.

#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;

use ec2_instance_type::{InstanceType, ServiceInstanceType};

mod common;

struct Counting;

thread_local! {
    // Per thread: the test harness's own threads allocate while a test runs.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    // `try_with`: a thread being torn down has no counter left, and is not under test.
    let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counter is a
// const-initialised thread-local `Cell`, which does not allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: the caller's contract for `alloc` is passed on as it is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract for `dealloc` is passed on as it is.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        // SAFETY: the caller's contract for `realloc` is passed on as it is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `work` makes on this thread.
fn allocations(work: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    work();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn hot_paths_allocate_nothing() {
    let names = common::known_names();
    let wrapped = [
        "db.r6g.large",
        "cache.t4g.micro",
        "r6g.large.search",
        "db.r5b.8xlarge.tpc2.mem4x",
    ];
    let bad = [
        "m5.xxlarge",
        "M5.Large",
        "m5large",
        "",
        "db.serverless",
        "мm5.large",
    ];
    let mut buf = String::with_capacity(128);
    let parsed: Vec<InstanceType> = names.iter().map(|n| n.parse().unwrap()).collect();
    // The counter sees allocations at all: otherwise the zeros below would prove nothing.
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8]))) > 0);

    let count = allocations(|| {
        for name in &names {
            let it = InstanceType::parse(name).unwrap();
            std::hint::black_box((it.family(), it.series(), it.size(), it.processor()));
            std::hint::black_box(it.capabilities().count() + it.options().count());
        }
        for name in wrapped {
            std::hint::black_box(ServiceInstanceType::parse(name).unwrap());
        }
        for name in bad {
            let err = InstanceType::parse(name).unwrap_err();
            std::hint::black_box((err.kind(), err.offset(), err.suggestion()));
            std::hint::black_box(ServiceInstanceType::parse(name).unwrap_err());
        }
        for it in &parsed {
            buf.clear();
            write!(buf, "{it}").unwrap();
        }
    });
    assert_eq!(count, 0, "parsing and Display allocated");

    let usage_types: Vec<String> = names
        .iter()
        .map(|n| format!("USW2-BoxUsage:{n}"))
        .chain(
            [
                "InstanceUsage:db.m5.4xl",
                "APS1-Kafka.m5.large",
                "AFS1-Studio:KernelGateway-ml.r5.24xlarge",
                "EBS:VolumeUsage.gp3",
                "ap-northeast-1-KMS-Keys",
                "USW2-BoxUsage:m5.xxlarge",
                "HostUsage:u-6tb1",
            ]
            .map(str::to_owned),
        )
        .collect();
    let count = allocations(|| {
        for text in &usage_types {
            match ec2_instance_type::usage::UsageType::parse(text) {
                Ok(usage) => {
                    std::hint::black_box((usage.region(), usage.kind(), usage.instance_type()));
                }
                Err(err) => {
                    std::hint::black_box((err.offset(), err.suggestion()));
                }
            }
        }
    });
    assert_eq!(count, 0, "decoding usage types allocated");

    #[cfg(feature = "catalogue")]
    {
        let count = allocations(|| {
            for name in &names {
                std::hint::black_box(ec2_instance_type::catalogue::get(name).unwrap());
            }
            for it in &parsed {
                std::hint::black_box(it.catalogue_entry().unwrap());
                std::hint::black_box(it.normalization_factor());
            }
            std::hint::black_box(ec2_instance_type::catalogue::get("db.r6g.large").unwrap());
            std::hint::black_box(ec2_instance_type::catalogue::family("m5").count());
        });
        assert_eq!(count, 0, "catalogue lookups allocated");
    }
}
