//! AWS's own price lists as an owned catalogue's prices: the bulk offer file (CSV) and the
//! JSON of `aws pricing get-products`, by region, operating system and tenancy. The
//! fixtures (`tests/fixtures/price-list/`, written by its `make.py`) are in AWS's exact
//! formats: a real 2025-09-12 offer-file header and real Reserved rows, and one row per
//! rule.

#![cfg(feature = "overlay")]
// Prices are compared as the fixtures write them.
#![allow(clippy::float_cmp)]

use ec2_instance_type::Region;
use ec2_instance_type::catalogue::{Catalogue, DataErrorKind, Tenancy};
use ec2_instance_type::query::{Query, SortKey};

const OFFER: &str = include_str!("fixtures/price-list/offer-eu-west-1.csv");
const PRODUCTS: &str = include_str!("fixtures/price-list/get-products.json");

fn ireland() -> Region {
    Region::parse("eu-west-1").unwrap()
}

#[track_caller]
fn price(catalogue: &Catalogue, name: &str, os: &str, tenancy: Tenancy) -> Option<f64> {
    let entry = catalogue.get(name).unwrap();
    entry
        .on_demand_for(&ireland(), os, tenancy)
        .map(|p| p.usd_per_hour)
}

#[test]
fn the_offer_file_gives_on_demand_prices_by_os_and_tenancy() {
    let mut catalogue = Catalogue::bundled().clone();
    let report = catalogue
        .apply_price_list_csv(OFFER.as_bytes(), "offer.csv")
        .unwrap();
    // m5.large Linux, Windows, RHEL shared and Linux dedicated; c6g.metal; c6g.16xlarge.
    assert_eq!(report.prices, 6);
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
    let linux = m5.on_demand(&ireland()).unwrap();
    assert_eq!((linux.os, linux.tenancy), ("Linux", Tenancy::Shared));
    assert_eq!(linux.source, "offer.csv, published 2025-09-12T22:53:08Z");
    let windows = m5.on_demand_for(&ireland(), "windows", shared).unwrap();
    assert_eq!((windows.os, windows.region), ("Windows", "eu-west-1"));
    // The bundled us-east-1 price is still there.
    assert_eq!(
        m5.on_demand(&Region::us_east_1()).unwrap().usd_per_hour,
        0.096
    );
    // Bare metal keeps its Dedicated rate; the spot estimate uses the shared price of the
    // same-vCPU size of the region, and stays Linux.
    assert_eq!(
        price(&catalogue, "c6g.metal", "linux", Tenancy::Dedicated),
        Some(2.304)
    );
    // Queries in eu-west-1 now compare eu-west-1 prices.
    let bundled_query = Query::new().region(ireland()).sort_by(SortKey::Price);
    assert!(!bundled_query.prices_from_another_region(&catalogue));
}

#[test]
fn get_products_json_gives_the_same_prices() {
    let mut catalogue = Catalogue::bundled().clone();
    let report = catalogue
        .apply_price_list_json(PRODUCTS, "products.json")
        .unwrap();
    assert_eq!(report.prices, 3);
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
        ec2_instance_type::catalogue::PriceListReport,
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
    assert_eq!(m5.on_demand(&ireland()), None, "nothing half-applied");
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
            c.apply_price_list_csv(
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
        |c| c.apply_price_list_csv(usd.as_bytes(), "offer.csv"),
        DataErrorKind::InvalidValue,
        &format!("line {cny_line}: currency 'CNY' is not USD"),
    );
    refused(
        |c| {
            c.apply_price_list_csv(
                OFFER
                    .replacen("\"Region Code\"", "\"Region\"", 1)
                    .as_bytes(),
                "offer.csv",
            )
        },
        DataErrorKind::MissingField,
        "line 6: no column \"Region Code\" in the header",
    );
    refused(
        |c| {
            c.apply_price_list_csv(
                "region,instance_type,usd_per_hour\n".as_bytes(),
                "offer.csv",
            )
        },
        DataErrorKind::UnexpectedShape,
        "line 1: expected \"FormatVersion\" on line 1 of an AWS Price List offer file",
    );
    refused(
        |c| {
            c.apply_price_list_json(
                &PRODUCTS.replacen("\"{\\\"product", "\"{oops", 1),
                "products.json",
            )
        },
        DataErrorKind::NotJson,
        "line 1, column 1: PriceList element 1: not a product's JSON: key must be a string at line 1 column 2",
    );
    refused(
        |c| c.apply_price_list_json("{\"FormatVersion\": \"aws_v1\"}", "products.json"),
        DataErrorKind::UnexpectedShape,
        "line 1, column 1: expected {\"PriceList\": [...]} as aws pricing get-products prints it",
    );
}
