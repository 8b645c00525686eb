//! AWS's own price lists as an owned catalogue's prices: the bulk offer file (CSV) and the
//! JSON of `aws pricing get-products`, by region, operating system and tenancy. The
//! fixtures (`tests/fixtures/price-list/`, written by its `make.py`) are in AWS's exact
//! formats: a real 2025-09-12 offer-file header and real Reserved rows, and one row per
//! rule.

#![cfg(feature = "overlay")]
// Prices are compared as the fixtures write them.
#![allow(clippy::float_cmp)]

use ec2_instance_type::Region;
use ec2_instance_type::catalogue::{Catalogue, DataErrorKind, DataFormat, Tenancy};
use ec2_instance_type::query::{Query, SortKey};

const OFFER: &str = include_str!("fixtures/price-list/offer-eu-west-1.csv");
const PRODUCTS: &str = include_str!("fixtures/price-list/get-products.json");
const OFFER_JSON: &str = include_str!("fixtures/price-list/offer-eu-west-1.json");

fn ireland() -> Region {
    Region::parse("eu-west-1").unwrap()
}

#[track_caller]
fn price(catalogue: &Catalogue, name: &str, os: &str, tenancy: Tenancy) -> Option<f64> {
    let entry = catalogue.get(name).unwrap();
    entry
        .on_demand_for(ireland(), os, tenancy)
        .map(|p| p.usd_per_hour)
}

#[test]
fn the_offer_file_gives_on_demand_prices_by_os_and_tenancy() {
    let mut catalogue = Catalogue::bundled().clone();
    let report = catalogue
        .apply_offer_file(OFFER.as_bytes(), "offer.csv")
        .unwrap();
    // m5.large Linux, Windows, RHEL shared and Linux dedicated; c6g.metal; c6g.16xlarge.
    assert_eq!(report.records, 6);
    assert_eq!(report.published.as_deref(), Some("2025-09-12T22:53:08Z"));
    let shared = Tenancy::Shared;
    assert_eq!(price(&catalogue, "m5.large", "linux", shared), Some(0.107));
    // Not the SQL Server row (0.584), not the BYOL row (0.107).
    assert_eq!(
        price(&catalogue, "m5.large", "Windows", shared),
        Some(0.199)
    );
    assert_eq!(price(&catalogue, "m5.large", "rhel", shared), Some(0.167));
    assert_eq!(
        price(&catalogue, "m5.large", "linux", Tenancy::Dedicated),
        Some(0.118)
    );
    // The instances of a Dedicated Host are listed at 0: no price.
    assert_eq!(price(&catalogue, "m5.large", "linux", Tenancy::Host), None);
    let m5 = catalogue.get("m5.large").unwrap();
    let linux = m5.on_demand(ireland()).unwrap();
    assert_eq!((linux.os, linux.tenancy), ("Linux", Tenancy::Shared));
    assert_eq!(linux.source, "offer.csv, published 2025-09-12T22:53:08Z");
    let windows = m5.on_demand_for(ireland(), "windows", shared).unwrap();
    assert_eq!((windows.os, windows.region), ("Windows", "eu-west-1"));
    // The bundled us-east-1 price is still there.
    assert_eq!(
        m5.on_demand(Region::us_east_1()).unwrap().usd_per_hour,
        0.096
    );
    // Bare metal keeps its Dedicated rate; the spot estimate uses the shared price of the
    // same-vCPU size of the region, and stays Linux.
    assert_eq!(
        price(&catalogue, "c6g.metal", "linux", Tenancy::Dedicated),
        Some(2.304)
    );
    // Queries in eu-west-1 now compare eu-west-1 prices.
    let bundled_query = Query::new().scope(ireland()).sort_by(SortKey::Price);
    assert!(!bundled_query.prices_from_another_region(&catalogue));
}

#[test]
fn get_products_json_gives_the_same_prices() {
    let mut catalogue = Catalogue::bundled().clone();
    let report = catalogue
        .apply_get_products(PRODUCTS.as_bytes(), "products.json")
        .unwrap();
    assert_eq!(report.records, 3);
    assert_eq!(report.published.as_deref(), Some("2025-09-12T22:53:08Z"));
    assert_eq!(
        price(&catalogue, "m5.large", "Linux", Tenancy::Shared),
        Some(0.107)
    );
    assert_eq!(
        price(&catalogue, "m5.large", "Windows", Tenancy::Shared),
        Some(0.199)
    );
    assert_eq!(
        price(&catalogue, "m5.large", "Linux", Tenancy::Dedicated),
        Some(0.118)
    );
}

