//! Usage types from real bills and price lists, each with its source (see the usage-type
//! research notes: A AWS docs, B price-list record, C real bill output, D a peer's fixture).

use ec2_instance_type::usage::{
    BillingService, Charge, EdgeZone, Kind, UsageErrorKind, UsageKind, UsageType, UsageWarning,
};
use proptest::prelude::*;

/// What one usage type decodes to.
struct Expected {
    region: Option<&'static str>,
    kind: &'static str,
    charge: Option<Charge>,
    service: Option<BillingService>,
    instance: Option<&'static str>,
}

#[track_caller]
fn check(text: &str, want: &Expected) {
    let usage = UsageType::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(usage.to_string(), text);
    assert_eq!(
        usage.region().map(|r| r.as_str().to_owned()).as_deref(),
        want.region,
        "{text}: region"
    );
    assert_eq!(usage.kind_str(), want.kind, "{text}: kind");
    assert_eq!(usage.charge(), want.charge, "{text}: charge");
    assert_eq!(usage.billing_service(), want.service, "{text}: service");
    assert_eq!(
        usage.instance_type().map(|i| i.to_string()).as_deref(),
        want.instance,
        "{text}: instance"
    );
}

macro_rules! expect {
    ($region:expr, $kind:expr, $charge:expr, $service:expr, $instance:expr) => {
        Expected {
            region: $region,
            kind: $kind,
            charge: $charge,
            service: $service,
            instance: $instance,
        }
    };
}

use BillingService as S;
use Charge as C;

