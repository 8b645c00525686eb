//! The bundled catalogue through the public API.

#![cfg(feature = "catalogue")]
// Figures must equal the sources exactly, so floats are compared exactly.
#![allow(clippy::float_cmp)]

mod common;

use ec2_instance_type::catalogue::{self, AcceleratorKind, Architecture, Entry, Interruption};
use ec2_instance_type::{InstanceType, Processor, ServiceInstanceType};

#[track_caller]
fn entry(name: &str) -> Entry<'static> {
    catalogue::get(name).unwrap_or_else(|| panic!("{name} not in the catalogue"))
}

#[test]
fn every_known_name_has_an_entry() {
    let names = common::known_names();
    assert_eq!(catalogue::iter().len(), names.len());
    for name in names {
        assert_eq!(entry(name).name(), name);
        assert_eq!(
            InstanceType::parse(name)
                .unwrap()
                .catalogue_entry()
                .map(Entry::name),
            Some(name)
        );
    }
}

#[test]
fn coverage_matches_the_sources() {
    let with_specs = catalogue::iter().filter(|e| e.specs().is_some()).count();
    let priced = catalogue::iter()
        .filter(|e| {
            e.price_or_fallback(ec2_instance_type::Region::us_east_1())
                .is_some()
        })
        .count();
    let fallback = catalogue::iter()
        .filter(|e| {
            e.price_or_fallback(ec2_instance_type::Region::us_east_1())
                .is_some_and(|p| p.is_fallback())
        })
        .count();
    // Counted in data/instance-types.csv, the generator's output.
    let rows = common::data_rows();
    let count = |keep: &dyn Fn(&std::collections::HashMap<String, String>) -> bool| {
        rows.iter().filter(|row| keep(row)).count()
    };
    assert_eq!(catalogue::iter().len(), rows.len());
    assert_eq!(with_specs, count(&|r| r["has_specs"] == "true"));
    assert_eq!(priced, count(&|r| !r["on_demand_usd_per_hour"].is_empty()));
    assert_eq!(
        fallback,
        count(&|r| !r["price_region"].is_empty() && r["price_region"] != "us-east-1")
    );
    // data/sources/PROVENANCE.md 0b: older moto snapshots fill names the current one lacks;
    // each entry says which, as its row does.
    for source in rows.iter().map(|r| r["specs_source"].as_str()) {
        if source.is_empty() {
            continue;
        }
        let in_catalogue = catalogue::iter()
            .filter(|e| e.specs().is_some_and(|s| s.source == source))
            .count();
        assert_eq!(
            in_catalogue,
            count(&|r| r["specs_source"] == source),
            "{source}"
        );
    }
}

#[test]
fn unknown_names_are_not_found() {
    assert!(catalogue::get("m5.huge").is_none());
    assert!(catalogue::get("zz9.large").is_none());
    assert!(catalogue::get("").is_none());
    assert!(
        InstanceType::parse("m99.large")
            .unwrap()
            .catalogue_entry()
            .is_none()
    );
}

/// A name one byte away from a known one (in its first, last or middle eight bytes) is
/// found only as itself: the lookup compares words, and the text past 16 bytes.
#[test]
fn names_one_byte_away_are_not_their_neighbours() {
    let names = common::known_names();
    for name in &names {
        for at in 0..name.len() {
            for replacement in [b'a', b'z', b'0', b'-'] {
                let mut bytes = name.as_bytes().to_vec();
                bytes[at] = replacement;
                let Ok(near) = String::from_utf8(bytes) else {
                    continue;
                };
                let found = catalogue::get(&near).map(Entry::name);
                assert!(
                    found.is_none() || found == Some(near.as_str()),
                    "{near}: {found:?}"
                );
                assert_eq!(found.is_some(), names.contains(&near.as_str()), "{near}");
            }
        }
        // One byte longer or shorter.
        assert!(catalogue::get(&format!("{name}x")).is_none_or(|e| e.name() == format!("{name}x")));
        assert!(
            catalogue::get(&name[..name.len() - 1])
                .is_none_or(|e| e.name() == &name[..name.len() - 1])
        );
    }
}

#[test]
fn known_names_without_specs_are_found() {
    let e = entry("cc1.4xlarge");
    assert!(e.specs().is_none());
    assert!(
        e.price_or_fallback(ec2_instance_type::Region::us_east_1())
            .is_none()
    );
}

