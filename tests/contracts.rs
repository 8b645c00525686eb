//! The public API's contracts: orders that agree with equality, values that cannot hold
//! what does not parse back, and every enum's text round-trip.

use std::cmp::Ordering;
use std::fmt::{Debug, Display};
use std::str::FromStr;

use ec2_instance_type::{
    AppleChip, AppleChipTier, Capability, ErrorKind, InstanceOption, InstanceType, NvidiaChip,
    Processor, Series, Service, ServiceInstanceType, Size,
};
use proptest::prelude::*;

/// Every value prints its `as_str`, and that text parses back to it.
#[track_caller]
fn round_trips<T>(values: impl IntoIterator<Item = T>, as_str: fn(&T) -> String)
where
    T: FromStr + Display + PartialEq + Debug,
    T::Err: Debug,
{
    let mut count = 0;
    for value in values {
        let text = as_str(&value);
        assert_eq!(value.to_string(), text, "{value:?}");
        assert_eq!(text.parse::<T>().unwrap(), value, "{text}");
        count += 1;
    }
    assert!(count > 0, "no known values");
}

#[test]
fn every_enum_round_trips_through_its_text() {
    round_trips(Processor::known(), |v| v.as_str().to_owned());
    round_trips(Service::known(), |v| v.as_str().to_owned());
    round_trips(NvidiaChip::known(), |v| v.as_str().to_owned());
    round_trips(AppleChipTier::known(), |v| v.as_str().to_owned());
    round_trips(AppleChip::known(), |v| v.as_str().to_owned());
    round_trips(Series::known(), |v| v.as_str().to_owned());
    round_trips(Capability::known(), |v| v.as_str().to_owned());
    round_trips(InstanceOption::known(), |v| v.as_str().to_owned());
    round_trips(Size::known(), |v| v.as_str().to_owned());
    #[cfg(feature = "catalogue")]
    {
        use ec2_instance_type::catalogue::{AcceleratorKind, Architecture, DiskType, Interruption};
        use ec2_instance_type::query::SortKey;
        round_trips(Architecture::known(), |v| v.as_str().to_owned());
        round_trips(AcceleratorKind::known(), |v| v.as_str().to_owned());
        round_trips(DiskType::known(), |v| v.as_str().to_owned());
        round_trips(Interruption::known(), |v| v.as_str().to_owned());
        round_trips(SortKey::known(), |v| v.as_str().to_owned());
        let parts = [
            "family:m7i-flex",
            "series:g",
            "letter:g",
            "option:flex",
            "option:6tb",
        ];
        round_trips(
            parts
                .iter()
                .map(|p| p.parse::<ec2_instance_type::query::NamePart>().unwrap()),
            ToString::to_string,
        );
    }
}

#[test]
fn values_kept_as_written_round_trip_and_borrow() {
    let series: Series = "qq".parse().unwrap();
    assert!(matches!(series, Series::Other(_)));
    assert_eq!(series.as_str(), "qq");
    let letter: Capability = "s".parse().unwrap();
    assert!(matches!(letter, Capability::Other(_)));
    assert_eq!((letter.as_str(), letter.letter()), ("s", 's'));
    let option: InstanceOption = "ultra2".parse().unwrap();
    assert!(matches!(option, InstanceOption::Other(_)));
    assert_eq!(option.as_str(), "ultra2");
    round_trips([series], |v| v.as_str().to_owned());
    round_trips([letter], |v| v.as_str().to_owned());
    round_trips([option], |v| v.as_str().to_owned());
}

#[test]
fn unknown_values_never_hold_a_known_one() {
    for capability in Capability::known() {
        let parsed: Capability = capability.as_str().parse().unwrap();
        assert!(!matches!(parsed, Capability::Other(_)), "{capability}");
    }
    for series in Series::known() {
        let parsed: Series = series.as_str().parse().unwrap();
        assert!(parsed.is_known(), "{series}");
    }
    for option in ["flex", "6tb", "b200", "m4pro", "m9ultra"] {
        let parsed: InstanceOption = option.parse().unwrap();
        assert!(!matches!(parsed, InstanceOption::Other(_)), "{option}");
    }
}

#[test]
fn bad_text_for_an_enum_is_an_error_with_a_suggestion() {
    let err = "Graviton".parse::<Processor>().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownValue);
    assert_eq!(err.what(), Some("processor"));
    assert_eq!(err.suggestion(), Some("graviton"));
    let err = "arm".parse::<Processor>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown processor 'arm', expected one of amd, graviton, intel, apple, aws, did you mean 'amd'"
    );
}

