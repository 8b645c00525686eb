//! A bill line decoded whole (`BillLine`): the operation's platform, the price of the line
//! in its own region, OS and tenancy, and one value per field of the one row definition.
//! The operation codes are the EC2 User Guide's ("AMI billing information fields"); the
//! priced lines use the price-list fixture (`tests/fixtures/price-list/`, AWS's offer file
//! format, real 2025-09-12 header).

#![cfg(feature = "catalogue")]
#![allow(clippy::float_cmp)]

use ec2_instance_type::catalogue::Catalogue;
use ec2_instance_type::usage::{BillLine, Operation, Platform, Value};

fn text(value: Option<&Value<'_>>) -> Option<String> {
    match value? {
        Value::Text(text) => Some(text.to_string()),
        Value::Null => None,
        other => panic!("not text: {other:?}"),
    }
}

fn number(value: Option<&Value<'_>>) -> Option<f64> {
    match value? {
        Value::Float64(n) => Some(*n),
        Value::Null => None,
        other => panic!("not a number: {other:?}"),
    }
}

/// Every code of the EC2 User Guide's table, with the platform it documents and the Price
/// List's operating system, licence and software.
#[test]
fn every_operation_code_names_its_platform() {
    #[rustfmt::skip]
    let table = [
        ("RunInstances", "Linux/UNIX", "Linux", "No License required", "NA"),
        ("RunInstances:00g0", "Red Hat BYOL Linux", "RHEL", "Bring your own license", "NA"),
        ("RunInstances:0010", "Red Hat Enterprise Linux", "RHEL", "No License required", "NA"),
        ("RunInstances:1010", "Red Hat Enterprise Linux with HA", "Red Hat Enterprise Linux with HA", "No License required", "NA"),
        ("RunInstances:1014", "Red Hat Enterprise Linux with SQL Server Standard and HA", "Red Hat Enterprise Linux with HA", "No License required", "SQL Std"),
        ("RunInstances:1110", "Red Hat Enterprise Linux with SQL Server Enterprise and HA", "Red Hat Enterprise Linux with HA", "No License required", "SQL Ent"),
        ("RunInstances:0014", "Red Hat Enterprise Linux with SQL Server Standard", "RHEL", "No License required", "SQL Std"),
        ("RunInstances:0210", "Red Hat Enterprise Linux with SQL Server Web", "RHEL", "No License required", "SQL Web"),
        ("RunInstances:0110", "Red Hat Enterprise Linux with SQL Server Enterprise", "RHEL", "No License required", "SQL Ent"),
        ("RunInstances:0100", "SQL Server Enterprise", "Linux", "No License required", "SQL Ent"),
        ("RunInstances:0004", "SQL Server Standard", "Linux", "No License required", "SQL Std"),
        ("RunInstances:0200", "SQL Server Web", "Linux", "No License required", "SQL Web"),
        ("RunInstances:000g", "SUSE Linux", "SUSE", "No License required", "NA"),
        ("RunInstances:0g00", "Ubuntu Pro", "Ubuntu Pro", "No License required", "NA"),
        ("RunInstances:0002", "Windows", "Windows", "No License required", "NA"),
        ("RunInstances:0800", "Windows BYOL", "Windows", "Bring your own license", "NA"),
        ("RunInstances:0102", "Windows with SQL Server Enterprise", "Windows", "No License required", "SQL Ent"),
        ("RunInstances:0006", "Windows with SQL Server Standard", "Windows", "No License required", "SQL Std"),
        ("RunInstances:0202", "Windows with SQL Server Web", "Windows", "No License required", "SQL Web"),
    ];
    assert_eq!(table.len(), Platform::all().len());
    for (operation, name, os, license, software) in table {
        let platform = Operation::parse(operation)
            .platform()
            .unwrap_or_else(|| panic!("{operation}"));
        assert_eq!(
            (
                platform.name,
                platform.os,
                platform.license_model,
                platform.preinstalled_software
            ),
            (name, os, license, software),
            "{operation}"
        );
        // A Spot line's operation ends in the market's code: the platform is before it.
        let spot = format!("{operation}:SV006");
        let spot = Operation::parse(&spot);
        assert_eq!(spot.platform(), Some(platform), "{operation}:SV006");
        assert_eq!(spot.spot_code(), Some("SV006"));
    }
}