#[test]
fn pinned_m5_xlarge() {
    let m5 = entry("m5.xlarge");
    let specs = m5.specs().unwrap();
    assert_eq!(
        (
            specs.vcpus,
            specs.cores,
            specs.threads_per_core,
            specs.memory_mib
        ),
        (4, Some(2), Some(2), 16384)
    );
    assert_eq!(
        specs.architectures.iter().collect::<Vec<_>>(),
        [Architecture::X86_64]
    );
    assert_eq!(specs.processor(), Some(Processor::Intel));
    assert_eq!(specs.clock_ghz, Some(3.1));
    assert_eq!(specs.network.performance, "Up to 10 Gigabit");
    assert_eq!(specs.network.eks_max_pods(), 58);
    assert_eq!(specs.ebs.unwrap().max_iops, 18750);
    assert_eq!(
        m5.price_or_fallback(ec2_instance_type::Region::us_east_1())
            .unwrap()
            .usd_per_hour,
        0.192
    );
    assert_eq!(
        m5.price_or_fallback(ec2_instance_type::Region::us_east_1())
            .unwrap()
            .region,
        "us-east-1"
    );
    assert!(
        !m5.price_or_fallback(ec2_instance_type::Region::us_east_1())
            .unwrap()
            .is_fallback()
    );
    assert_eq!(
        m5.spot(ec2_instance_type::Region::us_east_1())
            .unwrap()
            .savings_percent,
        66
    );
    assert_eq!(
        m5.spot(ec2_instance_type::Region::us_east_1())
            .unwrap()
            .interruption,
        Interruption::Over20
    );
    assert!(
        (m5.spot_estimate(ec2_instance_type::Region::us_east_1())
            .map(|s| s.usd_per_hour)
            .unwrap()
            - 0.192 * 0.34)
            .abs()
            < 1e-12
    );
    assert!(
        (m5.usd_per_vcpu_hour(ec2_instance_type::Region::us_east_1())
            .unwrap()
            - 0.048)
            .abs()
            < 1e-12
    );
    let regions = m5.regions().unwrap();
    assert!(regions.contains(ec2_instance_type::Region::parse("eu-west-1").unwrap()));
    let listed = common::data_rows()
        .into_iter()
        .find(|r| r["name"] == "m5.xlarge")
        .unwrap()["regions"]
        .split(' ')
        .count();
    assert_eq!(regions.len(), listed);
}

#[test]
fn pinned_gpus_accelerators_and_prices() {
    let p3dn = entry("p3dn.24xlarge").specs().unwrap();
    assert_eq!(p3dn.vcpus, 96);
    let gpu = p3dn.gpu.unwrap();
    assert_eq!(
        (gpu.count, gpu.manufacturer, gpu.model, gpu.memory_mib),
        (8, "NVIDIA", "V100", 262_144)
    );
    assert_eq!(p3dn.storage.unwrap().total_gb, 1800);
    assert!(p3dn.network.efa);

    let inf2 = entry("inf2.xlarge").specs().unwrap();
    assert_eq!(inf2.gpu_count(), 0);
    let accelerator = inf2.accelerator.unwrap();
    assert_eq!(
        (accelerator.kind, accelerator.count, accelerator.model),
        (AcceleratorKind::Inferentia, 1, "Inferentia2")
    );

    let g6f = entry("g6f.large").specs().unwrap();
    assert_eq!(g6f.gpu_count(), 0);
    assert_eq!(g6f.gpu.unwrap().share, Some(0.125));

    let trn2 = entry("trn2.48xlarge").specs().unwrap();
    assert_eq!(trn2.accelerator.unwrap().kind, AcceleratorKind::Trainium);
    assert_eq!(
        entry("dl2q.24xlarge")
            .specs()
            .unwrap()
            .accelerator
            .unwrap()
            .kind,
        AcceleratorKind::Qualcomm
    );
    assert_eq!(
        entry("f2.12xlarge")
            .specs()
            .unwrap()
            .accelerator
            .unwrap()
            .kind,
        AcceleratorKind::Fpga
    );
    assert_eq!(
        entry("vt1.3xlarge")
            .specs()
            .unwrap()
            .accelerator
            .unwrap()
            .kind,
        AcceleratorKind::Media
    );

    let graviton = entry("c7g.large").specs().unwrap();
    assert_eq!(
        (
            graviton.processor_manufacturer.unwrap(),
            graviton.architectures.iter().collect::<Vec<_>>()
        ),
        ("AWS", vec![Architecture::Arm64])
    );

    let hpc = entry("hpc7a.12xlarge");
    let price = hpc
        .price_or_fallback(ec2_instance_type::Region::us_east_1())
        .unwrap();
    assert_eq!(
        (price.usd_per_hour, price.region, price.is_fallback()),
        (8.6674, "us-gov-west-1", true)
    );
    assert_eq!(
        hpc.spot_estimate(ec2_instance_type::Region::us_east_1())
            .map(|s| s.usd_per_hour),
        None
    );

    assert!(
        entry("mac2.metal")
            .price_or_fallback(ec2_instance_type::Region::us_east_1())
            .is_none()
    );
    assert!(entry("mac2.metal").specs().unwrap().bare_metal);
    assert!(entry("t3.micro").specs().unwrap().burstable);
}

