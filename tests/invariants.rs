//! What the names say must agree with what the catalogue says.

#![cfg(feature = "catalogue")]

use std::collections::BTreeMap;

use ec2_instance_type::catalogue::{self, Entry};
use ec2_instance_type::{Series, Size};

/// Sizes whose vCPUs do not follow their normalization factor, and why.
const NOT_PROPORTIONAL: &[(&str, &str)] = &[
    (
        "c4.8xlarge",
        "36 vCPUs, not 32: the Haswell hosts of c4 have 18 cores per socket",
    ),
    (
        "d2.8xlarge",
        "36 vCPUs, not 32: the same Haswell hosts as c4",
    ),
    (
        "m1.small",
        "1 vCPU as large as m1.medium: first-generation sizing",
    ),
];

fn specs_by_family() -> BTreeMap<&'static str, Vec<Entry<'static>>> {
    let mut families: BTreeMap<&str, Vec<Entry<'static>>> = BTreeMap::new();
    for entry in catalogue::iter().filter(|e| e.specs().is_some()) {
        families.entry(entry.family()).or_default().push(entry);
    }
    families
}

#[test]
fn two_xlarge_has_twice_the_vcpus_of_xlarge() {
    for (family, entries) in specs_by_family() {
        let vcpus = |size: Option<Size>| {
            entries
                .iter()
                .find(|e| Some(e.instance_type().size()) == size)
                .map(|e| e.specs().unwrap().vcpus)
        };
        if let (Some(one), Some(two)) = (vcpus(Some(Size::XLarge)), vcpus(Size::xlarge_n(2))) {
            assert_eq!(two, 2 * one, "{family}");
        }
    }
}

#[test]
fn vcpus_follow_the_normalization_factor_within_a_family() {
    let mut checked = 0;
    for (family, entries) in specs_by_family() {
        let ratio = |e: &Entry| {
            let factor = e.instance_type().size_normalization_factor()?;
            Some(f64::from(e.specs()?.vcpus) / factor)
        };
        let excepted = |e: &Entry| {
            NOT_PROPORTIONAL.iter().any(|(name, _)| *name == e.name())
                // Burstable `t` sizes below `large` keep a minimum of 1 or 2 vCPUs and
                // share them through CPU credits.
                || (e.instance_type().series() == Series::T && e.instance_type().size() < Size::Large)
        };
        let ratios: Vec<(&str, f64)> = entries
            .iter()
            .filter(|e| !excepted(e))
            .filter_map(|e| Some((e.name(), ratio(e)?)))
            .collect();
        if let Some((_, first)) = ratios.first() {
            for (name, r) in &ratios {
                assert!(
                    (r - first).abs() < 1e-9,
                    "{family}: {name} has {r} vCPUs per unit, the family {first}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "checked {checked} sizes");
    for (name, _) in NOT_PROPORTIONAL {
        assert!(
            catalogue::get(name).is_some(),
            "{name} is listed but not in the catalogue"
        );
    }
}

#[test]
fn processor_letter_agrees_with_the_manufacturer() {
    for entry in catalogue::iter() {
        let (Some(stated), Some(specs)) = (entry.instance_type().processor(), entry.specs()) else {
            continue;
        };
        assert_eq!(specs.processor(), Some(stated), "{}", entry.name());
    }
}

#[test]
fn gpu_series_have_gpus_and_no_other_does() {
    for entry in catalogue::iter() {
        let Some(specs) = entry.specs() else { continue };
        let gpu_series = matches!(
            entry.instance_type().series(),
            Series::G | Series::Gr | Series::P
        );
        // The API lists dl1's Habana Gaudi accelerators under `GpuInfo` (moto 5.0.0's
        // record of dl1.24xlarge): kept as the API says, not reclassified here.
        let gaudi = entry.name() == "dl1.24xlarge";
        assert_eq!(specs.gpu.is_some(), gpu_series || gaudi, "{}", entry.name());
        if let Some(gpu) = specs.gpu {
            assert!(
                gpu.count > 0 || gpu.share.is_some_and(|s| s > 0.0 && s < 1.0),
                "{}",
                entry.name()
            );
        }
        if let Some(accelerator) = specs.accelerator {
            assert!(accelerator.count > 0, "{}", entry.name());
        }
    }
}

#[test]
fn figures_are_positive_and_finite() {
    for entry in catalogue::iter() {
        if let Some(price) = entry.price_or_fallback(ec2_instance_type::Region::us_east_1()) {
            assert!(
                price.usd_per_hour.is_finite() && price.usd_per_hour > 0.0,
                "{}",
                entry.name()
            );
        }
        for derived in [
            entry.usd_per_vcpu_hour(ec2_instance_type::Region::us_east_1()),
            entry.usd_per_gib_hour(ec2_instance_type::Region::us_east_1()),
            entry
                .spot_estimate(ec2_instance_type::Region::us_east_1())
                .map(|s| s.usd_per_hour),
        ] {
            assert!(
                derived.is_none_or(|v| v.is_finite() && v > 0.0),
                "{}",
                entry.name()
            );
        }
        if let Some(spot) = entry.spot(ec2_instance_type::Region::us_east_1()) {
            assert!(spot.savings_percent <= 100, "{}", entry.name());
        }
        if let Some(specs) = entry.specs() {
            assert!(
                specs.clock_ghz.is_none_or(|c| c.is_finite() && c > 0.0),
                "{}",
                entry.name()
            );
            assert!(
                specs
                    .network
                    .peak_gbps
                    .is_none_or(|g| g.is_finite() && g > 0.0),
                "{}",
                entry.name()
            );
            // Every bundled record gives cores and threads.
            assert_eq!(
                specs.cores.zip(specs.threads_per_core).map(|(c, t)| c * t),
                Some(specs.vcpus),
                "{}",
                entry.name()
            );
        }
    }
}

#[test]
fn bare_metal_names_are_bare_metal() {
    for entry in catalogue::iter() {
        let Some(specs) = entry.specs() else { continue };
        if entry.instance_type().is_metal() {
            assert!(specs.bare_metal, "{}", entry.name());
        }
    }
}