#[test]
fn an_unknown_code_is_kept_and_said() {
    let line = BillLine::decode(
        "BoxUsage:p4d.24xlarge",
        None,
        Some("RunInstances:CB"),
        Catalogue::bundled(),
    );
    assert_eq!(
        text(line.get("operation")).as_deref(),
        Some("RunInstances:CB")
    );
    assert_eq!(text(line.get("os")), None);
    assert_eq!(number(line.get("on_demand_usd_per_hour")), None);
    assert_eq!(
        text(line.get("warning")).as_deref(),
        Some("unknown operation code 'CB': no platform, no price")
    );
    // Other services' operations are kept as written, with no platform and no warning.
    let rds = BillLine::decode(
        "InstanceUsage:db.m5.large",
        None,
        Some("CreateDBInstance:0002"),
        Catalogue::bundled(),
    );
    assert_eq!(
        text(rds.get("operation")).as_deref(),
        Some("CreateDBInstance:0002")
    );
    assert_eq!(
        (text(rds.get("os")), text(rds.get("warning"))),
        (None, None)
    );
}

#[cfg(feature = "overlay")]
fn ireland_prices() -> Catalogue {
    let mut catalogue = Catalogue::bundled().clone();
    catalogue
        .apply_offer_file(
            include_str!("fixtures/price-list/offer-eu-west-1.csv").as_bytes(),
            "offer.csv",
        )
        .unwrap();
    catalogue
}

/// A Windows line of eu-west-1 costs the Windows price of eu-west-1 (0.199 in the offer
/// file), not Linux's (0.107) nor the SQL Server row's (0.584).
#[cfg(feature = "overlay")]
#[test]
fn a_windows_line_in_ireland_is_priced_from_the_price_list() {
    let catalogue = ireland_prices();
    let line = BillLine::decode(
        "EU-BoxUsage:m5.large",
        Some("AmazonEC2"),
        Some("RunInstances:0002"),
        &catalogue,
    );
    assert_eq!(number(line.get("on_demand_usd_per_hour")), Some(0.199));
    assert_eq!(text(line.get("os")).as_deref(), Some("Windows"));
    assert_eq!(text(line.get("price_os")).as_deref(), Some("Windows"));
    assert_eq!(text(line.get("price_tenancy")).as_deref(), Some("shared"));
    assert_eq!(
        text(line.get("price_source")).as_deref(),
        Some("offer.csv, published 2025-09-12T22:53:08Z")
    );
    // RHEL, Linux dedicated, and no operation (Linux, said so by price_os).
    for (usage, operation, price, os, tenancy) in [
        (
            "EU-BoxUsage:m5.large",
            Some("RunInstances:0010"),
            0.167,
            "RHEL",
            "shared",
        ),
        (
            "EU-DedicatedUsage:m5.large",
            Some("RunInstances"),
            0.118,
            "Linux",
            "dedicated",
        ),
        ("EU-BoxUsage:m5.large", None, 0.107, "Linux", "shared"),
    ] {
        let line = BillLine::decode(usage, None, operation, &catalogue);
        assert_eq!(
            number(line.get("on_demand_usd_per_hour")),
            Some(price),
            "{usage} {operation:?}"
        );
        assert_eq!(text(line.get("price_os")).as_deref(), Some(os));
        assert_eq!(text(line.get("price_tenancy")).as_deref(), Some(tenancy));
    }
    // SQL Server and BYOL: the catalogue holds no such price, so none (not Windows').
    for operation in ["RunInstances:0006", "RunInstances:0800"] {
        let line = BillLine::decode("EU-BoxUsage:m5.large", None, Some(operation), &catalogue);
        assert_eq!(
            number(line.get("on_demand_usd_per_hour")),
            None,
            "{operation}"
        );
        assert_eq!(text(line.get("price_os")), None);
    }
}

