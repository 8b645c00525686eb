//! Answers from the catalogue, pinned to figures computed by hand from data/.

#![cfg(feature = "catalogue")]

mod common;

use ec2_instance_type::catalogue::{self, Architecture, Entry};
use ec2_instance_type::query::{
    NamePart, Prefer, Query, SimilarOptions, SortKey, alternatives, similar, upgrades,
};
use ec2_instance_type::{Capability, InstanceOption, InstanceType, Processor, Region, Series};

#[track_caller]
fn entry(name: &str) -> Entry<'static> {
    catalogue::get(name).unwrap_or_else(|| panic!("{name} not in the catalogue"))
}

fn names(entries: &[Entry<'static>]) -> Vec<&'static str> {
    entries
        .iter()
        .map(|e| catalogue::get(e.name()).unwrap().name())
        .collect()
}

#[test]
fn no_filter_returns_everything() {
    let bundled = ec2_instance_type::catalogue::Catalogue::bundled();
    assert_eq!(Query::new().run(bundled).len(), bundled.len());
}

#[test]
fn cheapest_arm64_with_4_vcpus_and_16_gib_in_us_east_1() {
    // From data/instance-types.csv: t4g.xlarge 0.1344, m6g.xlarge 0.154, m7g.xlarge 0.1632.
    let found = Query::new()
        .architecture(Architecture::Arm64)
        .min_vcpus(4)
        .min_memory_gib(16.0)
        .scope(Region::us_east_1())
        .sort_by(SortKey::Price)
        .limit(3)
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert_eq!(names(&found), ["t4g.xlarge", "m6g.xlarge", "m7g.xlarge"]);
}

#[test]
fn cheapest_current_generation_8_vcpus_32_gib_in_eu_west_1() {
    let found = Query::new()
        .min_vcpus(8)
        .min_memory_gib(32.0)
        .current_generation(true)
        .scope(Region::parse("eu-west-1").unwrap())
        .sort_by(SortKey::Price)
        .limit(3)
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert_eq!(names(&found), ["t4g.2xlarge", "t3a.2xlarge", "m6g.2xlarge"]);
}

#[test]
fn name_parts_include_and_exclude_by_kind() {
    let no_flex = Query::new()
        .include(NamePart::Family("m7i-flex".into()))
        .exclude(NamePart::Option(InstanceOption::Flex))
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert!(no_flex.is_empty());
    let graviton_letter = Query::new()
        .include(NamePart::Capability(Capability::Graviton))
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert!(
        graviton_letter
            .iter()
            .all(|e| e.instance_type().has_capability(Capability::Graviton))
    );
    assert!(graviton_letter.iter().any(|e| e.name() == "c7g.large"));
    assert!(!graviton_letter.iter().any(|e| e.name() == "g5.xlarge"));
    let g_series = Query::new()
        .include(NamePart::Series(Series::G))
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert!(g_series.iter().any(|e| e.name() == "g5.xlarge"));
    assert!(!g_series.iter().any(|e| e.name() == "c7g.large"));
    let m_or_c = Query::new()
        .include(NamePart::Series(Series::M))
        .include(NamePart::Series(Series::C))
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert!(
        m_or_c
            .iter()
            .all(|e| matches!(e.instance_type().series(), Series::M | Series::C))
    );
    assert!(
        m_or_c
            .iter()
            .any(|e| e.instance_type().series() == Series::C)
    );
}

#[test]
fn spec_filters() {
    let gpus = Query::new()
        .min_gpus(8)
        .gpu_model("h100")
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert!(!gpus.is_empty());
    assert!(
        gpus.iter()
            .all(|e| e.specs().unwrap().gpu.unwrap().model == "H100")
    );
    let amd = Query::new()
        .processor(Processor::Amd)
        .max_vcpus(2)
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert!(!amd.is_empty());
    assert!(amd.iter().all(
        |e| e.specs().unwrap().processor_manufacturer.unwrap() == "AMD"
            && e.specs().unwrap().vcpus <= 2
    ));
    let cheap = Query::new()
        .max_price(0.01)
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert!(cheap.iter().all(|e| {
        e.price_or_fallback(ec2_instance_type::Region::us_east_1())
            .unwrap()
            .usd_per_hour
            <= 0.01
    }));
    assert!(cheap.iter().any(|e| e.name() == "t4g.nano"));
    let nvme_efa = Query::new()
        .local_nvme(true)
        .efa(true)
        .bare_metal(false)
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert!(!nvme_efa.is_empty());
    assert!(
        nvme_efa
            .iter()
            .all(|e| e.specs().unwrap().network.efa && e.specs().unwrap().storage.unwrap().nvme)
    );
}

#[test]
fn sorting_puts_unknown_figures_last() {
    let by_spot = Query::new()
        .sort_by(SortKey::Spot)
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    let first_none = by_spot
        .iter()
        .position(|e| {
            e.spot_estimate(ec2_instance_type::Region::us_east_1())
                .map(|s| s.usd_per_hour)
                .is_none()
        })
        .unwrap();
    assert!(by_spot[first_none..].iter().all(|e| {
        e.spot_estimate(ec2_instance_type::Region::us_east_1())
            .map(|s| s.usd_per_hour)
            .is_none()
    }));
    let by_vcpus = Query::new()
        .sort_by(SortKey::Vcpus)
        .limit(1)
        .run(ec2_instance_type::catalogue::Catalogue::bundled());
    assert_eq!(by_vcpus[0].specs().unwrap().vcpus, 1);
}

#[test]
fn similar_to_m5_xlarge() {
    let found = similar(entry("m5.xlarge"), SimilarOptions::new());
    let like: Vec<&str> = found.iter().map(|s| s.entry.name()).collect();
    // The rule, applied to data/instance-types.csv by hand: x86_64, not bare metal, no GPU
    // or accelerator, 4 vCPUs (3.6 to 4.8), 14.4 to 19.2 GiB.
    let mut expected: Vec<String> = common::data_rows()
        .into_iter()
        .filter(|r| {
            let number = |c: &str| r[c].parse::<f64>().unwrap_or(0.0);
            r["has_specs"] == "true"
                && r["name"] != "m5.xlarge"
                && r["architectures"].split(' ').any(|a| a == "x86_64")
                && r["bare_metal"] == "false"
                && r["gpu_model"].is_empty()
                && r["accelerator_kind"].is_empty()
                && (3.6..=4.8).contains(&number("vcpus"))
                && (14.4..=19.2).contains(&(number("memory_mib") / 1024.0))
        })
        .map(|r| r["name"].clone())
        .collect();
    expected.sort();
    let mut sorted: Vec<&str> = like.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, expected);
    assert!(like.contains(&"m6i.xlarge"));
    assert!(!like.contains(&"m7g.xlarge"));
    assert!(!like.contains(&"c5.xlarge"));
    assert!(!like.contains(&"g6f.xlarge"));
    assert!(!like.contains(&"inf2.xlarge"));
    assert!(found.windows(2).all(|w| w[0].distance <= w[1].distance));
    let widened = similar(
        entry("m5.xlarge"),
        SimilarOptions::new().any_architecture(true),
    );
    assert!(widened.iter().any(|s| s.entry.name() == "m7g.xlarge"));
    let cheaper = similar(entry("m5.xlarge"), SimilarOptions::new().cheaper_only(true));
    assert!(!cheaper.is_empty());
    assert!(cheaper.iter().all(|s| {
        s.entry
            .price_or_fallback(ec2_instance_type::Region::us_east_1())
            .unwrap()
            .usd_per_hour
            < 0.192
    }));
    assert!(cheaper.iter().any(|s| s.entry.name() == "t3a.xlarge"));
    let capped = similar(
        entry("m5.xlarge"),
        SimilarOptions::new()
            .max_price(0.16)
            .current_generation_only(true),
    );
    // data/instance-types.csv: t3a.xlarge 0.1504, current generation; m5a.xlarge 0.172.
    assert!(capped.iter().any(|s| s.entry.name() == "t3a.xlarge"));
    assert!(!capped.iter().any(|s| s.entry.name() == "m5a.xlarge"));
    assert!(capped.iter().all(|s| {
        s.entry
            .price_or_fallback(ec2_instance_type::Region::us_east_1())
            .unwrap()
            .usd_per_hour
            <= 0.16
            && s.entry.specs().unwrap().current_generation
    }));
}

#[test]
fn alternatives_of_m5_xlarge() {
    let found = alternatives(entry("m5.xlarge"), Prefer::Newest, None);
    let pairs: Vec<(Processor, &str)> = found
        .iter()
        .map(|a| (a.processor, a.entry.name()))
        .collect();
    assert_eq!(
        pairs,
        [
            (Processor::Graviton, "m9g.xlarge"),
            (Processor::Amd, "m8a.xlarge"),
            (Processor::Intel, "m8i.xlarge")
        ]
    );
    for alternative in found {
        let expected = alternative
            .entry
            .price_or_fallback(ec2_instance_type::Region::us_east_1())
            .unwrap()
            .usd_per_hour
            - 0.192;
        assert!((alternative.price_difference.unwrap() - expected).abs() < 1e-12);
    }
}

#[test]
fn alternatives_keep_other_letters() {
    let found = alternatives(entry("c5d.2xlarge"), Prefer::Newest, None);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|a| a
            .entry
            .instance_type()
            .has_capability(Capability::LocalNvme)),
        "{found:?}"
    );
}

