//! Property tests: names built from the grammar round-trip; no input panics.

mod common;

use ec2_instance_type::{
    AppleChip, Capability, InstanceType, NvidiaChip, Series, ServiceInstanceType,
};
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

/// Capability letters: every known one, and any other letter.
fn letters() -> impl Strategy<Value = String> {
    let known: Vec<char> = Capability::known().map(|c| c.letter()).collect();
    prop::collection::vec(
        prop_oneof![select(known), prop::char::range('a', 'z')],
        0..=4,
    )
    .prop_map(|letters| letters.into_iter().collect())
}

/// Every option this crate knows, as written.
fn known_options() -> Vec<String> {
    let apple = AppleChip::known().map(|c| c.to_string());
    let nvidia = NvidiaChip::known().map(|c| c.to_string());
    let mut all: Vec<String> = ["flex", "6tb", "12tb", "32tb"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    all.extend(apple.chain(nvidia));
    all
}

/// Known options that end in a letter (a trailing generation cannot run into them).
fn known_options_ending_in_letter() -> Vec<String> {
    known_options()
        .into_iter()
        .filter(|o| o.ends_with(|c: char| c.is_ascii_lowercase()))
        .collect()
}

/// An option token that a trailing generation cannot run into.
fn option_ending_in_letter() -> impl Strategy<Value = String> {
    prop_oneof![
        select(known_options_ending_in_letter()),
        "[0-9]{1,3}tb",
        "[a-z]{1,5}",
        "[a-z]{1,3}[0-9]{1,3}[a-z]{1,4}",
    ]
}

fn option() -> impl Strategy<Value = String> {
    prop_oneof![
        option_ending_in_letter(),
        select(known_options()),
        "[a-z]{1,3}[0-9]{1,3}",
    ]
}

fn family() -> impl Strategy<Value = String> {
    let generation_first = (
        series(),
        number(),
        letters(),
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

#[test]
fn very_long_input_is_refused_at_once() {
    let long = "m5.large".repeat(1 << 17);
    for err in [
        InstanceType::parse(&long).unwrap_err(),
        ServiceInstanceType::parse_lenient(&long).unwrap_err(),
    ] {
        assert_eq!(err.kind(), ec2_instance_type::ErrorKind::TooLong);
        check_error_offset(&long, err.offset());
    }
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
