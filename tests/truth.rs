//! The catalogue's answers, pinned to figures copied from the source records (the files are
//! under `data/sources/`, which tests never read: each test names the file and key its
//! figures come from).

#![cfg(feature = "catalogue")]

use ec2_instance_type::catalogue::{self, Entry, Interruption, Tenancy};
use ec2_instance_type::query::{Prefer, Query, SortKey, alternatives};
use ec2_instance_type::{ErrorKind, Processor, Region};

#[track_caller]
fn entry(name: &str) -> Entry<'static> {
    catalogue::get(name).unwrap_or_else(|| panic!("{name} not in the catalogue"))
}

#[track_caller]
fn region(code: &str) -> Region {
    Region::parse(code).unwrap()
}

/// moto-5.2.5/instance_types.json.gz, `NetworkInfo` of each type: the default card's
/// `MaximumNetworkInterfaces` and `Ipv4AddressesPerInterface` give what the EKS node
/// agent computes; summing all cards gave p5.48xlarge 3138 before.
#[test]
fn eks_max_pods_counts_the_default_card_only() {
    for (name, cards, default_card, ipv4, pods) in [
        ("p5.48xlarge", 32, 2, 50, 100),
        ("c6in.32xlarge", 2, 8, 50, 394),
        ("g6e.48xlarge", 4, 10, 50, 492),
        ("m5.large", 1, 3, 10, 29),
        ("t3.micro", 1, 2, 2, 4),
    ] {
        let network = entry(name).specs().unwrap().network;
        assert_eq!(
            (
                network.cards,
                network.default_card_interfaces,
                network.ipv4_per_interface
            ),
            (cards, default_card, ipv4),
            "{name}"
        );
        assert_eq!(network.eks_max_pods(), pods, "{name}");
    }
}

/// moto-5.2.5 `NetworkInfo.NetworkPerformance` and `NetworkCards[]`: a multi-card type's
/// own label states the whole figure; a single card's figures are its own.
#[test]
fn bandwidth_follows_the_types_label() {
    for (name, label, baseline, peak) in [
        ("g6e.48xlarge", "400 Gigabit", 400.0, 400.0),
        ("p6-b200.48xlarge", "3200 Gigabit", 3200.0, 3200.0),
        ("c6in.32xlarge", "200 Gigabit", 200.0, 200.0),
        ("p4d.24xlarge", "4x 100 Gigabit", 400.0, 400.0),
        ("m5.large", "Up to 10 Gigabit", 0.75, 10.0),
        ("t3.micro", "Up to 5 Gigabit", 0.064, 5.0),
    ] {
        let network = entry(name).specs().unwrap().network;
        assert_eq!(network.performance, label, "{name}");
        assert_eq!(
            (network.baseline_gbps, network.peak_gbps),
            (Some(baseline), Some(peak)),
            "{name}"
        );
    }
}

/// moto-5.0.0 and moto-4.0.0 `instance_types.json.gz` describe names moto 5.2.5 lacks.
#[test]
fn older_snapshots_fill_missing_specs() {
    // moto-5.0.0, key p3.2xlarge: 8 vCPUs, 62464 MiB, one V100, Intel.
    let p3 = entry("p3.2xlarge").specs().unwrap();
    assert_eq!(p3.source, "moto 5.0.0, 2024-01-27");
    assert_eq!((p3.vcpus, p3.memory_mib), (8, 62464));
    assert_eq!(p3.gpu.unwrap().model, "V100");
    assert_eq!(p3.processor(), Some(Processor::Intel));
    // moto-5.0.0, key dl1.24xlarge: the Habana Gaudi is listed under GpuInfo; kept so.
    let dl1 = entry("dl1.24xlarge").specs().unwrap();
    assert_eq!(dl1.gpu.unwrap().manufacturer, "Habana");
    assert_eq!(dl1.gpu.unwrap().count, 8);
    // moto-4.0.0, keys cc2.8xlarge and g2.2xlarge: no ProcessorInfo.Manufacturer.
    let cc2 = entry("cc2.8xlarge").specs().unwrap();
    assert_eq!(cc2.source, "moto 4.0.0, 2022-08-20");
    assert_eq!((cc2.vcpus, cc2.memory_mib), (32, 61952));
    assert_eq!(cc2.processor_manufacturer, None);
    assert_eq!(cc2.processor(), None);
    assert_eq!(
        entry("g2.2xlarge").specs().unwrap().processor_manufacturer,
        None
    );
    // The current snapshot's records say so too.
    assert_eq!(
        entry("m5.large").specs().unwrap().source,
        catalogue::SPECS_SNAPSHOT
    );
    // Still without a record anywhere (data/sources/PROVENANCE.md 0b).
    assert!(entry("u-6tb1.metal").specs().is_none());
}

