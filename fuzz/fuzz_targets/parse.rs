//! Fuzz the strict, lenient and service parsers, regions, keyword values, usage types and
//! the catalogue lookup: no panic, error offsets inside the input, and every success prints
//! back exactly.

#![no_main]

use ec2_instance_type::usage::UsageType;
use ec2_instance_type::{
    AppleChip, ErrorKind, InstanceType, Processor, Region, Service, ServiceInstanceType, catalogue,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let inside = |offset: usize| {
        assert!(
            offset < input.len().max(1),
            "offset {offset} outside {input:?}"
        )
    };
    match InstanceType::parse(input) {
        Ok(it) => {
            assert_eq!(it.to_string(), input);
            assert_eq!(InstanceType::parse(it.as_str()).unwrap(), it);
        }
        Err(err) => {
            inside(err.offset());
            let _ = err.to_string();
        }
    }
    match ServiceInstanceType::parse(input) {
        Ok(it) => assert_eq!(it.to_string(), input),
        Err(err) => inside(err.offset()),
    }
    for lenient in [
        InstanceType::parse_lenient(input).err(),
        ServiceInstanceType::parse_lenient(input).err(),
    ] {
        if let Some(err) = lenient {
            inside(err.offset());
        }
    }
    match Region::parse(input) {
        Ok(region) => assert_eq!(region.to_string(), input),
        Err(err) => inside(err.offset()),
    }
    for decoded in [
        UsageType::parse(input),
        UsageType::parse_for_product(input, "AmazonCloudFront"),
        UsageType::parse_for_product(input, "AmazonEC2"),
    ] {
        match decoded {
            Ok(usage) => {
                assert_eq!(usage.to_string(), input);
                // Never a region and an edge zone at once.
                assert!(usage.region().is_none() || usage.edge_zone().is_none());
                if let Some(family) = usage.family() {
                    assert!(input.contains(family));
                }
                let _ = (
                    usage.billing_service(),
                    usage.instance_type(),
                    usage.warning().map(|w| w.to_string()),
                );
            }
            Err(err) => {
                inside(err.offset());
                let _ = err.to_string();
            }
        }
    }
    if let Some(entry) = catalogue::get(input) {
        assert!(input.contains(entry.name()));
    }
    keyword::<Processor>(input);
    keyword::<Service>(input);
    keyword::<AppleChip>(input);
});

/// A keyword value parses back to its own text, or is an `UnknownValue` error that says so.
fn keyword<T>(input: &str)
where
    T: std::str::FromStr<Err = ec2_instance_type::ParseError> + std::fmt::Display,
{
    match input.parse::<T>() {
        Ok(value) => assert_eq!(value.to_string(), input),
        Err(err) => {
            assert_eq!(err.kind(), ErrorKind::UnknownValue);
            assert!(err.what().is_some());
            assert!(err.to_string().starts_with("unknown "));
        }
    }
}
