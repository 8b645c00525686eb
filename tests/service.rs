//! Names wrapped by other AWS services.

use ec2_instance_type::{ErrorKind, InstanceType, Series, Service, ServiceInstanceType};

#[track_caller]
fn parse(name: &str) -> ServiceInstanceType {
    ServiceInstanceType::parse(name).unwrap_or_else(|e| panic!("{name:?}: {e}"))
}

#[test]
fn wrapped_names_decode_and_print_back() {
    let cases = [
        ("db.r6g.large", Some(Service::Db), "r6g.large"),
        ("cache.t4g.micro", Some(Service::Cache), "t4g.micro"),
        ("ml.p4d.24xlarge", Some(Service::Ml), "p4d.24xlarge"),
        ("kafka.m5.large", Some(Service::Kafka), "m5.large"),
        ("express.m7g.large", Some(Service::Express), "m7g.large"),
        ("mq.m5.large", Some(Service::Mq), "m5.large"),
        ("dax.r5.large", Some(Service::Dax), "r5.large"),
        ("r6g.large.search", Some(Service::Search), "r6g.large"),
        (
            "m5.large.elasticsearch",
            Some(Service::Elasticsearch),
            "m5.large",
        ),
        (
            "db.r5b.8xlarge.tpc2.mem4x",
            Some(Service::Db),
            "r5b.8xlarge",
        ),
        ("m5.large", None, "m5.large"),
        ("db.x2iedn.metal", Some(Service::Db), "x2iedn.metal"),
    ];
    for (name, service, ec2) in cases {
        let it = parse(name);
        assert_eq!(it.service(), service, "{name}");
        assert_eq!(it.ec2_name(), ec2, "{name}");
        assert_eq!(it.to_string(), name);
        assert_eq!(parse(&it.to_string()), it);
    }
}

#[test]
fn parts_describe_the_ec2_type_inside() {
    let it = parse("db.r6g.large");
    assert_eq!(it.instance_type().family(), "r6g");
    assert_eq!(it.instance_type().series(), Series::R);
    let rds = parse("db.r5b.8xlarge.tpc2.mem4x");
    assert_eq!(rds.threads_per_core(), Some(2));
    assert_eq!(rds.memory_ratio(), Some(4));
    assert_eq!(parse("db.r5b.8xlarge").threads_per_core(), None);
}

#[test]
fn plain_parse_stays_strict_ec2() {
    assert!(InstanceType::parse("db.r6g.large").is_err());
    assert!(InstanceType::parse("r6g.large.search").is_err());
    let plain = InstanceType::parse("m5.large").unwrap();
    assert_eq!(ServiceInstanceType::from(plain), parse("m5.large"));
}

const BAD: &[(&str, &str, usize)] = &[
    ("foo.m5.large", "unknown service 'foo'", 0),
    ("m5.large.foo", "unknown service 'foo'", 9),
    ("db.", "missing instance type after 'db.'", 2),
    ("cache.", "missing instance type after 'cache.'", 5),
    ("db.serverless", "'db.serverless' names no instance type", 0),
    (
        "db.r5b.8xlarge.tpc2",
        "invalid class option '.tpc2', expected '.tpcN.memNx' as in 'db.r5b.8xlarge.tpc2.mem4x'",
        14,
    ),
    (
        "db.r5b.8xlarge.tpc02.mem4x",
        "invalid class option '.tpc02.mem4x', expected '.tpcN.memNx' as in 'db.r5b.8xlarge.tpc2.mem4x'",
        14,
    ),
    (
        "db.r6g.large.search",
        "unexpected '.search' after the size",
        12,
    ),
    ("r6g.large.tpc2.mem4x", "unknown service 'tpc'", 10),
    ("db.r6g.large.", "unexpected '.' after the size", 12),
    ("m5.large.", "unexpected '.' after the size", 8),
    (
        "DB.R6G.LARGE",
        "unexpected uppercase 'D', names are lowercase, did you mean 'db.r6g.large'",
        0,
    ),
    (
        "db.r6glarge",
        "missing '.' between family and size, did you mean 'db.r6g.large'",
        10,
    ),
    (
        "db.r6g.xxlarge",
        "unknown size 'xxlarge', did you mean '2xlarge'",
        7,
    ),
];

#[test]
fn bad_service_names_get_exact_messages() {
    for (input, message, offset) in BAD {
        let err = ServiceInstanceType::parse(input).expect_err(input);
        assert_eq!(err.to_string(), *message, "message for {input:?}");
        assert_eq!(err.offset(), *offset, "offset for {input:?}");
    }
    assert_eq!(
        ServiceInstanceType::parse("db.serverless")
            .unwrap_err()
            .kind(),
        ErrorKind::NotAnInstanceType
    );
}

#[test]
fn lenient_service_parse() {
    assert_eq!(
        ServiceInstanceType::parse_lenient(" DB.R6G.Large ").unwrap(),
        parse("db.r6g.large")
    );
}