/// The input refused, with `kind` and `message` after the source name; nothing applied.
#[track_caller]
fn refused(
    apply: impl FnOnce(
        &mut Catalogue,
    ) -> Result<
        ec2_instance_type::catalogue::Applied,
        ec2_instance_type::catalogue::DataError,
    >,
    kind: DataErrorKind,
    message: &str,
) {
    let mut catalogue = Catalogue::bundled().clone();
    let err = apply(&mut catalogue).unwrap_err();
    assert_eq!(err.kind(), kind, "{err}");
    let source = err.source_name().unwrap();
    assert_eq!(err.to_string(), format!("{source}: {message}"));
    let m5 = catalogue.get("m5.large").unwrap();
    assert_eq!(m5.on_demand(ireland()), None, "nothing half-applied");
}

#[test]
fn bad_price_lists_name_the_line_or_element() {
    let price_line = OFFER
        .lines()
        .position(|l| l.contains("SKU0000000000002"))
        .unwrap()
        + 1;
    refused(
        |c| {
            c.apply_offer_file(
                OFFER.replace("\"0.1990000000\"", "\"n/a\"").as_bytes(),
                "offer.csv",
            )
        },
        DataErrorKind::InvalidValue,
        &format!("line {price_line}: price 'n/a' is not a number"),
    );
    let usd = OFFER.replacen("\"0.1070000000\",\"USD\"", "\"0.1070000000\",\"CNY\"", 1);
    let cny_line = usd.lines().position(|l| l.contains("\"CNY\"")).unwrap() + 1;
    refused(
        |c| c.apply_offer_file(usd.as_bytes(), "offer.csv"),
        DataErrorKind::InvalidValue,
        &format!("line {cny_line}: currency 'CNY' is not USD"),
    );
    refused(
        |c| {
            c.apply_offer_file(
                OFFER.replacen("\"Location\"", "\"Place\"", 1).as_bytes(),
                "offer.csv",
            )
        },
        DataErrorKind::MissingField,
        "line 6: no column \"Location\" in the header",
    );
    refused(
        |c| {
            c.apply_offer_file(
                OFFER
                    .replacen("\"AmazonEC2\"\n", "\"AmazonRDS\"\n", 1)
                    .as_bytes(),
                "offer.csv",
            )
        },
        DataErrorKind::UnexpectedShape,
        "line 5: the price list of AmazonRDS, expected AmazonEC2",
    );
    refused(
        |c| {
            c.apply_offer_file(
                "region,instance_type,usd_per_hour\n".as_bytes(),
                "offer.csv",
            )
        },
        DataErrorKind::UnexpectedShape,
        "line 1: expected \"FormatVersion\" on line 1 of an AWS Price List file",
    );
    refused(
        |c| {
            c.apply_get_products(
                PRODUCTS.replacen("\"{\\\"product", "\"{oops", 1).as_bytes(),
                "products.json",
            )
        },
        DataErrorKind::NotJson,
        "line 1, column 1: PriceList element 1: not a product's JSON: key must be a string at line 1 column 2",
    );
    refused(
        |c| {
            c.apply_get_products(
                "{\"FormatVersion\": \"aws_v1\"}".as_bytes(),
                "products.json",
            )
        },
        DataErrorKind::UnexpectedShape,
        "line 1, column 1: expected {\"PriceList\": [...]} as aws pricing get-products prints it",
    );
}

#[test]
fn bad_offer_files_as_json_name_the_place_or_sku() {
    refused(
        |c| {
            c.apply_offer_file(
                OFFER_JSON
                    .replacen(
                        "\"offerCode\" : \"AmazonEC2\"",
                        "\"offerCode\" : \"AmazonRDS\"",
                        1,
                    )
                    .as_bytes(),
                "index.json",
            )
        },
        DataErrorKind::UnexpectedShape,
        "the price list of AmazonRDS, expected AmazonEC2",
    );
    refused(
        |c| c.apply_offer_file(&OFFER_JSON.as_bytes()[..2000], "index.json"),
        DataErrorKind::NotJson,
        "line 53, column 29: not an AWS Price List offer file: EOF while parsing a string",
    );
    refused(
        |c| {
            c.apply_offer_file(
                OFFER_JSON.replace("\"0.1990000000\"", "\"n/a\"").as_bytes(),
                "index.json",
            )
        },
        DataErrorKind::InvalidValue,
        "terms.OnDemand.SKU0000000000002: price 'n/a' is not a number",
    );
}