#[test]
fn service_names_look_up_the_ec2_type() {
    assert_eq!(entry("db.r6g.large").name(), "r6g.large");
    assert_eq!(entry("r6g.large.search").name(), "r6g.large");
    assert_eq!(entry("db.r5b.8xlarge.tpc2.mem4x").name(), "r5b.8xlarge");
    let wrapped = ServiceInstanceType::parse("cache.t4g.micro").unwrap();
    assert_eq!(
        wrapped.catalogue_entry().map(Entry::name),
        Some("t4g.micro")
    );
}

#[test]
fn families_list_sizes_in_order() {
    let sizes: Vec<&str> = catalogue::family("m5").map(Entry::name).collect();
    assert_eq!(
        sizes,
        [
            "m5.large",
            "m5.xlarge",
            "m5.2xlarge",
            "m5.4xlarge",
            "m5.8xlarge",
            "m5.12xlarge",
            "m5.16xlarge",
            "m5.24xlarge",
            "m5.metal"
        ]
    );
    assert_eq!(catalogue::family("m").count(), 0);
    assert_eq!(catalogue::family("zz9").count(), 0);
    let total: usize = catalogue::iter()
        .filter(|e| e.instance_type().size_str() == "large")
        .map(|e| catalogue::family(e.instance_type().family()).count())
        .sum();
    assert!(total > 0);
}

#[test]
fn bare_metal_normalization_factor_comes_from_the_family() {
    let cases = [
        ("a1.metal", Some(32.0)),
        ("m5zn.metal", Some(96.0)),
        ("i3.metal", Some(128.0)),
        ("c5n.metal", Some(144.0)),
        ("m5.metal", Some(192.0)),
        ("u-6tb1.metal", Some(896.0)),
        ("mac2.metal", None),
        ("m5.large", Some(4.0)),
        ("c8g.metal-24xl", Some(192.0)),
    ];
    for (name, factor) in cases {
        assert_eq!(
            InstanceType::parse(name).unwrap().normalization_factor(),
            factor,
            "{name}"
        );
    }
}

#[test]
fn invariants() {
    let names: Vec<&str> = catalogue::iter().map(Entry::name).collect();
    assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
    for e in catalogue::iter() {
        let parsed = InstanceType::parse(e.name()).unwrap();
        assert_eq!(parsed, e.instance_type());
        assert_eq!(parsed.to_string(), e.name());
        assert_eq!(parsed.family(), e.instance_type().family());
        assert_eq!(parsed.size(), e.instance_type().size());
        assert_eq!(
            parsed.capability_letters(),
            e.instance_type().capability_letters()
        );
        if let Some(price) = e.price_or_fallback(ec2_instance_type::Region::us_east_1()) {
            assert!(
                price.usd_per_hour.is_finite() && price.usd_per_hour > 0.0,
                "{}",
                e.name()
            );
            assert_eq!(price.is_fallback(), price.region != "us-east-1");
        }
        if let Some(spot) = e
            .spot_estimate(ec2_instance_type::Region::us_east_1())
            .map(|s| s.usd_per_hour)
        {
            assert!(spot.is_finite() && spot >= 0.0, "{}", e.name());
        }
        if let Some(specs) = e.specs() {
            assert!(specs.vcpus > 0 && specs.memory_mib > 0, "{}", e.name());
            assert!(!specs.architectures.is_empty(), "{}", e.name());
        }
    }
}

#[test]
fn snapshot_is_public() {
    assert!(catalogue::NAMES_SNAPSHOT.contains("2026-11-20"));
    assert!(catalogue::PRICES_SNAPSHOT.contains("2026-07-20"));
}