/// moto-5.2.5 `instance_type_offerings_region/REGION.json.gz`: p5.48xlarge is listed in
/// us-east-1 and not in af-south-1; p3.2xlarge in none; mx-central-1 has no file.
#[test]
fn offerings_say_what_they_do_not_know() {
    let p5 = entry("p5.48xlarge");
    assert_eq!(p5.offered_in(region("us-east-1")), Some(true));
    assert_eq!(p5.offered_in(region("af-south-1")), Some(false));
    assert_eq!(p5.offered_in(region("mx-central-1")), None);
    assert_eq!(p5.offered_in(region("xx-future-1")), None);
    let p3 = entry("p3.2xlarge");
    assert_eq!(p3.regions(), None);
    assert_eq!(p3.offered_in(region("us-east-1")), None);
    assert_eq!(
        ec2_instance_type::catalogue::Catalogue::bundled()
            .covered_regions()
            .len(),
        30
    );
    assert_eq!(
        ec2_instance_type::catalogue::Catalogue::bundled()
            .spot_regions()
            .len(),
        33
    );
    // A region filter keeps only types known to be offered there.
    let in_af = Query::new()
        .scope(region("af-south-1"))
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert!(
        in_af
            .iter()
            .all(|e| e.offered_in(region("af-south-1")) == Some(true))
    );
    assert!(
        !in_af
            .iter()
            .any(|e| e.name() == "p3.2xlarge" || e.name() == "p5.48xlarge")
    );
    let nowhere = Query::new().scope(region("mx-central-1"));
    assert!(!nowhere.region_is_covered(ec2_instance_type::catalogue::Catalogue::bundled()));
    assert!(
        nowhere
            .run(ec2_instance_type::catalogue::Catalogue::bundled())
            .is_empty()
    );
}

/// botocore-1.44.8/regions.csv: 46 codes with partition and description.
#[test]
fn regions_parse_describe_and_suggest() {
    assert_eq!(Region::known().count(), 46);
    let ireland = region("eu-west-1");
    assert_eq!(
        (ireland.description(), ireland.partition()),
        (Some("Europe (Ireland)"), Some("aws"))
    );
    assert_eq!(region("us-gov-west-1").partition(), Some("aws-us-gov"));
    assert_eq!(region("us-isob-east-1").partition(), Some("aws-iso-b"));
    assert_eq!(region("cn-north-1").description(), Some("China (Beijing)"));
    let future = region("eu-south-7");
    assert!(!future.is_known());
    assert_eq!(future.description(), None);
    for (bad, suggestion, offset) in [
        ("eu-west1", Some("eu-west-1"), 3),
        ("EU-WEST-1", Some("eu-west-1"), 0),
        ("us-eats-1x", None, 8),
        ("", None, 0),
    ] {
        let err = Region::parse(bad).unwrap_err();
        assert_eq!(err.suggestion(), suggestion, "{bad}");
        assert_eq!(err.offset(), offset, "{bad}");
        assert!(
            bad.is_empty() || err.kind() == ErrorKind::InvalidRegion,
            "{bad}"
        );
    }
    assert_eq!(
        Region::parse("EU-WEST-1").unwrap_err().to_string(),
        "invalid region 'EU-WEST-1', expected a code such as 'us-east-1', did you mean 'eu-west-1'"
    );
}

