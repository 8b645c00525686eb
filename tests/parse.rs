//! Parsing EC2 names through the public API.

mod common;

use ec2_instance_type::{
    AppleChip, Capability, ErrorKind, InstanceOption, InstanceType, NvidiaChip, Processor, Region,
    Series, ServiceInstanceType, Size, Tebibytes,
};

#[track_caller]
fn parse(name: &str) -> InstanceType {
    InstanceType::parse(name).unwrap_or_else(|e| panic!("{name:?}: {e}"))
}

#[test]
fn every_known_name_parses_and_prints_back() {
    let names = common::known_names();
    assert!(names.len() > 1000, "{} names", names.len());
    for name in names {
        let it = parse(name);
        assert_eq!(it.to_string(), name);
        assert_eq!(parse(it.as_ref()), it);
        assert_eq!(format!("{}.{}", it.family(), it.size_str()), name);
    }
}

#[test]
fn known_series_cover_every_known_name() {
    for name in common::known_names() {
        assert!(parse(name).series().is_known(), "{name}");
    }
}

#[track_caller]
fn decodes(
    name: &str,
    series: &str,
    generation: Option<u16>,
    letters: &str,
    options: &[&str],
    size: &str,
) {
    let it = parse(name);
    assert_eq!(it.series_str(), series, "series of {name}");
    assert_eq!(it.generation(), generation, "generation of {name}");
    assert_eq!(it.capability_letters(), letters, "letters of {name}");
    assert_eq!(
        it.option_strs().collect::<Vec<_>>(),
        options,
        "options of {name}"
    );
    assert_eq!(it.size_str(), size, "size of {name}");
}

#[test]
fn decodes_every_shape() {
    decodes("p3dn.24xlarge", "p", Some(3), "dn", &[], "24xlarge");
    decodes("m7i-flex.large", "m", Some(7), "i", &["flex"], "large");
    decodes("u-6tb1.metal", "u", Some(1), "", &["6tb"], "metal");
    decodes(
        "u7in-16tb.224xlarge",
        "u",
        Some(7),
        "in",
        &["16tb"],
        "224xlarge",
    );
    decodes("mac2-m2pro.metal", "mac", Some(2), "", &["m2pro"], "metal");
    decodes("mac-m4.metal", "mac", None, "", &["m4"], "metal");
    decodes(
        "p6e-gb200.36xlarge",
        "p",
        Some(6),
        "e",
        &["gb200"],
        "36xlarge",
    );
    decodes("c8g.metal-24xl", "c", Some(8), "g", &[], "metal-24xl");
    decodes("is4gen.xlarge", "is", Some(4), "gen", &[], "xlarge");
    decodes("x8aedz.metal-48xl", "x", Some(8), "aedz", &[], "metal-48xl");
    decodes("hpc7g.16xlarge", "hpc", Some(7), "g", &[], "16xlarge");
    decodes("inf2.xlarge", "inf", Some(2), "", &[], "xlarge");
    decodes("m10i.large", "m", Some(10), "i", &[], "large");
}

#[test]
fn typed_parts() {
    let it = parse("u7inh-32tb.480xlarge");
    assert_eq!(it.series(), Series::U);
    assert_eq!(
        it.capabilities().collect::<Vec<_>>(),
        [Capability::Intel, Capability::Network, "h".parse().unwrap()]
    );
    assert!(matches!(it.capabilities().last(), Some(Capability::Other(h)) if h.as_char() == 'h'));
    assert_eq!(
        it.options().collect::<Vec<_>>(),
        [InstanceOption::MemoryTib(Tebibytes::new(32).unwrap())]
    );
    assert_eq!(it.size_normalization_factor(), Some(3840.0));
    assert_eq!(
        parse("u7in-16tb.224xlarge").size_normalization_factor(),
        Some(1792.0)
    );
    assert_eq!(
        parse("p6-b200.48xlarge").options().next(),
        Some(InstanceOption::Nvidia(NvidiaChip::B200))
    );
    assert_eq!(
        parse("mac2-m1ultra.metal").options().next(),
        Some(InstanceOption::Apple(
            "m1ultra".parse::<AppleChip>().unwrap()
        ))
    );
    assert!(parse("c7i-flex.large").is_flex());
    assert!(parse("c8g.metal-24xl").is_metal());
    assert_eq!(parse("c8g.metal-24xl").size(), Size::metal_n(24).unwrap());
}

