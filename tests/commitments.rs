//! Reserved Instance rates from AWS's offer file, in all three forms the crate reads (the
//! offer file as CSV and JSON, `aws pricing get-products`), checked by hand for each kind,
//! term and payment of the fixtures (`tests/fixtures/price-list/make.py`, `RESERVED`: the
//! published rows' shape, illustrative rates).

#![cfg(feature = "overlay")]
// Rates are compared as the fixtures write them, or as computed here the same way.
#![allow(clippy::float_cmp)]

use ec2_instance_type::Region;
use ec2_instance_type::catalogue::{
    Catalogue, Commitment, CommitmentRate, DataErrorKind, HOURS_PER_YEAR, Scope, Tenancy,
};

const OFFER: &str = include_str!("fixtures/price-list/offer-eu-west-1.csv");
const OFFER_JSON: &str = include_str!("fixtures/price-list/offer-eu-west-1.json");
const PRODUCTS: &str = include_str!("fixtures/price-list/get-products.json");

fn ireland() -> Region {
    Region::parse("eu-west-1").unwrap()
}

/// The catalogue with one file applied through `Catalogue::apply` (by content).
fn with(file: &str, name: &str) -> Catalogue {
    let mut catalogue = Catalogue::bundled().clone();
    let applied = catalogue.apply(file.as_bytes(), name).unwrap();
    assert_eq!(applied.commitment_rates, 6, "{name}");
    catalogue
}

/// (commitment, hourly, upfront, effective) of m5.large's rates in `scope`.
fn rates(catalogue: &Catalogue, scope: impl Into<Scope>) -> Vec<(String, f64, Option<f64>, f64)> {
    let m5 = catalogue.get("m5.large").unwrap();
    m5.at(scope)
        .commitment_rates()
        .iter()
        .map(|r: &CommitmentRate<'_>| {
            (
                r.commitment.to_string(),
                r.hourly_usd,
                r.upfront_usd,
                r.effective_usd_per_hour(),
            )
        })
        .collect()
}

#[test]
fn reserved_terms_of_the_offer_file_by_hand() {
    let catalogue = with(OFFER, "offer.csv");
    let want = vec![
        ("ri-standard-1yr-no-upfront".to_owned(), 0.067, None, 0.067),
        (
            "ri-standard-1yr-partial-upfront".to_owned(),
            0.032,
            Some(280.0),
            0.032 + 280.0 / 8760.0,
        ),
        (
            "ri-standard-1yr-all-upfront".to_owned(),
            0.0,
            Some(548.0),
            548.0 / 8760.0,
        ),
        ("ri-standard-3yr-no-upfront".to_owned(), 0.046, None, 0.046),
        (
            "ri-convertible-3yr-no-upfront".to_owned(),
            0.058,
            None,
            0.058,
        ),
    ];
    assert_eq!(rates(&catalogue, ireland()), want);
    // By hand: 280 / 8760 = 0.031963..., so 0.063963... an hour.
    assert!((want[1].3 - 0.063_963).abs() < 1e-6);
    assert_eq!(HOURS_PER_YEAR, 8760.0);
    // Dedicated: its own term; Windows and another region: none, never Linux's or
    // Ireland's.
    let dedicated = Scope::region(ireland()).tenancy(Tenancy::Dedicated);
    assert_eq!(
        rates(&catalogue, dedicated),
        [("ri-standard-1yr-no-upfront".to_owned(), 0.074, None, 0.074)]
    );
    assert!(rates(&catalogue, Scope::region(ireland()).os("windows")).is_empty());
    assert!(rates(&catalogue, Region::parse("eu-west-2").unwrap()).is_empty());
    assert!(rates(Catalogue::bundled(), ireland()).is_empty());
    // One by name, with its source.
    let m5 = catalogue.get("m5.large").unwrap();
    let partial: Commitment = "ri-standard-1yr-partial-upfront".parse().unwrap();
    let rate = m5.at(ireland()).commitment_rate(partial).unwrap();
    assert_eq!(
        (rate.region, rate.os, rate.tenancy),
        ("eu-west-1", "Linux", Tenancy::Shared)
    );
    assert_eq!(rate.source, "offer.csv, published 2025-09-12T22:53:08Z");
    let absent: Commitment = "ri-convertible-1yr-all-upfront".parse().unwrap();
    assert_eq!(m5.at(ireland()).commitment_rate(absent), None);
}