/// Real usage types with their sources and what they decode to.
#[rustfmt::skip]
const CASES: &[(&str, Expected)] = &[
    // A: CUR user guide, monitor-flexible-reservation.md.
    (
        "HeavyUsage:m4.large",
        expect!(
            Some("us-east-1"),
            "HeavyUsage",
            Some(C::RiFee),
            Some(S::Ec2),
            Some("m4.large")
        ),
    ),
    // A: Lineitem-columns.md.
    (
        "USW2-BoxUsage:m2.2xlarge",
        expect!(
            Some("us-west-2"),
            "BoxUsage",
            Some(C::InstanceHours),
            Some(S::Ec2),
            Some("m2.2xlarge")
        ),
    ),
    // A: product-columns.md samples.
    (
        "EU-BoxUsage:c5d.9xlarge",
        expect!(
            Some("eu-west-1"),
            "BoxUsage",
            Some(C::InstanceHours),
            Some(S::Ec2),
            Some("c5d.9xlarge")
        ),
    ),
    (
        "SAE1-InstanceUsage:db.t2.medium",
        expect!(
            Some("sa-east-1"),
            "InstanceUsage",
            Some(C::InstanceHours),
            Some(S::Rds),
            Some("db.t2.medium")
        ),
    ),
    (
        "USW2-AW-SW-19",
        expect!(Some("us-west-2"), "AW-SW-19", None, None, None),
    ),
    // A: free-tier doc.
    (
        "Global-BoxUsage:freetier.micro",
        expect!(None, "BoxUsage", Some(C::InstanceHours), Some(S::Ec2), None),
    ),
    (
        "Global-InstanceUsg:dms.t2.micro",
        expect!(
            None,
            "InstanceUsg",
            Some(C::InstanceHours),
            Some(S::Dms),
            Some("dms.t2.micro")
        ),
    ),
    // A: OpenSearch developer guide.
    (
        "USE1-ESInstance:r6g.large.search",
        expect!(
            Some("us-east-1"),
            "ESInstance",
            Some(C::InstanceHours),
            Some(S::Opensearch),
            Some("r6g.large.search")
        ),
    ),
    // B/D: ec2instances.info fixtures.
    (
        "APS1-SyncDurability-NodeUsage:cache.r7g.large",
        expect!(
            Some("ap-southeast-1"),
            "SyncDurability-NodeUsage",
            Some(C::SyncDurability),
            Some(S::Elasticache),
            Some("cache.r7g.large")
        ),
    ),
    (
        "APS1-NodeUsage:cache.r7g.large",
        expect!(
            Some("ap-southeast-1"),
            "NodeUsage",
            Some(C::InstanceHours),
            Some(S::Elasticache),
            Some("cache.r7g.large")
        ),
    ),
    // B: price-list record, RunInstances:0202.
    (
        "APN1-HostBoxUsage:m3.xlarge",
        expect!(
            Some("ap-northeast-1"),
            "HostBoxUsage",
            Some(C::InstanceOnDedicatedHost),
            Some(S::Ec2),
            Some("m3.xlarge")
        ),
    ),
    // C: Cost Explorer output: a full region code, not an instance.
    (
        "ap-northeast-1-KMS-Keys",
        expect!(Some("ap-northeast-1"), "KMS-Keys", None, None, None),
    ),
    // D: RI pricing test (Oracle SE2); RDS's `xl`.
    (
        "APN1-InstanceUsage:db.r5.2xl",
        expect!(
            Some("ap-northeast-1"),
            "InstanceUsage",
            Some(C::InstanceHours),
            Some(S::Rds),
            Some("db.r5.2xlarge")
        ),
    ),
    (
        "InstanceUsage:db.m5.4xl",
        expect!(
            Some("us-east-1"),
            "InstanceUsage",
            Some(C::InstanceHours),
            Some(S::Rds),
            Some("db.m5.4xlarge")
        ),
    ),
    (
        "InstanceUsageIOOptimized:db.r7g.xl",
        expect!(
            Some("us-east-1"),
            "InstanceUsageIOOptimized",
            Some(C::IoOptimized),
            Some(S::Rds),
            Some("db.r7g.xlarge")
        ),
    ),
    // D: infracost db_instance.go.
    (
        "EU-InstanceUsageIOOptimized:db.t3.medium",
        expect!(
            Some("eu-west-1"),
            "InstanceUsageIOOptimized",
            Some(C::IoOptimized),
            Some(S::Rds),
            Some("db.t3.medium")
        ),
    ),
    // D: cloud-carbon-footprint fixtures.
    (
        "APN1-SpotUsage:c5.18xlarge",
        expect!(
            Some("ap-northeast-1"),
            "SpotUsage",
            Some(C::Spot),
            Some(S::Ec2),
            Some("c5.18xlarge")
        ),
    ),
    (
        "APS3-SoftwareUsage:t2.small",
        expect!(Some("ap-south-1"), "SoftwareUsage", None, None, None),
    ),
    (
        "APS1-Kafka.m5.large",
        expect!(
            Some("ap-southeast-1"),
            "Kafka",
            Some(C::InstanceHours),
            Some(S::Msk),
            Some("kafka.m5.large")
        ),
    ),
    // D: ICE tests.
    (
        "APS2-HeavyUsage:c4.2xlarge",
        expect!(
            Some("ap-southeast-2"),
            "HeavyUsage",
            Some(C::RiFee),
            Some(S::Ec2),
            Some("c4.2xlarge")
        ),
    ),
    (
        "APN2-SpotUsage:c4.xlarge",
        expect!(
            Some("ap-northeast-2"),
            "SpotUsage",
            Some(C::Spot),
            Some(S::Ec2),
            Some("c4.xlarge")
        ),
    ),
    (
        "APS2-HeavyUsage:db.t2.micro",
        expect!(
            Some("ap-southeast-2"),
            "HeavyUsage",
            Some(C::RiFee),
            Some(S::Rds),
            Some("db.t2.micro")
        ),
    ),
    (
        "HeavyUsage:r4.xlarge.elasticsearch",
        expect!(
            Some("us-east-1"),
            "HeavyUsage",
            Some(C::RiFee),
            Some(S::Opensearch),
            Some("r4.xlarge.elasticsearch")
        ),
    ),
    (
        "USW2-HeavyUsage:cache.t2.medium",
        expect!(
            Some("us-west-2"),
            "HeavyUsage",
            Some(C::RiFee),
            Some(S::Elasticache),
            Some("cache.t2.medium")
        ),
    ),
    (
        "ESInstance:r4.xlarge",
        expect!(
            Some("us-east-1"),
            "ESInstance",
            Some(C::InstanceHours),
            Some(S::Opensearch),
            Some("r4.xlarge")
        ),
    ),
    (
        "ESInstance:t3.micro.search",
        expect!(
            Some("us-east-1"),
            "ESInstance",
            Some(C::InstanceHours),
            Some(S::Opensearch),
            Some("t3.micro.search")
        ),
    ),
    (
        "Node:dc2.large",
        expect!(
            Some("us-east-1"),
            "Node",
            Some(C::InstanceHours),
            Some(S::Redshift),
            None
        ),
    ),
    (
        "APN1-Node:ra3.4xlarge",
        expect!(
            Some("ap-northeast-1"),
            "Node",
            Some(C::InstanceHours),
            Some(S::Redshift),
            None
        ),
    ),
    (
        "HeavyUsage:ra3.4xlarge",
        expect!(
            Some("us-east-1"),
            "HeavyUsage",
            Some(C::RiFee),
            Some(S::Redshift),
            None
        ),
    ),
    // MemoryDB fixtures: NodeUsage with db.
    (
        "APE1-NodeUsage:db.r6g.xlarge",
        expect!(
            Some("ap-east-1"),
            "NodeUsage",
            Some(C::InstanceHours),
            Some(S::Memorydb),
            Some("db.r6g.xlarge")
        ),
    ),
    // SageMaker Savings Plans rates.
    (
        "AFS1-Studio:KernelGateway-ml.r5.24xlarge",
        expect!(
            Some("af-south-1"),
            "Studio",
            Some(C::InstanceHours),
            Some(S::Sagemaker),
            Some("ml.r5.24xlarge")
        ),
    ),
    (
        "USE1-Train:ml.m4.16xlarge",
        expect!(
            Some("us-east-1"),
            "Train",
            Some(C::InstanceHours),
            Some(S::Sagemaker),
            Some("ml.m4.16xlarge")
        ),
    ),
    (
        "APN1-AsyncInf:ml.g6.xlarge",
        expect!(
            Some("ap-northeast-1"),
            "AsyncInf",
            Some(C::InstanceHours),
            Some(S::Sagemaker),
            Some("ml.g6.xlarge")
        ),
    ),
    // Price lists: host families, DMS, capacity reservations.
    (
        "CAN1-ReservedHostUsage:i3",
        expect!(
            Some("ca-central-1"),
            "ReservedHostUsage",
            Some(C::HostReservation),
            Some(S::Ec2),
            None
        ),
    ),
    (
        "ReservedHostUsage:u-6tb1",
        expect!(
            Some("us-east-1"),
            "ReservedHostUsage",
            Some(C::HostReservation),
            Some(S::Ec2),
            None
        ),
    ),
    (
        "AFS1-UnusedBox:c5ad.2xlarge",
        expect!(
            Some("af-south-1"),
            "UnusedBox",
            Some(C::CapacityReservationUnused),
            Some(S::Ec2),
            Some("c5ad.2xlarge")
        ),
    ),
    (
        "Multi-AZUsg:dms.t2.small",
        expect!(
            Some("us-east-1"),
            "Multi-AZUsg",
            Some(C::MultiAz),
            Some(S::Dms),
            Some("dms.t2.small")
        ),
    ),
    (
        "USW2-Multi-AZClusterUsage:db.m5d.large",
        expect!(
            Some("us-west-2"),
            "Multi-AZClusterUsage",
            Some(C::MultiAzCluster),
            Some(S::Rds),
            Some("db.m5d.large")
        ),
    ),
    (
        "USW2-DedicatedUsage:m5.large",
        expect!(
            Some("us-west-2"),
            "DedicatedUsage",
            Some(C::DedicatedInstance),
            Some(S::Ec2),
            Some("m5.large")
        ),
    ),
    // Legacy and negative cases (Spot data feed doc; Fargate; CodeBuild; EBS; transfer).
    (
        "SpotUsage",
        expect!(
            Some("us-east-1"),
            "SpotUsage",
            Some(C::Spot),
            Some(S::Ec2),
            Some("m1.small")
        ),
    ),
    (
        "BoxUsage",
        expect!(
            Some("us-east-1"),
            "BoxUsage",
            Some(C::InstanceHours),
            Some(S::Ec2),
            Some("m1.small")
        ),
    ),
    (
        "SpotUsage-Fargate-vCPU-Hours:perCPU",
        expect!(
            Some("us-east-1"),
            "SpotUsage-Fargate-vCPU-Hours",
            None,
            None,
            None
        ),
    ),
    (
        "Global-Build-Min:Linux:g1.small",
        expect!(None, "Build-Min", None, None, None),
    ),
    (
        "EBS:VolumeUsage.gp3",
        expect!(Some("us-east-1"), "EBS", None, None, None),
    ),
    (
        "CNW1-EBS:VolumeUsage.gp3",
        expect!(Some("cn-northwest-1"), "EBS", None, None, None),
    ),
    (
        "USE2-AWS-In-Bytes",
        expect!(Some("us-east-2"), "AWS-In-Bytes", None, None, None),
    ),
    (
        "APE1-USE1-AWS-In-Bytes",
        expect!(Some("ap-east-1"), "AWS-In-Bytes", None, None, None),
    ),
];