/// Never another region's price: the bundled catalogue prices us-east-1 only.
#[test]
fn a_line_of_a_region_without_prices_has_none() {
    let bundled = Catalogue::bundled();
    let ohio = BillLine::decode("USE2-BoxUsage:m5.large", None, None, bundled);
    assert_eq!(number(ohio.get("on_demand_usd_per_hour")), None);
    assert_eq!(text(ohio.get("price_source")), None);
    let virginia = BillLine::decode("BoxUsage:m5.large", None, None, bundled);
    let price = bundled
        .get("m5.large")
        .unwrap()
        .on_demand(ec2_instance_type::Region::us_east_1())
        .unwrap();
    assert_eq!(
        number(virginia.get("on_demand_usd_per_hour")),
        Some(price.usd_per_hour)
    );
    // A global or edge line has no region and no price.
    let global = BillLine::decode("DashboardsUsageHour-Basic", None, None, bundled);
    assert_eq!(global.get("global"), Some(&Value::Bool(true)));
    assert_eq!(text(global.get("region")), None);
}

/// Spot lines get the spot estimate of their region, labelled as one.
#[test]
fn a_spot_line_gets_the_labelled_estimate() {
    let bundled = Catalogue::bundled();
    let line = BillLine::decode(
        "SpotUsage:m5.large",
        None,
        Some("RunInstances:SV050"),
        bundled,
    );
    let estimate = bundled
        .get("m5.large")
        .unwrap()
        .spot_estimate(ec2_instance_type::Region::us_east_1())
        .unwrap();
    assert_eq!(
        number(line.get("on_demand_usd_per_hour")),
        Some(estimate.usd_per_hour)
    );
    assert!(
        text(line.get("price_source"))
            .unwrap()
            .starts_with("estimate: ")
    );
    // A Windows spot line: the advisor's savings are Linux's, so no estimate.
    let windows = BillLine::decode(
        "SpotUsage:m5.large",
        None,
        Some("RunInstances:0002:SV050"),
        bundled,
    );
    assert_eq!(number(windows.get("on_demand_usd_per_hour")), None);
}

/// A line that did not decode: its usage type, its error, nothing else.
#[test]
fn a_failed_line_has_only_its_error() {
    let line = BillLine::decode(
        "USW2-BoxUsage:m5.xxlarge",
        None,
        Some("RunInstances"),
        Catalogue::bundled(),
    );
    assert!(line.error().is_some());
    let error = text(line.get("error")).unwrap();
    assert!(
        error.contains("did you mean '2xlarge'") && error.ends_with("(at byte 17)"),
        "{error}"
    );
    let others: Vec<_> = line
        .fields()
        .filter(|(f, _)| f.name != "usage_type" && f.name != "error")
        .collect();
    assert!(others.iter().all(|(_, v)| v.is_null()));
    assert!(others.len() > 20);
}

proptest::proptest! {
    /// Any text as a usage type and as an operation: no panic, every value of its field's
    /// type, a failed line holds only its usage type and error.
    #[test]
    fn any_line_decodes_to_values_of_its_fields(
        usage in "(USE1-|EU-|CAN1-|XYZ9-|Global-|US-)?(CAN1-|AFS1-)?[A-Za-z:.\\-0-9 ]{0,24}",
        operation in "(RunInstances)?(:[0-9a-zSV]{0,5}){0,3}",
        product in proptest::option::of("(AmazonEC2|AmazonCloudFront|AmazonRoute53)"),
    ) {
        let line = BillLine::decode(&usage, product.as_deref(), Some(&operation), Catalogue::bundled());
        for (field, value) in line.fields() {
            proptest::prop_assert!(value.fits(field.ty), "{}: {:?}", field.name, value);
        }
        if line.error().is_some() {
            let others = line.fields().filter(|(f, _)| f.name != "usage_type" && f.name != "error");
            for (_, value) in others {
                proptest::prop_assert!(value.is_null());
            }
        }
        // A price is never of a region other than the line's.
        if let Some(Value::Float64(_)) = line.get("on_demand_usd_per_hour") {
            proptest::prop_assert!(!line.get("region").unwrap().is_null());
        }
    }
}
