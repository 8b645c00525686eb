//! Owned catalogues over the bundled snapshot, fed with the real AWS CLI's output (made by
//! `tests/fixtures/aws-cli/regenerate.sh` against a moto server) and a hand-written price
//! CSV: override, addition, per-region offerings and prices, and every bad input.

#![cfg(feature = "overlay")]
// Prices are copied from the input: exact comparisons are the point.
#![allow(clippy::float_cmp)]

use ec2_instance_type::Region;
use ec2_instance_type::catalogue::{Catalogue, DataErrorKind, DataFormat, Tenancy};
use ec2_instance_type::query::{Query, SortKey};

const TYPES: &str = include_str!("fixtures/aws-cli/describe-instance-types.json");
const OFFERS: &str = include_str!("fixtures/aws-cli/offerings-eu-west-1.json");
const ZONES: &str = include_str!("fixtures/aws-cli/offerings-eu-west-1-zones.json");
const ZONE_IDS: &str = include_str!("fixtures/aws-cli/offerings-eu-west-1-zone-ids.json");
const PRICES: &str = include_str!("fixtures/aws-cli/prices.csv");

fn region(code: &str) -> Region {
    Region::parse(code).unwrap()
}

fn owned() -> Catalogue {
    Catalogue::bundled().clone()
}

#[test]
fn describe_records_replace_and_add() {
    let mut catalogue = owned();
    assert_eq!(
        catalogue
            .apply_describe_instance_types(TYPES.as_bytes(), "types.json")
            .unwrap()
            .records,
        5
    );
    assert_eq!(catalogue.len(), Catalogue::bundled().len());
    let p5 = catalogue.get("p5.48xlarge").unwrap().specs().unwrap();
    assert_eq!(p5.source, "types.json");
    assert_eq!((p5.vcpus, p5.network.eks_max_pods()), (192, 100));
    // Everything else is the bundled snapshot's.
    assert_eq!(
        catalogue.get("c5.large").unwrap().specs().unwrap().source,
        "moto 5.2.5, 2026-10-27"
    );

    // A record of a name the snapshot does not know is added, and parses.
    let future = TYPES.replace("\"m7g.xlarge\"", "\"m11g.xlarge\"");
    catalogue
        .apply_describe_instance_types(future.as_bytes(), "types.json")
        .unwrap();
    assert_eq!(catalogue.len(), 1438);
    let added = catalogue.get("m11g.xlarge").unwrap();
    assert_eq!(added.specs().unwrap().vcpus, 4);
    assert_eq!(added.regions(), None);
    assert_eq!(added.instance_type().generation(), Some(11));
    // Several pages one after another, and a bare array of records.
    let pages = format!("{TYPES}\n{TYPES}");
    assert_eq!(
        owned()
            .apply_describe_instance_types(pages.as_bytes(), "types.json")
            .unwrap()
            .records,
        10
    );
    let array = serde_json::to_string(
        &serde_json::from_str::<serde_json::Value>(TYPES).unwrap()["InstanceTypes"],
    )
    .unwrap();
    assert_eq!(
        owned()
            .apply_describe_instance_types(array.as_bytes(), "types.json")
            .unwrap()
            .records,
        5
    );
    // An empty catalogue filled from the file alone.
    let mut alone = Catalogue::empty();
    alone
        .apply_describe_instance_types(TYPES.as_bytes(), "types.json")
        .unwrap();
    assert_eq!(alone.len(), 5);
    assert!(alone.get("m5.xlarge").is_none());
}