#[test]
fn processor_as_the_name_states_it() {
    let cases = [
        ("g5g.xlarge", Some(Processor::Graviton)),
        ("g5.xlarge", None),
        ("a1.large", Some(Processor::Graviton)),
        ("m5.large", None),
        ("c6a.large", Some(Processor::Amd)),
        ("m7i-flex.large", Some(Processor::Intel)),
        ("is4gen.xlarge", Some(Processor::Graviton)),
        ("mac2-m2pro.metal", Some(Processor::Apple)),
        ("mac2.metal", None),
        ("x8aedz.large", Some(Processor::Amd)),
    ];
    for (name, processor) in cases {
        assert_eq!(parse(name).processor(), processor, "{name}");
    }
}

#[test]
fn names_from_the_future_parse() {
    decodes(
        "zz9q-ultra2.metal-512xl",
        "zz",
        Some(9),
        "q",
        &["ultra2"],
        "metal-512xl",
    );
    let it = parse("m12gx.large");
    assert!(matches!(it.capabilities().last(), Some(Capability::Other(x)) if x.as_str() == "x"));
    assert!(matches!(parse("zz9.large").series(), Series::Other(s) if s.as_str() == "zz"));
    assert!(
        matches!(parse("m9-turbo.large").options().next(), Some(InstanceOption::Other(o)) if o.as_str() == "turbo")
    );
}

#[test]
fn orders_by_family_then_size() {
    let mut names: Vec<InstanceType> = [
        "m5.2xlarge",
        "m5.metal",
        "c5.xlarge",
        "m5.large",
        "m5.xlarge",
        "m5.24xlarge",
    ]
    .iter()
    .map(|n| parse(n))
    .collect();
    names.sort();
    let sorted: Vec<String> = names.iter().map(ToString::to_string).collect();
    assert_eq!(
        sorted,
        [
            "c5.xlarge",
            "m5.large",
            "m5.xlarge",
            "m5.2xlarge",
            "m5.24xlarge",
            "m5.metal"
        ]
    );
}

#[test]
fn display_honours_width_and_alignment() {
    assert_eq!(format!("[{:>12}]", parse("m5.large")), "[    m5.large]");
    assert_eq!(
        format!("[{:<10}]", Size::xlarge_n(2).unwrap()),
        "[2xlarge   ]"
    );
}

#[test]
fn lenient_parse_trims_and_lowercases() {
    assert_eq!(
        InstanceType::parse_lenient("  M5.Large\r\n").unwrap(),
        parse("m5.large")
    );
    let err = InstanceType::parse_lenient("  m5.xxlarge").unwrap_err();
    assert_eq!((err.kind(), err.offset()), (ErrorKind::UnknownSize, 5));
}

/// Bad input, the exact message, and the byte offset.
const BAD: &[(&str, &str, usize)] = &[
    ("", "empty name", 0),
    ("m5", "missing '.' between family and size", 1),
    (
        "m5large",
        "missing '.' between family and size, did you mean 'm5.large'",
        6,
    ),
    ("m5.", "expected a size after '.'", 2),
    (
        "m5.xxlarge",
        "unknown size 'xxlarge', did you mean '2xlarge'",
        3,
    ),
    ("m5.xlarg", "unknown size 'xlarg', did you mean 'xlarge'", 3),
    ("m5.huge", "unknown size 'huge'", 3),
    ("m5.2xl", "unknown size '2xl', did you mean '2xlarge'", 3),
    (
        "m5.1xlarge",
        "size multiplier in '1xlarge' must be at least 2, did you mean 'xlarge'",
        3,
    ),
    (
        "m5.0xlarge",
        "size multiplier in '0xlarge' must be at least 2",
        3,
    ),
    (
        "m5.02xlarge",
        "number in '02xlarge' has a leading zero, did you mean '2xlarge'",
        3,
    ),
    ("m05.large", "number in '05' has a leading zero", 1),
    (
        "m99999999999.large",
        "number in '99999999999' is too large",
        1,
    ),
    (
        "m5.99999999999xlarge",
        "number in '99999999999xlarge' is too large",
        3,
    ),
    (
        "M5.Large",
        "unexpected uppercase 'M', names are lowercase, did you mean 'm5.large'",
        0,
    ),
    (
        "m5.Large",
        "unexpected uppercase 'L', names are lowercase, did you mean 'm5.large'",
        3,
    ),
    (
        " m5.large",
        "unexpected whitespace, did you mean 'm5.large'",
        0,
    ),
    (
        "m5.large\n",
        "unexpected whitespace, did you mean 'm5.large'",
        8,
    ),
    ("m5 .large", "unexpected whitespace", 2),
    ("m5.large.", "unexpected '.' after the size", 8),
    ("m5..large", "expected a size after '.'", 3),
    ("m7i-.large", "expected an option after '-'", 3),
    ("m7i--flex.large", "expected an option after '-'", 3),
    ("m7i-flex-.large", "expected an option after '-'", 8),
    (
        "c8g.metal-xl",
        "size 'metal-xl' needs a multiplier, such as 'metal-24xl'",
        4,
    ),
    (
        "c8g.metal-1xl",
        "size multiplier in 'metal-1xl' must be at least 2",
        4,
    ),
    (
        "m5.lаrge",
        "unexpected non-ascii character 'а', did you mean 'm5.large'",
        4,
    ),
    ("m5.large→", "unexpected non-ascii character '→'", 8),
    (
        "м5.large",
        "unexpected non-ascii character 'м', did you mean 'm5.large'",
        0,
    ),
    (
        "m５.large",
        "unexpected non-ascii character '５', did you mean 'm5.large'",
        1,
    ),
    ("5m.large", "expected series letters, found '5'", 0),
    (".large", "expected series letters, found '.'", 0),
    (
        "m.large",
        "expected a generation number or '-' after series 'm'",
        1,
    ),
    ("m5_large", "unexpected character '_'", 2),
    ("m5d5.large", "unexpected character '5'", 3),
    (
        "db.r6g.large",
        "'db.r6g.large' is a service's instance class, not an EC2 instance type name, did you mean 'r6g.large'",
        0,
    ),
    (
        "r6g.large.search",
        "'r6g.large.search' is a service's instance class, not an EC2 instance type name, did you mean 'r6g.large'",
        9,
    ),
    (
        "x-a-b-c-d-e.large",
        "too many options, a name has at most 4",
        9,
    ),
    ("m5.metal-24xl-", "unknown size 'metal-24xl-'", 3),
    (
        "abcdefghijklmnopqrstuvwxyz1.large",
        "name is longer than 32 bytes",
        32,
    ),
];