#[test]
fn upgrades_of_c5d_2xlarge() {
    let found = upgrades(entry("c5d.2xlarge"), None);
    let newer: Vec<&str> = found.iter().map(|u| u.entry.name()).collect();
    assert_eq!(newer, ["c6id.2xlarge", "c8id.2xlarge"]);
    assert_eq!(found[0].vcpus_difference, Some(0));
    assert!(upgrades(entry("m9g.xlarge"), None).is_empty());
}

#[test]
fn sizes_and_units() {
    let parse = |s: &str| InstanceType::parse(s).unwrap();
    assert_eq!(
        ec2_instance_type::catalogue::Catalogue::bundled()
            .next_larger(&parse("m5.24xlarge"))
            .map(Entry::name),
        Some("m5.metal")
    );
    assert_eq!(
        ec2_instance_type::catalogue::Catalogue::bundled().next_larger(&parse("m5.metal")),
        None
    );
    assert_eq!(
        ec2_instance_type::catalogue::Catalogue::bundled().next_smaller(&parse("m5.large")),
        None
    );
    assert_eq!(
        ec2_instance_type::catalogue::Catalogue::bundled()
            .units(&parse("m5.metal"), &parse("m5.xlarge")),
        Some(24.0)
    );
    assert_eq!(
        ec2_instance_type::catalogue::Catalogue::bundled()
            .units(&parse("m5.2xlarge"), &parse("m5.large")),
        Some(4.0)
    );
    assert_eq!(
        ec2_instance_type::catalogue::Catalogue::bundled()
            .units(&parse("m5.large"), &parse("m5.2xlarge")),
        Some(0.25)
    );
    assert_eq!(
        ec2_instance_type::catalogue::Catalogue::bundled()
            .units(&parse("m5.large"), &parse("c5.large")),
        None
    );
    assert_eq!(
        ec2_instance_type::catalogue::Catalogue::bundled()
            .units(&parse("mac2.metal"), &parse("mac2.metal")),
        None
    );
}