#[test]
fn real_strings_decode_as_their_sources_show() {
    for (text, expected) in CASES {
        check(text, expected);
    }
}

#[test]
fn parts_of_families_apps_and_nodes() {
    let host = UsageType::parse("HostUsage:mac2-m2").unwrap();
    assert_eq!(
        (host.family(), host.charge()),
        (Some("mac2-m2"), Some(Charge::DedicatedHost))
    );
    let credits = UsageType::parse("CPUCredits:db.t3").unwrap();
    assert_eq!(credits.family(), Some("t3"));
    assert_eq!(credits.billing_service(), Some(BillingService::Rds));
    let studio = UsageType::parse("USE1-Studio:JupyterLab-ml.r6i.4xlarge").unwrap();
    assert_eq!(studio.app(), Some("JupyterLab"));
    assert_eq!(studio.ec2_instance_type().unwrap().as_str(), "r6i.4xlarge");
    let node = UsageType::parse("Node:ra3.xlplus").unwrap();
    assert_eq!(node.node_type(), Some("ra3.xlplus"));
    assert_eq!(node.ec2_instance_type(), None);
    let usw2 = UsageType::parse("USW2-BoxUsage:m5.large").unwrap();
    assert_eq!(usw2.billing_code(), Some("USW2"));
    assert_eq!(usw2.kind(), Kind::Known(UsageKind::BoxUsage));
    assert_eq!(
        UsageType::parse("CAN2-BoxUsage:c7i.large")
            .unwrap()
            .region()
            .unwrap()
            .as_str(),
        "ca-west-1"
    );
    assert_eq!(
        UsageType::parse("EBS:VolumeUsage.gp3").unwrap().kind(),
        Kind::Other("EBS")
    );
    assert!(
        UsageType::parse("Global-BoxUsage:freetier.micro")
            .unwrap()
            .is_global()
    );
}

