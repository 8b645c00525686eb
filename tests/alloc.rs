//! Parsing, printing into a reused buffer, and catalogue lookups allocate nothing.
//!
//! A counting global allocator needs `unsafe`; it lives in this test binary of its own.
//! The library itself is `#![forbid(unsafe_code)]`.

#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};

use ec2_instance_type::{InstanceType, ServiceInstanceType};

mod common;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the counter is a
// relaxed atomic that nothing else depends on.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on as it is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract for `dealloc` is passed on as it is.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract for `realloc` is passed on as it is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `work` makes.
fn allocations(work: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    work();
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

// One test function: the counter is global, and tests in one binary run in parallel.
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

    #[cfg(feature = "catalogue")]
    {
        let count = allocations(|| {
            for name in &names {
                std::hint::black_box(ec2_instance_type::catalogue::get(name).unwrap());
            }
            for it in &parsed {
                std::hint::black_box(it.spec().unwrap());
                std::hint::black_box(it.catalogue_normalization_factor());
            }
            std::hint::black_box(ec2_instance_type::catalogue::get("db.r6g.large").unwrap());
            std::hint::black_box(ec2_instance_type::catalogue::family("m5").count());
        });
        assert_eq!(count, 0, "catalogue lookups allocated");
    }
}