/// karpenter-provider-aws/on-demand-linux-usd-per-hour.csv, us-east-1 rows: bare metal is
/// listed at Dedicated-tenancy rates (c6g.metal 2.306600 against c6g.16xlarge 2.176000).
#[test]
fn prices_say_their_region_and_tenancy() {
    let metal = entry("c6g.metal")
        .price_or_fallback(ec2_instance_type::Region::us_east_1())
        .unwrap();
    assert_eq!(
        (metal.usd_per_hour, metal.region, metal.tenancy),
        (2.3066, "us-east-1", Tenancy::Dedicated)
    );
    let virtualized = entry("c6g.16xlarge")
        .price_or_fallback(ec2_instance_type::Region::us_east_1())
        .unwrap();
    assert_eq!(
        (virtualized.usd_per_hour, virtualized.tenancy),
        (2.176, Tenancy::Shared)
    );
    assert_eq!(
        entry("m8gb.metal-24xl")
            .price_or_fallback(ec2_instance_type::Region::us_east_1())
            .unwrap()
            .tenancy,
        Tenancy::Dedicated
    );
    // Every bare metal price is dedicated and every other shared.
    for e in catalogue::iter() {
        if let Some(price) = e.price_or_fallback(ec2_instance_type::Region::us_east_1()) {
            let metal = e.instance_type().is_metal();
            assert_eq!(price.tenancy == Tenancy::Dedicated, metal, "{}", e.name());
        }
    }
    let query = Query::new()
        .scope(region("eu-west-1"))
        .sort_by(SortKey::Price);
    assert!(query.prices_from_another_region(ec2_instance_type::catalogue::Catalogue::bundled()));
    assert!(
        !Query::new()
            .scope(region("us-east-1"))
            .sort_by(SortKey::Price)
            .prices_from_another_region(ec2_instance_type::catalogue::Catalogue::bundled())
    );
    assert!(
        !Query::new()
            .scope(region("eu-west-1"))
            .prices_from_another_region(ec2_instance_type::catalogue::Catalogue::bundled())
    );
}

/// spotinfo/spot-advisor-data.json, `spot_advisor[REGION]["Linux"]["m5.large"]`:
/// us-east-1 {s: 66, r: 3} (15-20%), eu-west-1 {s: 57, r: 1} (5-10%), none in ap-east-2;
/// ca-central-1 p5.48xlarge {s: -62, r: 0}.
#[test]
fn spot_hints_per_region() {
    let m5 = entry("m5.large");
    let hint = |code: &str| {
        m5.spot(region(code))
            .map(|s| (s.savings_percent, s.interruption))
    };
    assert_eq!(hint("us-east-1"), Some((66, Interruption::From15To20)));
    assert_eq!(hint("eu-west-1"), Some((57, Interruption::From5To10)));
    assert_eq!(hint("ap-east-2"), None);
    assert_eq!(
        m5.spot(ec2_instance_type::Region::us_east_1()),
        m5.spot(Region::us_east_1())
    );
    let p5 = entry("p5.48xlarge").spot(region("ca-central-1")).unwrap();
    assert_eq!(
        (p5.savings_percent, p5.interruption),
        (-62, Interruption::Under5)
    );
    // The estimate needs an on-demand price of the same region: us-east-1 only here.
    let price = m5
        .price_or_fallback(ec2_instance_type::Region::us_east_1())
        .unwrap()
        .usd_per_hour;
    let estimate = m5.spot_estimate(Region::us_east_1()).unwrap();
    assert!((estimate.usd_per_hour - price * 0.34).abs() < 1e-12);
    assert_eq!(estimate.based_on, m5);
    assert_eq!(m5.spot_estimate(region("eu-west-1")), None);
}