#[test]
fn bad_usage_types_say_what_and_where() {
    let cases: &[(&str, UsageErrorKind, usize, &str)] = &[
        (
            "USW2-BoxUsage:m5.xxlarge",
            UsageErrorKind::InvalidInstanceType,
            17,
            "invalid instance type 'm5.xxlarge' in usage type: unknown size 'xxlarge', did you mean '2xlarge'",
        ),
        (
            "InstanceUsage:db.m5.4xlx",
            UsageErrorKind::InvalidInstanceType,
            20,
            "invalid instance type 'db.m5.4xlx' in usage type: unknown size '4xlx'",
        ),
        (
            "APS1-Kafka.m5.huge",
            UsageErrorKind::InvalidInstanceType,
            14,
            "invalid instance type 'm5.huge' in usage type: unknown size 'huge'",
        ),
        (
            "BoxUsage:",
            UsageErrorKind::MissingDetail,
            8,
            "expected an instance type after 'BoxUsage:'",
        ),
        (
            "HostUsage:M5",
            UsageErrorKind::InvalidFamily,
            10,
            "invalid instance family 'M5' in usage type: unexpected uppercase 'M', names are lowercase, did you mean 'm5'",
        ),
        ("", UsageErrorKind::Empty, 0, "empty usage type"),
        (
            "BoxUsage:m5.large\n",
            UsageErrorKind::ControlCharacter,
            17,
            "unexpected control character \"\\n\" in usage type",
        ),
        (
            "hello world",
            UsageErrorKind::UnexpectedCharacter,
            5,
            "unexpected \" \" in usage type, expected ASCII letters, digits and -:._/+()",
        ),
        (
            "BoxUsage:m5.large,0.096",
            UsageErrorKind::UnexpectedCharacter,
            17,
            "unexpected \",\" in usage type, expected ASCII letters, digits and -:._/+()",
        ),
        (
            "BoxUsage:m5.lärge",
            UsageErrorKind::UnexpectedCharacter,
            13,
            "unexpected \"ä\" in usage type, expected ASCII letters, digits and -:._/+()",
        ),
    ];
    for (text, kind, offset, message) in cases {
        let err = UsageType::parse(text).expect_err(text);
        assert_eq!(err.kind(), *kind, "{text}");
        assert_eq!(err.offset(), *offset, "{text}");
        assert_eq!(err.to_string(), *message, "{text}");
        assert!(err.offset() < text.len().max(1), "{text}");
    }
    let long = format!("BoxUsage:{}", "m".repeat(300));
    let err = UsageType::parse(&long).unwrap_err();
    assert_eq!(err.kind(), UsageErrorKind::TooLong);
    assert_eq!(err.to_string(), "usage type is longer than 256 bytes");
    assert_eq!(
        UsageType::parse("USW2-BoxUsage:m5.xxlarge")
            .unwrap_err()
            .suggestion(),
        Some("2xlarge")
    );
    assert_eq!(
        UsageType::parse("HostUsage:M5").unwrap_err().suggestion(),
        Some("m5")
    );
    // Found by the fuzzer: the family `p` fails on its probe's size, past the input's end.
    let err = UsageType::parse("CPUCredits:p").unwrap_err();
    assert_eq!(
        (err.kind(), err.offset()),
        (UsageErrorKind::InvalidFamily, 11)
    );
}