/// The offer file as JSON and get-products give the rates the CSV gives.
#[test]
fn every_form_gives_the_same_rates() {
    let from_csv = rates(&with(OFFER, "offer.csv"), ireland());
    assert_eq!(rates(&with(OFFER_JSON, "index.json"), ireland()), from_csv);
    assert_eq!(rates(&with(PRODUCTS, "products.json"), ireland()), from_csv);
}

#[test]
fn an_incomplete_term_is_refused_by_name() {
    // The partial-upfront term without its fee row.
    let without_fee: String = OFFER
        .lines()
        .filter(|l| !l.contains("HU7G6KETJZ.2TG2D8R56U"))
        .flat_map(|l| [l, "\n"])
        .collect();
    let err = Catalogue::bundled()
        .clone()
        .apply_offer_file(without_fee.as_bytes(), "offer.csv")
        .unwrap_err();
    assert_eq!(err.kind(), DataErrorKind::MissingField);
    assert_eq!(
        err.to_string(),
        "offer.csv: Reserved term SKU0000000000001.HU7G6KETJZ (ri-standard-1yr-partial-upfront): no upfront fee (Quantity)"
    );
    // A lease AWS does not sell, with its line.
    let two_years = OFFER.replacen("\"1yr\",\"No Upfront\"", "\"2yr\",\"No Upfront\"", 1);
    let line = two_years
        .lines()
        .position(|l| l.contains("\"2yr\""))
        .unwrap()
        + 1;
    let err = Catalogue::bundled()
        .clone()
        .apply_offer_file(two_years.as_bytes(), "offer.csv")
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("offer.csv: line {line}: LeaseContractLength '2yr', expected 1yr or 3yr")
    );
}

const SP_CSV: &str = include_str!("fixtures/price-list/savings-plans-eu-west-1.csv");
const SP_JSON: &str = include_str!("fixtures/price-list/savings-plans-eu-west-1.json");

/// The catalogue with a Savings Plans file applied, recognised by its content.
fn with_plans(file: &str, name: &str) -> Catalogue {
    let mut catalogue = Catalogue::bundled().clone();
    let applied = catalogue.apply(file.as_bytes(), name).unwrap();
    // Six EC2 rates; the Local Zone's rate counted; Fargate, hosts, unused
    // reservations, SQL Server and BYOL left alone.
    assert_eq!(
        (
            applied.records,
            applied.commitment_rates,
            applied.unknown_places
        ),
        (0, 6, 1),
        "{name}"
    );
    assert_eq!(applied.published.as_deref(), Some("2025-09-11T18:44:47Z"));
    catalogue
}

#[test]
fn savings_plans_rates_by_hand() {
    let catalogue = with_plans(SP_CSV, "savings-plans.csv");
    // Savings Plans rates are hourly whatever the payment option: no fee.
    assert_eq!(
        rates(&catalogue, ireland()),
        [
            ("sp-compute-1yr-no-upfront".to_owned(), 0.077, None, 0.077),
            ("sp-compute-3yr-all-upfront".to_owned(), 0.05, None, 0.05),
            (
                "sp-ec2-instance-1yr-partial-upfront".to_owned(),
                0.065,
                None,
                0.065
            ),
        ]
    );
    // The operation names the OS (RunInstances:0002, Windows); the usage type the
    // tenancy (DedicatedUsage).
    assert_eq!(
        rates(&catalogue, Scope::region(ireland()).os("windows")),
        [("sp-compute-1yr-no-upfront".to_owned(), 0.169, None, 0.169)]
    );
    assert_eq!(
        rates(
            &catalogue,
            Scope::region(ireland()).tenancy(Tenancy::Dedicated)
        ),
        [("sp-compute-1yr-no-upfront".to_owned(), 0.086, None, 0.086)]
    );
    let m5 = catalogue.get("m5.large").unwrap();
    let rate = m5.at(ireland()).commitment_rates()[0];
    assert_eq!(
        rate.source,
        "savings-plans.csv, published 2025-09-11T18:44:47Z"
    );
    // The JSON form gives the same rates.
    let json = with_plans(SP_JSON, "savings-plans.json");
    for scope in [
        Scope::region(ireland()),
        Scope::region(ireland()).os("windows"),
        Scope::region(ireland()).tenancy(Tenancy::Dedicated),
    ] {
        assert_eq!(rates(&json, scope.clone()), rates(&catalogue, scope));
    }
}