/// Names as the ecosystem writes them: Kubernetes' and Go's `amd64`, Rust's and Linux's
/// `aarch64`, the catalogue's own manufacturer `aws`; never the look-alike other value
/// (`amd64` was once offered `arm64`, `aws` `amd`).
#[cfg(feature = "catalogue")]
#[test]
fn ecosystem_names_parse_as_the_value_they_mean() {
    use ec2_instance_type::catalogue::Architecture;
    for (text, architecture) in [
        ("amd64", Architecture::X86_64),
        ("x86_64", Architecture::X86_64),
        ("arm64", Architecture::Arm64),
        ("aarch64", Architecture::Arm64),
    ] {
        assert_eq!(
            text.parse::<Architecture>().unwrap(),
            architecture,
            "{text}"
        );
    }
    // Written back in the catalogue's own words.
    assert_eq!(
        "amd64".parse::<Architecture>().unwrap().to_string(),
        "x86_64"
    );
    assert_eq!("aws".parse::<Processor>().unwrap(), Processor::Graviton);
    // A near miss of an alias is offered the alias, not the other value.
    assert_eq!(
        "amd46".parse::<Architecture>().unwrap_err().suggestion(),
        Some("amd64")
    );
    let err = "m4plus".parse::<AppleChip>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown apple chip 'm4plus', expected m<generation>[pro|max|ultra]"
    );
    assert_eq!(
        "M5".parse::<Series>().unwrap_err().kind(),
        ErrorKind::Uppercase
    );
    assert_eq!(
        "dn".parse::<Capability>().unwrap_err().kind(),
        ErrorKind::TrailingCharacters
    );
    assert_eq!(
        "".parse::<InstanceOption>().unwrap_err().kind(),
        ErrorKind::Empty
    );
}

#[test]
fn sizes_cannot_hold_what_does_not_parse_back() {
    assert_eq!(Size::xlarge_n(0), None);
    assert_eq!(Size::xlarge_n(1), Some(Size::XLarge));
    assert_eq!(Size::metal_n(0), None);
    assert_eq!(Size::metal_n(1), None);
    for n in [2, 3, 48, 480, u16::MAX] {
        for size in [Size::xlarge_n(n).unwrap(), Size::metal_n(n).unwrap()] {
            assert_eq!(size.multiplier(), Some(n));
            assert_eq!(size.as_str().parse::<Size>().unwrap(), size);
        }
    }
}

/// Every size: the named ones and the multiples of every `u16` N.
fn any_size() -> impl Strategy<Value = Size> {
    prop_oneof![
        proptest::sample::select(Size::known().collect::<Vec<_>>()),
        any::<u16>().prop_filter_map("N >= 1", Size::xlarge_n),
        any::<u16>().prop_filter_map("N >= 2", Size::metal_n),
        (1u16..60).prop_filter_map("N >= 1", Size::xlarge_n),
        (2u16..60).prop_filter_map("N >= 2", Size::metal_n),
    ]
}

proptest! {
    #[test]
    fn size_order_agrees_with_equality(a in any_size(), b in any_size()) {
        prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a.partial_cmp(&b), Some(a.cmp(&b)));
        prop_assert_eq!(a.as_str().parse::<Size>().unwrap(), a);
    }
}

#[test]
fn names_order_by_series_then_generation() {
    let order = [
        "m5.large",
        "m5.xlarge",
        "m5.metal",
        "m5d.large",
        "m10i.large",
        "mac-m4.metal",
        "mac-m4pro.metal",
        "mac1.metal",
        "mac2.metal",
        "mac2-m2.metal",
    ];
    let names: Vec<InstanceType> = order.iter().map(|n| n.parse().unwrap()).collect();
    for (i, a) in names.iter().enumerate() {
        for (j, b) in names.iter().enumerate() {
            assert_eq!(a.cmp(b), i.cmp(&j), "{a} vs {b}");
        }
    }
    let wrapped: Vec<ServiceInstanceType> = ["db.m10i.large", "db.m5.large", "m5.large"]
        .iter()
        .map(|n| n.parse().unwrap())
        .collect();
    let mut sorted = wrapped.clone();
    sorted.sort();
    let sorted: Vec<String> = sorted.iter().map(ToString::to_string).collect();
    assert_eq!(sorted, ["m5.large", "db.m5.large", "db.m10i.large"]);
}

#[test]
fn apple_chips_released_or_not_decode_as_apple() {
    for (name, generation, tier) in [
        ("mac-m4.metal", 4, None),
        ("mac2-m2pro.metal", 2, Some(AppleChipTier::Pro)),
        ("mac-m7ultra.metal", 7, Some(AppleChipTier::Ultra)),
        ("mac3-m5max.metal", 5, Some(AppleChipTier::Max)),
        ("mac-m12.metal", 12, None),
    ] {
        let it = InstanceType::parse(name).unwrap();
        assert_eq!(it.processor(), Some(Processor::Apple), "{name}");
        let Some(InstanceOption::Apple(chip)) = it.options().next() else {
            panic!("{name}: an Apple chip option");
        };
        assert_eq!(
            (chip.generation(), chip.tier()),
            (generation, tier),
            "{name}"
        );
        assert_eq!(it.to_string(), name);
    }
}

#[test]
fn a_service_name_is_not_an_ec2_name() {
    for (input, offset) in [
        ("db.r6g.large", 0),
        ("cache.t4g.micro", 0),
        ("r6g.large.search", 9),
    ] {
        let err = InstanceType::parse(input).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ServiceName, "{input}");
        assert_eq!(err.offset(), offset, "{input}");
        assert!(
            err.to_string().contains("not an EC2 instance type name"),
            "{err}"
        );
        assert!(ServiceInstanceType::parse(input).is_ok());
    }
    let err = InstanceType::parse("cache.t4g.micro").unwrap_err();
    assert_eq!(err.suggestion(), Some("t4g.micro"));
}