/// Every catalogue name under every kind that carries a plain EC2 name, and every billing
/// code (with none, and `Global`).
#[cfg(feature = "catalogue")]
#[test]
fn known_names_under_every_kind_and_code_round_trip() {
    use ec2_instance_type::usage::UsageKind;
    let codes = [
        "", "Global-", "USE1-", "USE2-", "USW1-", "USW2-", "CAN1-", "CAN2-", "MXC1-", "AFS1-",
        "APE1-", "APE2-", "APN1-", "APN2-", "APN3-", "APS1-", "APS2-", "APS3-", "APS4-", "APS5-",
        "APS6-", "APS7-", "APS8-", "APS9-", "EU-", "EUC1-", "EUC2-", "EUN1-", "EUS1-", "EUS2-",
        "EUW2-", "EUW3-", "ILC1-", "MEC1-", "MES1-", "SAE1-", "UGW1-", "UGE1-", "CNN1-", "CNW1-",
    ];
    // The kinds whose detail is a plain EC2 name (the others wrap it: db., cache., ml.).
    let kinds: Vec<UsageKind> = UsageKind::known()
        .filter(|k| {
            matches!(
                k.as_str(),
                "BoxUsage"
                    | "SpotUsage"
                    | "DedicatedUsage"
                    | "HostBoxUsage"
                    | "Reservation"
                    | "UnusedBox"
                    | "DedicatedRes"
                    | "UnusedDed"
                    | "EBSOptimized"
                    | "HeavyUsage"
                    | "MediumUsage"
                    | "LightUsage"
                    | "ESInstance"
            )
        })
        .collect();
    assert_eq!(kinds.len(), 13);
    let mut text = String::new();
    for entry in ec2_instance_type::catalogue::iter() {
        for code in codes {
            for kind in &kinds {
                text.clear();
                text.push_str(code);
                text.push_str(kind.as_str());
                text.push(':');
                text.push_str(entry.name());
                let usage = UsageType::parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
                assert_eq!(usage.to_string(), text);
                assert_eq!(usage.kind_str(), kind.as_str());
                assert_eq!(
                    usage
                        .ec2_instance_type()
                        .map(|it| it.as_str().to_owned())
                        .as_deref(),
                    Some(entry.name()),
                    "{text}"
                );
            }
        }
    }
}