#[test]
fn offerings_replace_a_region_and_keep_the_others() {
    let mut catalogue = owned();
    let eu = region("eu-west-1");
    let listed_before = owned()
        .iter()
        .filter(|e| e.offered_in(eu) == Some(true))
        .count();
    let report = catalogue
        .apply_offerings(OFFERS.as_bytes(), "offers.json")
        .unwrap();
    let replaced = report.regions[0];
    assert_eq!(report.regions.len(), 1);
    assert_eq!(
        (replaced.region, replaced.before, replaced.after),
        (eu, Some(listed_before), 2)
    );
    assert_eq!(
        (report.records, report.format),
        (2, DataFormat::RegionOfferings)
    );
    assert!(replaced.replaced);
    // Where the offerings came from.
    let m5 = catalogue.get("m5.large").unwrap();
    assert!(
        m5.regions_source()
            .ends_with("; eu-west-1 from offers.json"),
        "{}",
        m5.regions_source()
    );
    assert_eq!(
        catalogue.get("m5.large").unwrap().offered_in(eu),
        Some(true)
    );
    assert_eq!(
        catalogue.get("c5.large").unwrap().offered_in(eu),
        Some(false)
    );
    assert_eq!(
        catalogue
            .get("c5.large")
            .unwrap()
            .offered_in(region("us-east-1")),
        Some(true)
    );
    // An availability zone's list (`--location-type availability-zone`, here m5.large in
    // three zones) adds to its region and takes nothing away: it is not the region's
    // list (a trial found `eu-west-1: replace 600 bundled types with 1`).
    let mut zones = owned();
    let report = zones
        .apply_offerings(ZONES.as_bytes(), "offers.json")
        .unwrap();
    assert_eq!(report.format, DataFormat::ZoneOfferings);
    let change = report.regions[0];
    assert_eq!((change.region, change.replaced), (eu, false));
    assert_eq!(
        (change.before, change.after),
        (Some(listed_before), listed_before)
    );
    assert_eq!(zones.get("m5.large").unwrap().offered_in(eu), Some(true));
    assert_eq!(zones.get("c5.large").unwrap().offered_in(eu), Some(true));
    assert!(
        zones
            .get("m5.large")
            .unwrap()
            .regions_source()
            .ends_with("eu-west-1 zones added offers.json")
    );
    // In a region no list covers, a zone's types are offered there and the others stay
    // unknown.
    let mut zones = owned();
    let mexico_zones = ZONES.replace("eu-west-1", "mx-central-1");
    zones
        .apply_offerings(mexico_zones.as_bytes(), "offers.json")
        .unwrap();
    let mx = region("mx-central-1");
    assert_eq!(zones.get("m5.large").unwrap().offered_in(mx), Some(true));
    assert_eq!(zones.get("c5.large").unwrap().offered_in(mx), None);
    // A region the snapshot does not cover becomes covered.
    let mexico = OFFERS.replace("eu-west-1", "mx-central-1");
    let mut catalogue = owned();
    assert_eq!(catalogue.get("m5.large").unwrap().offered_in(mx), None);
    catalogue
        .apply_offerings(mexico.as_bytes(), "offers.json")
        .unwrap();
    assert_eq!(
        catalogue.get("m5.large").unwrap().offered_in(mx),
        Some(true)
    );
    assert_eq!(
        catalogue.get("c5.large").unwrap().offered_in(mx),
        Some(false)
    );
    let found = Query::new().scope(mx).run(&catalogue);
    let names: Vec<&str> = found.iter().map(|e| e.name()).collect();
    assert_eq!(names, ["m5.large", "m7g.xlarge"]);
    // An empty list changes nothing and says so.
    let mut same = owned();
    let report = same
        .apply_offerings(r#"{"InstanceTypeOfferings": []}"#.as_bytes(), "offers.json")
        .unwrap();
    assert!(report.regions.is_empty());
    assert_eq!(same.get("m5.large").unwrap().offered_in(eu), Some(true));
}

#[test]
fn prices_for_any_region() {
    let mut catalogue = owned();
    assert_eq!(
        catalogue
            .apply_prices_csv(PRICES.as_bytes(), "prices.csv")
            .unwrap()
            .records,
        3
    );
    let eu = region("eu-west-1");
    let m5 = catalogue.get("m5.large").unwrap();
    assert_eq!(
        m5.price_or_fallback(ec2_instance_type::Region::us_east_1())
            .unwrap()
            .usd_per_hour,
        0.096
    );
    let in_eu = m5.on_demand(eu).unwrap();
    assert_eq!(
        (in_eu.usd_per_hour, in_eu.region, in_eu.tenancy),
        (0.107, "eu-west-1", Tenancy::Shared)
    );
    assert_eq!(
        catalogue
            .get("c6g.metal")
            .unwrap()
            .on_demand(eu)
            .unwrap()
            .tenancy,
        Tenancy::Dedicated
    );
    assert!(catalogue.has_prices_for(eu));
    assert!(!Catalogue::bundled().has_prices_for(eu));
    // The spot estimate of a region comes with that region's own price.
    let estimate = m5.spot_estimate(eu).map(|s| s.usd_per_hour).unwrap();
    let savings = f64::from(m5.spot(eu).unwrap().savings_percent);
    assert!((estimate - 0.107 * (1.0 - savings / 100.0)).abs() < 1e-12);
    // A query on the region sorts by that region's prices.
    let found = Query::new()
        .scope(eu)
        .sort_by(SortKey::Price)
        .limit(2)
        .run(&catalogue);
    assert_eq!(found[0].name(), "m5.large");
}

/// The input was refused with `kind` and `message`, after the name it was applied under.
#[track_caller]
fn refused(
    result: Result<impl std::fmt::Debug, ec2_instance_type::catalogue::DataError>,
    kind: DataErrorKind,
    message: &str,
) {
    let err = result.expect_err(message);
    let source = err.source_name().expect("errors name their input");
    assert_eq!(err.to_string(), format!("{source}: {message}"));
    assert_eq!(err.kind(), kind, "{message}");
}

#[test]
fn bad_input_is_refused_whole_with_where() {
    let mut catalogue = owned();
    let truncated = &TYPES[..TYPES.len() / 2];
    let err = catalogue
        .apply_describe_instance_types(truncated.as_bytes(), "types.json")
        .unwrap_err();
    assert!(err.to_string().starts_with("types.json: line "), "{err}");
    assert_eq!(err.kind(), DataErrorKind::NotJson);
    assert!(err.line().is_some());
    refused(
        catalogue.apply_describe_instance_types(
            r#"{"InstanceTypes": [{"VCpuInfo": {}}]}"#.as_bytes(),
            "types.json",
        ),
        DataErrorKind::MissingField,
        "line 1, column 1: record 1 of the document: no \"InstanceType\"",
    );
    refused(
        catalogue.apply_describe_instance_types(
            r#"{"InstanceTypes": [{"InstanceType": "m5.xxlarge"}]}"#.as_bytes(),
            "types.json",
        ),
        DataErrorKind::InvalidName,
        "line 1, column 21: record 1 of the document: \"m5.xxlarge\": unknown size 'xxlarge', did you mean '2xlarge'",
    );
    refused(
        catalogue.apply_describe_instance_types(r#"{"Reservations": []}"#.as_bytes(), "types.json"),
        DataErrorKind::UnexpectedShape,
        "line 1, column 1: expected {\"InstanceTypes\": [...]} or a JSON array of records",
    );
    refused(
        catalogue.apply_offerings(ZONE_IDS.as_bytes(), "offers.json"),
        DataErrorKind::InvalidValue,
        "line 4, column 13: offering 1 of the document: LocationType availability-zone-id names zones by ID, which do not say their region: ask for --location-type region",
    );
    refused(
        catalogue.apply_offerings(
            OFFERS.replace("\"region\"", "\"outpost\"").as_bytes(),
            "offers.json",
        ),
        DataErrorKind::InvalidValue,
        "line 4, column 13: offering 1 of the document: unknown LocationType \"outpost\", expected \"region\" or \"availability-zone\"",
    );
}

/// The price CSV as spreadsheets write it: a byte-order mark, quoted fields, spaces
/// around values, columns in any order, Windows line ends, and an `os` column (a trial
/// found a BOM and a quoted field refused: the file was split on `,` by hand).
#[test]
fn price_csv_as_spreadsheets_write_it() {
    let mut catalogue = owned();
    let csv = "\u{feff}os, usd_per_hour ,\"region\",instance_type,tenancy\r\n\
               Windows,\"0.199\", eu-west-1 ,m5.large,shared\r\n\
               linux,0.107,eu-west-1,\"m5.large\",\r\n";
    let applied = catalogue
        .apply_prices_csv(csv.as_bytes(), "prices.csv")
        .unwrap();
    assert_eq!(
        (applied.format, applied.records),
        (DataFormat::PricesCsv, 2)
    );
    let eu = region("eu-west-1");
    let m5 = catalogue.get("m5.large").unwrap();
    let windows = m5.on_demand_for(eu, "Windows", Tenancy::Shared).unwrap();
    assert_eq!((windows.usd_per_hour, windows.os), (0.199, "Windows"));
    let linux = m5.on_demand(eu).unwrap();
    assert_eq!((linux.usd_per_hour, linux.os), (0.107, "Linux"));
    // The same file, recognised by its content.
    let mut recognised = owned();
    let applied = recognised.apply(csv.as_bytes(), "prices.csv").unwrap();
    assert_eq!(applied.format, DataFormat::PricesCsv);
}

#[test]
fn bad_price_lines_are_refused_whole_with_the_line() {
    let mut catalogue = owned();
    refused(
        catalogue.apply_prices_csv(
            "region,instance_type,usd_per_hour\neu-west-1,m5.large,-0.1\n".as_bytes(),
            "prices.csv",
        ),
        DataErrorKind::InvalidValue,
        "line 2: price \"-0.1\" is not a positive number",
    );
    refused(
        catalogue.apply_prices_csv(
            "region,instance_type,usd_per_hour\neu-west-1,m5.large,cheap\n".as_bytes(),
            "prices.csv",
        ),
        DataErrorKind::InvalidValue,
        "line 2: price \"cheap\" is not a positive number",
    );
    refused(
        catalogue.apply_prices_csv(
            "region,instance_type,usd_per_hour\neu-west1,m5.large,0.1\n".as_bytes(),
            "prices.csv",
        ),
        DataErrorKind::UnknownRegion,
        "line 2: invalid region 'eu-west1', expected a code such as 'us-east-1', did you mean 'eu-west-1'",
    );
    refused(
        catalogue.apply_prices_csv(
            "region,instance_type,usd_per_hour\neu-west-1,m5.xxlarge,0.1\n".as_bytes(),
            "prices.csv",
        ),
        DataErrorKind::InvalidName,
        "line 2: \"m5.xxlarge\": unknown size 'xxlarge', did you mean '2xlarge'",
    );
    refused(
        catalogue.apply_prices_csv(
            "region,instance_type,usd_per_hour,tenancy\neu-west-1,m5.large,0.1,hosted\n".as_bytes(),
            "prices.csv",
        ),
        DataErrorKind::InvalidValue,
        "line 2: unknown tenancy 'hosted', expected one of shared, dedicated, host, did you mean 'host'",
    );
    refused(
        catalogue.apply_offerings(r#"{"InstanceTypeOfferings": [{"InstanceType": "m5.large", "LocationType": "region", "Location": "eu-west-9"}]}"#.as_bytes(), "offers.json"),
        DataErrorKind::UnknownRegion,
        "line 1, column 29: offering 1 of the document: \"eu-west-9\" is not in a known region",
    );
    refused(
        catalogue.apply_prices_csv(
            "instance_type,price\nm5.large,0.1\n".as_bytes(),
            "prices.csv",
        ),
        DataErrorKind::UnexpectedShape,
        "line 1: unknown column \"price\": expected region,instance_type,usd_per_hour (and optionally tenancy, os)",
    );
    refused(
        catalogue.apply_prices_csv(
            "region,instance_type,usd_per_hour\neu-west-1,m5.large\n".as_bytes(),
            "prices.csv",
        ),
        DataErrorKind::UnexpectedShape,
        "line 2: expected 3 fields, found 2",
    );
    refused(
        catalogue.apply_prices_csv(
            "region,instance_type,tennancy,usd_per_hour\n".as_bytes(),
            "prices.csv",
        ),
        DataErrorKind::UnexpectedShape,
        "line 1: unknown column \"tennancy\": expected region,instance_type,usd_per_hour (and optionally tenancy, os)",
    );
    // Nothing was applied: the catalogue is still the bundled snapshot's.
    assert_eq!(catalogue.len(), Catalogue::bundled().len());
    assert_eq!(
        catalogue
            .get("p5.48xlarge")
            .unwrap()
            .specs()
            .unwrap()
            .source,
        "moto 5.2.5, 2026-10-27"
    );
    assert_eq!(
        catalogue
            .get("m5.large")
            .unwrap()
            .on_demand(region("eu-west-1")),
        None
    );
}

/// The generator (`xtask`, moto's records to `data/` to the bundled table) and the
/// library's reader of records must agree: the AWS CLI's records from moto 5.2.5 read
/// into the same specs the bundled snapshot holds for them (apart from the source).
#[test]
fn the_generator_and_the_record_reader_agree() {
    let mut catalogue = Catalogue::empty();
    catalogue
        .apply_describe_instance_types(TYPES.as_bytes(), "types.json")
        .unwrap();
    assert_eq!(catalogue.len(), 5);
    for entry in catalogue.iter() {
        let mut read = entry.specs().unwrap();
        let bundled = Catalogue::bundled()
            .get(entry.name())
            .unwrap()
            .specs()
            .unwrap();
        read.source = bundled.source;
        assert_eq!(read, bundled, "{}", entry.name());
    }
}

/// Each catalogue owns its texts: many catalogues with texts the bundled snapshot lacks
/// each keep their own (the old process-wide table held 65,536 at most and never freed
/// one).
#[test]
fn catalogues_own_their_texts() {
    let ireland = region("eu-west-1");
    for i in 0..70_000 {
        let mut catalogue = Catalogue::empty();
        let source = format!("prices-{i}.csv");
        catalogue
            .apply_prices_csv(
                "region,instance_type,usd_per_hour\neu-west-1,m5.large,0.1\n".as_bytes(),
                &source,
            )
            .unwrap();
        let price = catalogue
            .get("m5.large")
            .unwrap()
            .on_demand(ireland)
            .unwrap();
        assert_eq!(price.source, source);
    }
    // A GPU model the snapshot does not know lives in the catalogue that read it.
    let mut one = Catalogue::empty();
    one.apply_describe_instance_types(TYPES.replace("\"H100\"", "\"H900\"").as_bytes(), "a.json")
        .unwrap();
    let mut other = Catalogue::empty();
    other
        .apply_describe_instance_types(TYPES.replace("\"H100\"", "\"Z1\"").as_bytes(), "b.json")
        .unwrap();
    assert_eq!((model(&one), model(&other)), ("H900", "Z1"));
}

/// The GPU model of p5.48xlarge in `catalogue`.
fn model(c: &Catalogue) -> &str {
    c.get("p5.48xlarge")
        .unwrap()
        .specs()
        .unwrap()
        .gpu
        .unwrap()
        .model
}

/// A family the user's data adds gets every answer the bundled ones get: a bare metal
/// size takes its normalization factor from its family in that catalogue.
#[test]
fn owned_families_get_every_answer() {
    let future = TYPES
        .replace("\"m7g.xlarge\"", "\"m77g.xlarge\"")
        .replace("\"p5.48xlarge\"", "\"m77g.metal\"");
    let mut catalogue = Catalogue::empty();
    catalogue
        .apply_describe_instance_types(future.as_bytes(), "future.json")
        .unwrap();
    let metal = catalogue.get("m77g.metal").unwrap();
    assert_eq!(metal.normalization_factor(), Some(8.0));
    assert_eq!(metal.next_smaller().unwrap().name(), "m77g.xlarge");
    let xlarge = catalogue.get("m77g.xlarge").unwrap();
    assert_eq!(
        catalogue.units(&metal.instance_type(), &xlarge.instance_type()),
        Some(1.0)
    );
    // The bundled catalogue knows nothing of it.
    assert_eq!(
        ec2_instance_type::InstanceType::parse("m77g.metal")
            .unwrap()
            .normalization_factor(),
        None
    );
}

/// A bad record past the first is found where it names its type, not at the document's
/// start (every error used to say line 1, column 1).
#[test]
fn errors_point_at_their_record() {
    let second = TYPES.match_indices("\"InstanceType\"").nth(1).unwrap().0;
    let line = TYPES[..second].lines().count();
    let bad_second = format!(
        "{}{}",
        &TYPES[..second],
        TYPES[second..].replacen("\"SizeInMiB\": ", "\"SizeInMiB\": \"x\", \"Was\": ", 1)
    );
    let err = owned()
        .apply_describe_instance_types(bad_second.as_bytes(), "types.json")
        .unwrap_err();
    assert!(line > 1);
    assert_eq!(err.line(), Some(line), "{err}");
    assert_eq!(err.kind(), DataErrorKind::InvalidValue);
    let second_name = TYPES[second..].split('"').nth(3).unwrap();
    assert_eq!(
        err.to_string(),
        format!(
            "types.json: line {line}, column {}: record 2 of the document: {second_name}: \
             MemoryInfo.SizeInMiB: invalid type: string \"x\", expected u64",
            err.column().unwrap()
        )
    );
}

/// A catalogue built from nothing says where its offerings come from once it has some.
#[test]
fn sources_of_a_catalogue_built_from_nothing() {
    let mut catalogue = Catalogue::empty();
    catalogue
        .apply_offerings(OFFERS.as_bytes(), "offers.json")
        .unwrap();
    let m5 = catalogue.get("m5.large").unwrap();
    assert_eq!(m5.regions_source(), "eu-west-1 from offers.json");
    assert_eq!(m5.specs(), None);
}

/// A record that does not give cores or threads has them unknown, never 0 (a trial found
/// `show` printing `0 cores x 0 threads`).
#[test]
fn cores_a_record_does_not_give_are_unknown() {
    // describe-instance-types as AWS prints a record with VCpuInfo.DefaultVCpus only
    // (older moto snapshots and some bare metal records have no DefaultCores).
    let record = r#"{"InstanceTypes": [{"InstanceType": "m5.large",
        "VCpuInfo": {"DefaultVCpus": 2}, "MemoryInfo": {"SizeInMiB": 8192}}]}"#;
    let mut catalogue = owned();
    catalogue
        .apply_describe_instance_types(record.as_bytes(), "types.json")
        .unwrap();
    let specs = catalogue.get("m5.large").unwrap().specs().unwrap();
    assert_eq!(
        (specs.vcpus, specs.cores, specs.threads_per_core),
        (2, None, None)
    );
}

/// A record without memory is refused by the field's name; the record goes to the
/// stored specs through typed fields, so there is no column to misspell.
#[test]
fn a_record_without_memory_is_refused_by_name() {
    let record =
        r#"{"InstanceTypes": [{"InstanceType": "m5.large", "VCpuInfo": {"DefaultVCpus": 2}}]}"#;
    let err = owned()
        .apply_describe_instance_types(record.as_bytes(), "types.json")
        .unwrap_err();
    assert_eq!(err.kind(), DataErrorKind::MissingField);
    assert!(
        err.to_string().ends_with("m5.large: memory_mib: missing"),
        "{err}"
    );
}