/// karpenter-provider-aws us-east-1 prices: m5.xlarge 0.192, m6g.xlarge 0.154; r5.large
/// 0.126, r8g.large 0.11782 (r9g has no price); m8gb.metal-24xl 14.80608 is dedicated.
#[test]
fn alternatives_save_money_on_shared_prices() {
    let m5 = entry("m5.xlarge");
    let cheapest = alternatives(m5, Prefer::Cheapest, None);
    let graviton = cheapest
        .iter()
        .find(|a| a.processor == Processor::Graviton)
        .unwrap();
    assert_eq!(graviton.entry.name(), "m6g.xlarge");
    let saved = graviton.usd_per_month_difference().unwrap();
    assert!((saved - (0.154 - 0.192) * 730.0).abs() < 1e-9, "{saved}");

    let r5 = entry("r5.large");
    let newest = alternatives(r5, Prefer::Newest, None);
    let graviton = newest
        .iter()
        .find(|a| a.processor == Processor::Graviton)
        .unwrap();
    assert_eq!(graviton.entry.name(), "r8g.large");
    assert!((graviton.price_difference.unwrap() - (0.11782 - 0.126)).abs() < 1e-12);

    for of in catalogue::iter().filter(|e| e.specs().is_some()).step_by(7) {
        for prefer in [Prefer::Newest, Prefer::Cheapest] {
            for alternative in alternatives(of, prefer, None) {
                let price = alternative
                    .entry
                    .price_or_fallback(ec2_instance_type::Region::us_east_1())
                    .unwrap();
                assert_eq!(
                    price.tenancy,
                    Tenancy::Shared,
                    "{}",
                    alternative.entry.name()
                );
                assert!(alternative.entry.specs().unwrap().current_generation);
            }
        }
    }
}

/// data/instance-types.csv: c6g.metal is priced at a Dedicated rate (2.3066), c6g.16xlarge
/// (64 vCPUs too) at a shared one (2.176); data/spot.csv: c6g.metal saves 76 % in us-east-1.
/// The advisor's savings are against the shared price, so the estimate is built on it.
#[test]
fn spot_estimates_are_built_on_shared_prices() {
    let us_east_1 = Region::us_east_1();
    let metal = entry("c6g.metal");
    assert_eq!(
        metal.on_demand(us_east_1).unwrap().tenancy,
        Tenancy::Dedicated
    );
    let estimate = metal.spot_estimate(us_east_1).unwrap();
    assert_eq!(estimate.based_on.name(), "c6g.16xlarge");
    assert_eq!(estimate.on_demand.tenancy, Tenancy::Shared);
    assert!((estimate.usd_per_hour - 2.176 * 0.24).abs() < 1e-9);
    // A shared price of its own is used as it is.
    let sixteen = entry("c6g.16xlarge").spot_estimate(us_east_1).unwrap();
    assert_eq!(sixteen.based_on.name(), "c6g.16xlarge");
    assert!((sixteen.usd_per_hour - 2.176 * 0.27).abs() < 1e-9);
}

/// Every fact says where it comes from (data/snapshot.csv).
#[test]
fn facts_name_their_sources() {
    let m5 = entry("m5.large");
    assert_eq!(m5.specs().unwrap().source, "moto 5.2.5, 2026-10-27");
    assert_eq!(m5.regions_source(), "moto 5.2.5, 2026-10-27");
    assert_eq!(
        m5.on_demand(Region::us_east_1()).unwrap().source,
        catalogue::PRICES_SNAPSHOT
    );
}

/// botocore's 46 codes are known; a typo of one is not accepted as a region of the future.
#[test]
fn known_regions_only_where_asked() {
    assert!(Region::parse_known("eu-west-1").is_ok());
    let err = Region::parse_known("eu-wset-1").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownRegion);
    assert_eq!(
        err.to_string(),
        "unknown region 'eu-wset-1', did you mean 'eu-west-1'"
    );
    let err = Region::parse_known("xx-foo-9").unwrap_err();
    assert_eq!(err.to_string(), "unknown region 'xx-foo-9'");
    assert_eq!(err.offset(), 0);
    // Malformed codes keep their own error.
    assert_eq!(
        Region::parse_known("eu-west1").unwrap_err().kind(),
        ErrorKind::InvalidRegion
    );
}