proptest! {
    /// Decoding never panics, and an error's offset lies inside the input.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}|[A-Za-z0-9:.\\-]{0,60}") {
        match UsageType::parse(&text) {
            Ok(usage) => prop_assert_eq!(usage.to_string(), text),
            Err(err) => prop_assert!(err.offset() < text.len().max(1)),
        }
    }

    #[test]
    fn instance_kinds_round_trip(
        code in proptest::sample::select(vec!["", "USE2-", "EU-", "APN1-", "MXC1-"]),
        kind in proptest::sample::select(vec!["BoxUsage", "SpotUsage", "InstanceUsage", "NodeUsage", "ESInstance", "Train"]),
        name in proptest::sample::select(vec!["m5.large", "db.r6g.xlarge", "cache.t4g.micro", "ml.p4d.24xlarge", "u-6tb1.112xlarge", "r6g.large.search", "mac2-m2pro.metal"]),
    ) {
        let text = format!("{code}{kind}:{name}");
        let usage = UsageType::parse(&text).unwrap();
        prop_assert_eq!(usage.to_string(), text.clone());
        prop_assert_eq!(usage.instance_type().unwrap().to_string(), name);
    }
}

/// A prefix shaped like a billing code that the table lacks is never us-east-1: the region
/// is unknown, the rest decodes, and a warning says why.
#[test]
fn unknown_billing_codes_invent_no_region() {
    let usage = UsageType::parse("XYZ9-SpotUsage:c5.large").unwrap();
    assert_eq!(usage.region(), None);
    assert_eq!(usage.billing_code(), Some("XYZ9"));
    assert_eq!(usage.kind_str(), "SpotUsage");
    assert_eq!(usage.charge(), Some(Charge::Spot));
    assert_eq!(usage.ec2_instance_type().unwrap().as_str(), "c5.large");
    assert_eq!(usage.family(), Some("c5"));
    assert_eq!(
        usage.warning(),
        Some(UsageWarning::UnknownBillingCode("XYZ9"))
    );
    assert_eq!(usage.to_string(), "XYZ9-SpotUsage:c5.large");
    // A Local Zone's code (data/sources/usage-types/NOTES.md 1.1: ICE lists LAX1) is not in AWS's table either.
    assert_eq!(
        UsageType::parse("LAX1-BoxUsage:c5.large").unwrap().region(),
        None
    );
    // Only an unprefixed usage type is us-east-1; kinds with hyphens are not prefixes.
    for text in [
        "BoxUsage:c5.large",
        "DataTransfer-Out-Bytes",
        "Multi-AZUsage:db.m5.large",
        "SyncDurability-NodeUsage:cache.r7g.large",
    ] {
        let usage = UsageType::parse(text).unwrap();
        assert_eq!(usage.region().unwrap().as_str(), "us-east-1", "{text}");
        assert_eq!(usage.warning(), None, "{text}");
    }
}