#[test]
fn bad_input_gets_an_exact_message_and_offset() {
    for (input, message, offset) in BAD {
        let err = InstanceType::parse(input).expect_err(input);
        assert_eq!(err.to_string(), *message, "message for {input:?}");
        assert_eq!(err.offset(), *offset, "offset for {input:?}");
        assert!(err.offset() < input.len().max(1), "offset inside {input:?}");
    }
}

#[test]
fn error_kinds() {
    let kind = |s: &str| InstanceType::parse(s).unwrap_err().kind();
    assert_eq!(kind(""), ErrorKind::Empty);
    assert_eq!(kind("m5large"), ErrorKind::MissingDot);
    assert_eq!(kind("M5.large"), ErrorKind::Uppercase);
    assert_eq!(kind("m5.xxlarge"), ErrorKind::UnknownSize);
    assert_eq!(kind(&"m".repeat(10_000)), ErrorKind::TooLong);
    let err = InstanceType::parse("m5.xxlarge").unwrap_err();
    assert_eq!(err.suggestion(), Some("2xlarge"));
}

/// An over-long input says which bound it broke, at the byte where it broke it, for EC2
/// names, service names, the EC2 name inside a service name, and regions.
#[test]
fn too_long_names_their_bound() {
    let ec2 = InstanceType::parse(&"m".repeat(100)).unwrap_err();
    assert_eq!(
        (ec2.max_len(), ec2.offset()),
        (Some(InstanceType::MAX_LEN), InstanceType::MAX_LEN)
    );
    let service = ServiceInstanceType::parse(&format!("db.{}", "m".repeat(100))).unwrap_err();
    assert_eq!(service.max_len(), Some(ServiceInstanceType::MAX_LEN));
    assert_eq!(
        service.to_string(),
        format!("name is longer than {} bytes", ServiceInstanceType::MAX_LEN)
    );
    let inner = ServiceInstanceType::parse("db.m7i-abcdefghijklmnopqrst.48xlarge").unwrap_err();
    assert_eq!(inner.kind(), ErrorKind::TooLong);
    assert_eq!(
        (inner.max_len(), inner.offset()),
        (Some(InstanceType::MAX_LEN), 3 + InstanceType::MAX_LEN)
    );
    let region = Region::parse(&"eu-west-1".repeat(10)).unwrap_err();
    assert_eq!(region.max_len(), Some(Region::MAX_LEN));
    // Multi-byte text past the bound: no panic, the bound still named.
    let wide = InstanceType::parse(&"é".repeat(40)).unwrap_err();
    assert_eq!(wide.max_len(), Some(InstanceType::MAX_LEN));
    assert_eq!(
        InstanceType::parse("m5.xxlarge").unwrap_err().max_len(),
        None
    );
}