/// Every price of the fixtures' m5.large, c6g.metal and c6g.16xlarge in Ireland.
fn prices_of(catalogue: &Catalogue) -> Vec<Option<f64>> {
    let mut all = Vec::new();
    for os in ["Linux", "Windows", "RHEL"] {
        for tenancy in [Tenancy::Shared, Tenancy::Dedicated, Tenancy::Host] {
            all.push(price(catalogue, "m5.large", os, tenancy));
        }
    }
    all.push(price(catalogue, "c6g.metal", "Linux", Tenancy::Dedicated));
    all.push(price(catalogue, "c6g.16xlarge", "Linux", Tenancy::Shared));
    all
}

/// The offer file as JSON (`index.json`, the form opencost reads) gives what its CSV form
/// gives: the same products, terms and rules (a trial found it refused as "not an AWS
/// Price List offer file").
#[test]
fn the_offer_file_as_json_gives_what_the_csv_gives() {
    let mut from_csv = Catalogue::bundled().clone();
    let csv = from_csv
        .apply_offer_file(OFFER.as_bytes(), "index.csv")
        .unwrap();
    let mut from_json = Catalogue::bundled().clone();
    let json = from_json
        .apply_offer_file(OFFER_JSON.as_bytes(), "index.json")
        .unwrap();
    assert_eq!(
        (csv.format, json.format),
        (DataFormat::OfferFileCsv, DataFormat::OfferFileJson)
    );
    assert_eq!((json.records, json.unknown_places), (csv.records, 0));
    assert_eq!(json.published, csv.published);
    assert_eq!(prices_of(&from_json), prices_of(&from_csv));
    assert_eq!(
        price(&from_json, "m5.large", "Windows", Tenancy::Shared),
        Some(0.199)
    );
    let m5 = from_json.get("m5.large").unwrap();
    assert_eq!(
        m5.on_demand(ireland()).unwrap().source,
        "index.json, published 2025-09-12T22:53:08Z"
    );
    // Recognised by content, as `--data` does.
    let mut recognised = Catalogue::bundled().clone();
    let applied = recognised
        .apply(OFFER_JSON.as_bytes(), "index.json")
        .unwrap();
    assert_eq!(applied, json);
    assert_eq!(
        recognised
            .apply(OFFER.as_bytes(), "index.csv")
            .unwrap()
            .format,
        DataFormat::OfferFileCsv
    );
    assert_eq!(
        recognised
            .apply(PRODUCTS.as_bytes(), "products.json")
            .unwrap()
            .format,
        DataFormat::GetProducts
    );
}

/// A product without `regionCode` is placed by its `location` (a trial found it dropped as
/// "a region this version does not know", though its location was US East (N.
/// Virginia)); a region's location this version does not know is refused by name; a
/// Local Zone's is left out and counted.
#[test]
fn products_without_a_region_code_are_placed_by_location() {
    let without_code = PRODUCTS.replace(r#"\"regionCode\":\"eu-west-1\","#, "");
    assert!(!without_code.contains("regionCode"));
    let mut catalogue = Catalogue::bundled().clone();
    let applied = catalogue
        .apply_get_products(without_code.as_bytes(), "products.json")
        .unwrap();
    assert_eq!(applied.records, 3);
    assert_eq!(
        price(&catalogue, "m5.large", "Linux", Tenancy::Shared),
        Some(0.107)
    );
    // The offer file of before 2022, without the Region Code column.
    let old_csv = OFFER.replacen("\"Region Code\"", "\"Old Column\"", 1);
    let mut catalogue = Catalogue::bundled().clone();
    catalogue
        .apply_offer_file(old_csv.as_bytes(), "index.csv")
        .unwrap();
    assert_eq!(
        price(&catalogue, "m5.large", "RHEL", Tenancy::Shared),
        Some(0.167)
    );
    refused(
        |c| {
            let atlantis = without_code.replace("EU (Ireland)", "Atlantis (Central)");
            c.apply_get_products(atlantis.as_bytes(), "products.json")
        },
        DataErrorKind::UnknownRegion,
        "line 1, column 1: PriceList element 1: no regionCode, and location 'Atlantis (Central)' is not a region location this version knows",
    );
    let local_zone = without_code
        .replace("EU (Ireland)", "US West (Los Angeles)")
        .replace(
            r#"\"locationType\":\"AWS Region\""#,
            r#"\"locationType\":\"AWS Local Zone\""#,
        );
    let mut catalogue = Catalogue::bundled().clone();
    let applied = catalogue
        .apply_get_products(local_zone.as_bytes(), "products.json")
        .unwrap();
    // Three on-demand prices and six Reserved terms (`RESERVED` of make.py).
    assert_eq!((applied.records, applied.unknown_places), (0, 9));
}
