//! Fuzz the strict, lenient and service parsers, regions, keyword values, usage types,
//! operations, whole bill lines and the catalogue lookup: no panic, error offsets inside
//! the input, and every success prints back exactly.

#![no_main]

use ec2_instance_type::catalogue::Catalogue;
use ec2_instance_type::usage::{BillLine, Operation, UsageType};
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
                // Never a region and an edge zone at once; global usage has no region.
                assert!(usage.region().is_none() || usage.edge_zone().is_none());
                assert!(!usage.is_global() || usage.region().is_none());
                // The other end is written in the input, and the kind and detail are too.
                if let Some(code) = usage.to_billing_code() {
                    assert!(input.contains(code));
                }
                assert!(input.contains(usage.kind_str()));
                if let Some(detail) = usage.detail() {
                    assert!(input.ends_with(detail));
                }
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
    // The input as an operation, and as a whole bill line with it as its own operation:
    // every value fits its field, and a line that did not decode holds only its error.
    let operation = Operation::parse(input);
    assert_eq!(operation.as_str(), input);
    assert!(operation.platform().is_none() || operation.unknown_code().is_none());
    let line = BillLine::decode(input, None, Some(input), Catalogue::bundled());
    assert_eq!(line.values().len(), BillLine::FIELDS.len());
    for (field, value) in line.fields() {
        assert!(value.fits(field.ty), "{}: {value:?}", field.name);
    }
    if line.error().is_some() {
        assert!(
            line.fields()
                .filter(|(f, _)| f.name != "usage_type" && f.name != "error")
                .all(|(_, v)| v.is_null())
        );
    }
    if let Some(entry) = catalogue::get(input) {
        assert!(input.contains(entry.name()));
    }
    keyword::<Processor>(input);
    keyword::<Service>(input);
    keyword::<AppleChip>(input);
});

/// A keyword value prints as a name that parses back to it (an alias such as `aws` for
/// Graviton prints as the value's own name), or is an `UnknownValue` error that says so.
fn keyword<T>(input: &str)
where
    T: std::str::FromStr<Err = ec2_instance_type::ParseError>
        + std::fmt::Display
        + PartialEq
        + std::fmt::Debug,
{
    match input.parse::<T>() {
        Ok(value) => {
            let shown = value.to_string();
            assert_eq!(
                shown.parse::<T>().unwrap(),
                value,
                "{input:?} shown as {shown:?}"
            );
        }
        Err(err) => {
            assert_eq!(err.kind(), ErrorKind::UnknownValue);
            assert!(err.what().is_some());
            assert!(err.to_string().starts_with("unknown "));
        }
    }
}
