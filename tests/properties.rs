//! Property tests: names built from the grammar round-trip; no input panics.

mod common;

use ec2_instance_type::{InstanceType, Series, ServiceInstanceType};
use proptest::prelude::*;
use proptest::sample::select;

fn number() -> impl Strategy<Value = String> {
    (0u16..=u16::MAX).prop_map(|n| n.to_string())
}

fn multiplier() -> impl Strategy<Value = String> {
    prop_oneof![2u16..=64, 2u16..=u16::MAX].prop_map(|n| n.to_string())
}

fn series() -> impl Strategy<Value = String> {
    let known: Vec<String> = Series::known().map(|s| s.to_string()).collect();
    prop_oneof![select(known), "[a-z]{1,4}"]
}

/// An option token that a trailing generation cannot run into.
fn option_ending_in_letter() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec!["flex", "m2pro", "m1ultra", "m4max"]).prop_map(str::to_owned),
        "[0-9]{1,3}tb",
        "[a-z]{1,5}",
        "[a-z]{1,3}[0-9]{1,3}[a-z]{1,4}",
    ]
}

fn option() -> impl Strategy<Value = String> {
    prop_oneof![
        option_ending_in_letter(),
        select(vec!["b200", "gb200", "m2", "m4"]).prop_map(str::to_owned),
        "[a-z]{1,3}[0-9]{1,3}",
    ]
}

fn family() -> impl Strategy<Value = String> {
    let generation_first = (
        series(),
        number(),
        "[a-z]{0,4}",
        prop::collection::vec(option(), 0..=2),
    )
        .prop_map(|(s, g, letters, options)| {
            let options: String = options.iter().flat_map(|o| ["-", o.as_str()]).collect();
            format!("{s}{g}{letters}{options}")
        });
    let options_first = (
        series(),
        option_ending_in_letter(),
        prop::option::of(number()),
    )
        .prop_map(|(s, o, g)| format!("{s}-{o}{}", g.unwrap_or_default()));
    let options_only = (series(), option()).prop_map(|(s, o)| format!("{s}-{o}"));
    prop_oneof![4 => generation_first, 1 => options_first, 1 => options_only]
}

fn size() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "nano", "micro", "small", "medium", "large", "xlarge", "metal"
        ])
        .prop_map(str::to_owned),
        multiplier().prop_map(|n| format!("{n}xlarge")),
        multiplier().prop_map(|n| format!("metal-{n}xl")),
    ]
}

fn ec2_name() -> impl Strategy<Value = String> {
    (family(), size())
        .prop_map(|(f, s)| format!("{f}.{s}"))
        .prop_filter("within the length bound", |n| {
            n.len() <= InstanceType::MAX_LEN
        })
}

fn service_name() -> impl Strategy<Value = String> {
    let prefixed = (
        select(vec!["db", "cache", "ml", "kafka", "express", "mq", "dax"]),
        ec2_name(),
    )
        .prop_map(|(p, n)| format!("{p}.{n}"));
    let rds =
        (ec2_name(), 1u8..=2, 1u8..=32).prop_map(|(n, t, m)| format!("db.{n}.tpc{t}.mem{m}x"));
    let suffixed =
        (ec2_name(), select(vec!["search", "elasticsearch"])).prop_map(|(n, s)| format!("{n}.{s}"));
    prop_oneof![ec2_name(), prefixed, rds, suffixed]
}

#[track_caller]
fn check_error_offset(input: &str, offset: usize) {
    assert!(
        offset < input.len().max(1),
        "offset {offset} outside {input:?}"
    );
}

proptest! {
    #[test]
    fn generated_names_round_trip(name in ec2_name()) {
        let it = InstanceType::parse(&name).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        prop_assert_eq!(it.to_string(), name.clone());
        prop_assert_eq!(InstanceType::parse(it.as_ref()).unwrap(), it);
    }

    #[test]
    fn generated_service_names_round_trip(name in service_name()) {
        let it = ServiceInstanceType::parse(&name).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        prop_assert_eq!(it.to_string(), name.clone());
    }

    #[test]
    fn arbitrary_strings_never_panic(input in "\\PC{0,80}") {
        for err in [InstanceType::parse(&input).err(), InstanceType::parse_lenient(&input).err(),
                       ServiceInstanceType::parse(&input).err(), ServiceInstanceType::parse_lenient(&input).err()].into_iter().flatten() {
                           check_error_offset(&input, err.offset());
                           prop_assert!(!err.to_string().is_empty());
                       }
    }

    #[test]
    fn name_shaped_strings_never_panic(input in "[a-z0-9.\\-]{0,40}") {
        match InstanceType::parse(&input) {
            Ok(it) => prop_assert_eq!(it.to_string(), input.clone()),
            Err(err) => check_error_offset(&input, err.offset()),
        }
        match ServiceInstanceType::parse(&input) {
            Ok(it) => prop_assert_eq!(it.to_string(), input.clone()),
            Err(err) => check_error_offset(&input, err.offset()),
        }
    }
}