/// CloudFront edge-location groups (CloudFront Developer Guide, billing-and-usage-
/// interpreting.md; usage types as in AWS's CloudFront price list) are edge zones, not
/// regions; `EU` needs the product.
#[test]
fn edge_locations_are_not_regions() {
    for (text, zone) in [
        ("US-DataTransfer-Out-Bytes", EdgeZone::Us),
        ("JP-Requests-Tier1", EdgeZone::Jp),
        ("AP-Requests-Tier2-HTTPS", EdgeZone::Ap),
        ("ZA-DataTransfer-Out-OBytes", EdgeZone::Za),
        ("CA-DataTransfer-Out-Bytes", EdgeZone::Ca),
    ] {
        let usage = UsageType::parse(text).unwrap();
        assert_eq!(usage.edge_zone(), Some(zone), "{text}");
        assert_eq!(usage.region(), None, "{text}");
        assert_eq!(usage.billing_code(), None, "{text}");
        assert!(!usage.is_region_ambiguous(), "{text}");
    }
    let europe = "EU-DataTransfer-Out-Bytes";
    let cdn = UsageType::parse_for_product(europe, "AmazonCloudFront").unwrap();
    assert_eq!((cdn.edge_zone(), cdn.region()), (Some(EdgeZone::Eu), None));
    assert_eq!(EdgeZone::Eu.name(), "Europe and Israel");
    let ec2 = UsageType::parse_for_product(europe, "AmazonEC2").unwrap();
    assert_eq!(ec2.region().unwrap().as_str(), "eu-west-1");
    assert!(!ec2.is_region_ambiguous());
    let unknown = UsageType::parse(europe).unwrap();
    assert_eq!(unknown.region().unwrap().as_str(), "eu-west-1");
    assert!(unknown.is_region_ambiguous());
    assert_eq!(
        unknown.warning(),
        Some(UsageWarning::AmbiguousLocation("EU"))
    );
    // A kind that meters instances is EC2's (or another regional service's): not ambiguous.
    let boxed = UsageType::parse("EU-BoxUsage:c5d.9xlarge").unwrap();
    assert!(!boxed.is_region_ambiguous());
    assert_eq!(boxed.warning(), None);
}

/// Analysts group by family: every line with an instance type has its family.
#[test]
fn every_instance_line_has_its_family() {
    for (text, family) in [
        ("BoxUsage:m5.large", "m5"),
        ("InstanceUsage:db.r6g.xlarge", "r6g"),
        ("InstanceUsage:db.m5.4xl", "m5"),
        ("APS1-Kafka.m5.large", "m5"),
        ("ESInstance:r6g.large.search", "r6g"),
        ("Studio:KernelGateway-ml.r5.24xlarge", "r5"),
        ("NodeUsage:cache.t4g.micro", "t4g"),
        ("HostUsage:m5d", "m5d"),
        ("USE2-BoxUsage:u-6tb1.metal", "u-6tb1"),
    ] {
        assert_eq!(
            UsageType::parse(text).unwrap().family(),
            Some(family),
            "{text}"
        );
    }
}