#[track_caller]
fn region(code: &str) -> Region {
    Region::parse(code).unwrap()
}

/// data/instance-types.csv: m9g.xlarge, the newest Graviton m, is not listed in ap-south-2;
/// every answer asked for ap-south-2 keeps to types listed there.
#[test]
fn answers_keep_to_the_region_asked() {
    let hyderabad = region("ap-south-2");
    assert_eq!(entry("m9g.xlarge").offered_in(hyderabad), Some(false));
    let alternatives = alternatives(entry("m5.xlarge"), Prefer::Newest, Some(hyderabad));
    let names: Vec<&str> = alternatives.iter().map(|a| a.entry.name()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(!names.contains(&"m9g.xlarge"));
    assert!(
        alternatives
            .iter()
            .all(|a| a.entry.offered_in(hyderabad) == Some(true))
    );
    let like = similar(entry("c5.2xlarge"), SimilarOptions::new().scope(hyderabad));
    assert!(!like.is_empty());
    assert!(
        like.iter()
            .all(|s| s.entry.offered_in(hyderabad) == Some(true))
    );
    let anywhere = similar(entry("c5.2xlarge"), SimilarOptions::new());
    assert!(like.len() < anywhere.len());
    // data/instance-types.csv: c6i.xlarge and c7i.xlarge are listed in ap-south-2.
    let newer = upgrades(entry("c5.xlarge"), Some(hyderabad));
    assert!(newer.iter().any(|u| u.entry.name() == "c6i.xlarge"));
    assert!(
        newer
            .iter()
            .all(|u| u.entry.offered_in(hyderabad) == Some(true))
    );
}

/// Types the offering data lists nowhere are unknown in every region: left out of a
/// region's answers and counted, never reported as offered.
#[test]
fn types_without_offering_data_are_left_out_and_counted() {
    let bundled = catalogue::Catalogue::bundled();
    let ireland = region("eu-west-1");
    let unknown = bundled
        .iter()
        .filter(|e| e.offered_in(ireland).is_none())
        .count();
    let not_offered = bundled
        .iter()
        .filter(|e| e.offered_in(ireland) == Some(false))
        .count();
    assert!(unknown > 0);
    let found = Query::new().scope(ireland).run(bundled);
    assert_eq!(found.unknown_offerings(), unknown);
    assert_eq!(found.len() + unknown + not_offered, bundled.len());
    // Without a region nothing is left out.
    assert_eq!(Query::new().run(bundled).unknown_offerings(), 0);
}

/// An alternative is another type: never the one asked about, even when it is the newest
/// of its processor (p5.48xlarge is the only Intel p5 of its size).
#[test]
fn alternatives_never_list_the_type_asked_about() {
    for name in ["p5.48xlarge", "m9g.xlarge", "m8i.xlarge", "c8a.large"] {
        for prefer in [Prefer::Newest, Prefer::Cheapest] {
            let found = alternatives(entry(name), prefer, None);
            assert!(found.iter().all(|a| a.entry.name() != name), "{name}");
        }
    }
}

/// data/instance-types.csv: hpc7a.12xlarge has a us-gov-west-1 price only. Ranked by
/// us-east-1 price it has none: it sorts last and fails any price cap.
#[test]
fn a_govcloud_price_is_never_ranked_as_us_east_1() {
    let bundled = catalogue::Catalogue::bundled();
    let hpc = entry("hpc7a.12xlarge");
    assert_eq!(hpc.on_demand(Region::us_east_1()), None);
    let fallback = hpc.price_or_fallback(Region::us_east_1()).unwrap();
    assert!(fallback.is_fallback());
    assert_eq!(fallback.region, "us-gov-west-1");
    let capped = Query::new().max_price(1000.0).run(bundled);
    assert!(capped.iter().all(|e| e.name() != "hpc7a.12xlarge"));
    let sorted = Query::new().sort_by(SortKey::Price).run(bundled);
    let at = sorted.iter().position(|e| *e == hpc).unwrap();
    assert!(
        sorted[at..]
            .iter()
            .all(|e| e.on_demand(Region::us_east_1()).is_none())
    );
}

/// Sizes and normalization units are the catalogue's own (data/instance-types.csv).
#[test]
fn sizes_and_units_of_a_catalogue() {
    let bundled = catalogue::Catalogue::bundled();
    let xlarge = InstanceType::parse("m5.xlarge").unwrap();
    let metal = InstanceType::parse("m5.metal").unwrap();
    assert_eq!(bundled.units(&metal, &xlarge), Some(24.0));
    assert_eq!(bundled.normalization_factor(&metal), Some(192.0));
    assert_eq!(entry("m5.metal").normalization_factor(), Some(192.0));
    assert_eq!(
        entry("m5.xlarge").next_larger().map(Entry::name),
        Some("m5.2xlarge")
    );
    assert_eq!(
        entry("m5.xlarge").next_smaller().map(Entry::name),
        Some("m5.large")
    );
    // A size the catalogue lacks still has neighbours.
    let between = InstanceType::parse("m5.3xlarge").unwrap();
    assert_eq!(
        bundled.next_larger(&between).map(Entry::name),
        Some("m5.4xlarge")
    );
    assert_eq!(
        bundled.next_smaller(&between).map(Entry::name),
        Some("m5.2xlarge")
    );
    // mac2.metal has no other size to take a factor from.
    assert_eq!(entry("mac2.metal").normalization_factor(), None);
}

/// Name-part errors say what and which kind, with exact messages.
#[test]
fn name_part_errors_have_kinds() {
    use ec2_instance_type::query::NamePartErrorKind as Kind;
    for (text, kind, message) in [
        (
            "flex",
            Kind::MissingKind,
            "expected KIND:VALUE such as option:flex, found 'flex'",
        ),
        (
            "series:G",
            Kind::InvalidValue,
            "'G' is not a lowercase name part",
        ),
        (
            "colour:g",
            Kind::UnknownKind,
            "unknown kind 'colour', expected family, series, letter or option",
        ),
        (
            "letter:gd",
            Kind::UnknownValue,
            "a capability letter is one letter, found 'gd'",
        ),
    ] {
        let err = text.parse::<NamePart>().unwrap_err();
        assert_eq!(
            (err.kind(), err.to_string().as_str()),
            (kind, message),
            "{text}"
        );
    }
}

/// A price difference is of the region asked for or none: with the bundled prices
/// (us-east-1's) an answer in eu-west-1 ranks by us-east-1's and says so, with no
/// difference; with eu-west-1's own prices it gives them.
#[cfg(feature = "overlay")]
#[test]
fn price_differences_are_of_the_region_asked_or_none() {
    use ec2_instance_type::catalogue::Catalogue;
    use ec2_instance_type::query::{Prefer, alternatives};
    let eu = Region::parse("eu-west-1").unwrap();
    let bundled = alternatives(catalogue::get("m5.xlarge").unwrap(), Prefer::Cheapest, eu);
    assert_eq!(bundled.prices_region(), Region::us_east_1());
    assert!(!bundled.is_empty());
    assert!(bundled.iter().all(|a| a.price_difference.is_none()));
    let mut owned = Catalogue::bundled().clone();
    owned
        .apply_prices_csv(
            "region,instance_type,usd_per_hour\neu-west-1,m5.xlarge,0.214\neu-west-1,m6g.xlarge,0.172\n".as_bytes(),
            "prices.csv",
        )
        .unwrap();
    let priced = alternatives(owned.get("m5.xlarge").unwrap(), Prefer::Cheapest, eu);
    assert_eq!(priced.prices_region(), eu);
    let graviton = priced
        .iter()
        .find(|a| a.entry.name() == "m6g.xlarge")
        .unwrap();
    assert!((graviton.price_difference.unwrap() - (0.172 - 0.214)).abs() < 1e-9);
}