/// Reserved terms and Savings Plans rates side by side, from two files.
#[test]
fn reserved_and_savings_plans_together() {
    let mut catalogue = with(OFFER, "offer.csv");
    catalogue.apply(SP_CSV.as_bytes(), "plans.csv").unwrap();
    let all = rates(&catalogue, ireland());
    let names: Vec<&str> = all.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "ri-standard-1yr-no-upfront",
            "ri-standard-1yr-partial-upfront",
            "ri-standard-1yr-all-upfront",
            "ri-standard-3yr-no-upfront",
            "ri-convertible-3yr-no-upfront",
            "sp-compute-1yr-no-upfront",
            "sp-compute-3yr-all-upfront",
            "sp-ec2-instance-1yr-partial-upfront",
        ]
    );
}

#[test]
fn bad_savings_plans_files_name_the_place() {
    let refused = |text: &str| {
        Catalogue::bundled()
            .clone()
            .apply_savings_plans(text.as_bytes(), "plans.csv")
            .unwrap_err()
            .to_string()
    };
    let line = SP_CSV.lines().position(|l| l.contains(",0.169,")).unwrap() + 1;
    assert_eq!(
        refused(&SP_CSV.replace(",0.169,", ",n/a,")),
        format!("plans.csv: line {line}: rate 'n/a' is not a number")
    );
    assert_eq!(
        refused(&SP_CSV.replace(
            "OfferCode,AmazonComputeSavingsPlan",
            "OfferCode,AmazonDatabaseSavingsPlans"
        )),
        "plans.csv: line 5: the price list of AmazonDatabaseSavingsPlans, expected AmazonComputeSavingsPlan or AWSComputeSavingsPlan"
    );
    assert_eq!(
        refused(&SP_CSV.replacen(",1,year,", ",2,year,", 1)),
        "plans.csv: line 7: LeaseContractLength '2 year', expected 1 or 3 year"
    );
}

/// Answers under a commitment rank by its effective rate and give differences under it;
/// a type without the rate is unpriced under that choice, never priced by another.
#[test]
fn answers_under_a_commitment() {
    use ec2_instance_type::catalogue::Pricing;
    use ec2_instance_type::query::{Prefer, Query, SortKey, alternatives};
    let mut catalogue = with(OFFER, "offer.csv");
    catalogue.apply(SP_CSV.as_bytes(), "plans.csv").unwrap();
    let compute: Pricing = "sp-compute-1yr-no-upfront".parse().unwrap();
    let scope = Scope::region(ireland()).pricing(compute);
    let found = Query::new()
        .scope(scope.clone())
        .sort_by(SortKey::Price)
        .limit(3)
        .run(&catalogue);
    let names: Vec<&str> = found.iter().map(|e| e.name()).collect();
    // The two with the plan's rate, cheapest first; then the rest, unpriced, by name.
    assert_eq!(&names[..2], ["m6g.large", "m5.large"]);
    assert_eq!(found[2].at(scope.clone()).usd_per_hour(), None);
    assert_eq!(found[0].at(scope.clone()).usd_per_hour(), Some(0.061));
    // m5.large's cheapest alternatives under the plan: only m6g.large has its rate.
    let m5 = catalogue.get("m5.large").unwrap();
    let cheapest = alternatives(m5, Prefer::Cheapest, scope.clone());
    assert_eq!(cheapest.len(), 1);
    assert_eq!(cheapest[0].entry.name(), "m6g.large");
    let difference = cheapest[0].price_difference.unwrap();
    assert!((difference - (0.061 - 0.077)).abs() < 1e-12, "{difference}");
    // Under on-demand pricing the same question has on-demand answers.
    assert_eq!(m5.at(Scope::region(ireland())).usd_per_hour(), Some(0.107));
}