/// Inter-region transfer: the second billing code is the other end, as AWS's own CUR
/// columns name it (`product/fromRegionCode`, `product/toRegionCode`). The example of AWS's
/// "AWS Region billing codes" page (A), and usage types of a real CUR (C).
#[test]
fn inter_region_transfer_names_both_ends() {
    for (text, from, to_code, to, kind) in [
        (
            "APE1-USE1-AWS-In-Bytes",
            "ap-east-1",
            "USE1",
            "us-east-1",
            "AWS-In-Bytes",
        ),
        (
            "USE1-CAN1-AWS-Out-Bytes",
            "us-east-1",
            "CAN1",
            "ca-central-1",
            "AWS-Out-Bytes",
        ),
        (
            "CAN1-AFS1-AWS-In-Bytes",
            "ca-central-1",
            "AFS1",
            "af-south-1",
            "AWS-In-Bytes",
        ),
        (
            "USE2-USW2-AWS-Out-Bytes",
            "us-east-2",
            "USW2",
            "us-west-2",
            "AWS-Out-Bytes",
        ),
        (
            "EU-USE1-AWS-Out-Bytes",
            "eu-west-1",
            "USE1",
            "us-east-1",
            "AWS-Out-Bytes",
        ),
        (
            "USE1-EU-AWS-In-Bytes",
            "us-east-1",
            "EU",
            "eu-west-1",
            "AWS-In-Bytes",
        ),
    ] {
        let usage = UsageType::parse(text).unwrap();
        assert_eq!(usage.region().unwrap().as_str(), from, "{text}");
        assert_eq!(usage.to_billing_code(), Some(to_code), "{text}");
        assert_eq!(usage.to_region().unwrap().as_str(), to, "{text}");
        assert_eq!(usage.kind_str(), kind, "{text}");
        assert_eq!(usage.to_string(), text);
    }
    // One end only: no other end.
    let one = UsageType::parse("USE2-AWS-In-Bytes").unwrap();
    assert_eq!((one.to_billing_code(), one.to_region()), (None, None));
    // A kind that merely starts like a code is not another end (`EC2` is no billing code).
    let ec2 = UsageType::parse("USE1-EC2-Instance-Connect").unwrap();
    assert_eq!(
        (ec2.to_billing_code(), ec2.kind_str()),
        (None, "EC2-Instance-Connect")
    );
}

/// The detail keeps what the kind does not: volumes and snapshots told apart (C: a real
/// CUR; B: the EC2 price list's `usagetype`), CloudWatch's requests (A: CloudWatch's usage
/// types).
#[test]
fn the_detail_is_kept_as_written() {
    for (text, region, kind, detail) in [
        (
            "USE2-EBS:VolumeUsage.gp3",
            "us-east-2",
            "EBS",
            "VolumeUsage.gp3",
        ),
        (
            "USE2-EBS:SnapshotUsage",
            "us-east-2",
            "EBS",
            "SnapshotUsage",
        ),
        ("CW:Requests", "us-east-1", "CW", "Requests"),
        (
            "APN2-CW:MetricMonitorUsage",
            "ap-northeast-2",
            "CW",
            "MetricMonitorUsage",
        ),
        (
            "USW2-BoxUsage:m5.large",
            "us-west-2",
            "BoxUsage",
            "m5.large",
        ),
    ] {
        let usage = UsageType::parse(text).unwrap();
        assert_eq!(
            (
                usage.region().unwrap().as_str(),
                usage.kind_str(),
                usage.detail()
            ),
            (region, kind, Some(detail)),
            "{text}"
        );
    }
}

/// Usage AWS bills globally has no region (`data/global-usage-types.csv`): CloudWatch
/// dashboards (A: CloudWatch User Guide; the price list's location `Any`), Route 53 (B:
/// its price list), CloudFront's unprefixed usage types with the product given.
#[test]
fn global_usage_has_no_region() {
    for text in [
        "DashboardsUsageHour-Basic",
        "DashboardsUsageHour",
        "HostedZone",
        "DNS-Queries",
        "Intra-AWS-DNS-Queries",
        "Health-Check-AWS",
        "Invalidations",
        "Global-BoxUsage:freetier.micro",
    ] {
        let usage = UsageType::parse(text).unwrap();
        assert!(usage.is_global(), "{text}");
        assert_eq!(usage.region(), None, "{text}");
    }
    let cdn = UsageType::parse_for_product("Executed-ms", "AmazonCloudFront").unwrap();
    assert!(cdn.is_global());
    // Of another product, or unprefixed and not in the table: us-east-1 as before.
    for (text, product) in [
        ("HostedZone", Some("AmazonEC2")),
        ("Executed-ms", None),
        ("CW:Requests", None),
        ("BoxUsage:m5.large", None),
    ] {
        let usage = match product {
            Some(p) => UsageType::parse_for_product(text, p),
            None => UsageType::parse(text),
        }
        .unwrap();
        assert!(!usage.is_global(), "{text}");
        assert_eq!(usage.region().unwrap().as_str(), "us-east-1", "{text}");
    }
}
