//! The example's output, checked field by field.

use ec2_instance_type::catalogue;
use ec2_instance_type::{Region, ServiceInstanceType};
use serde_json::{Value, json};

use crate::commands::show::show_fields;
use crate::context::Context;
use crate::render::output::decoded_fields;
use crate::render::table::write_table;

fn decoded(name: &str) -> Value {
    let parsed = ServiceInstanceType::parse_lenient(name).unwrap();
    let factor = parsed.instance_type().normalization_factor();
    Value::Object(decoded_fields(name, &parsed, factor))
}

#[test]
fn decode_fields_of_every_shape() {
    let u = decoded("u-6tb1.metal");
    assert_eq!(u["family"], "u-6tb1");
    assert_eq!(u["series"], "u");
    assert_eq!(u["generation"], 1);
    assert_eq!(u["options"], json!(["6tb"]));
    assert_eq!(u["capabilities"], json!([]));
    assert_eq!(u["processor"], Value::Null);
    assert_eq!(u["size"], "metal");
    assert_eq!(u["normalization_factor"], 896.0);
    assert_eq!(u["service"], Value::Null);
    assert_eq!(u["ec2_name"], "u-6tb1.metal");

    let mac = decoded("mac-m4.metal");
    assert_eq!(mac["generation"], Value::Null);
    assert_eq!(mac["processor"], "apple");
    assert_eq!(mac["normalization_factor"], Value::Null);

    let db = decoded("db.r5b.8xlarge.tpc2.mem4x");
    assert_eq!(db["name"], "db.r5b.8xlarge.tpc2.mem4x");
    assert_eq!(db["service"], "db");
    assert_eq!(db["ec2_name"], "r5b.8xlarge");
    assert_eq!(db["family"], "r5b");
    assert_eq!(db["capabilities"], json!(["b"]));
    assert_eq!(db["normalization_factor"], 64.0);
    assert_eq!(db["rds_threads_per_core"], 2);

    let search = decoded("r6g.large.search");
    assert_eq!(search["service"], "search");
    assert_eq!(search["processor"], "graviton");
}

#[test]
fn show_fields_pin_source_figures() {
    let name = ServiceInstanceType::parse("g6f.large").unwrap();
    let fields = Value::Object(show_fields(
        &Context::default(),
        "g6f.large",
        &name,
        name.catalogue_entry(),
        &Region::us_east_1(),
    ));
    assert_eq!(fields["in_catalogue"], true);
    assert_eq!(fields["vcpus"], 2);
    assert_eq!(fields["memory_mib"], 8192);
    assert_eq!(fields["architectures"], json!(["x86_64"]));
    assert_eq!(fields["processor_manufacturer"], "AMD");
    assert_eq!(fields["gpu_count"], 0);
    assert_eq!(fields["gpu_share"], 0.125);
    assert_eq!(fields["gpu_model"], "L4");
    assert_eq!(fields["instance_storage_gb"], 100);
    assert_eq!(fields["on_demand_usd_per_hour"], 0.202);
    assert_eq!(fields["price_region"], "us-east-1");
    assert_eq!(fields["fallback_usd_per_hour"], Value::Null);
    assert_eq!(fields["price_service"], "ec2");
    assert_eq!(fields["spot_estimate_usd_per_hour"], Value::Null);
    for source in ["specs_source", "regions_source", "price_source"] {
        assert!(
            fields[source].as_str().is_some_and(|s| !s.is_empty()),
            "{source}"
        );
    }

    // A service name: whose price it is, and no spot market.
    let db = ServiceInstanceType::parse("db.r6g.large").unwrap();
    let fields = Value::Object(show_fields(
        &Context::default(),
        "db.r6g.large",
        &db,
        db.catalogue_entry(),
        &Region::us_east_1(),
    ));
    assert_eq!(fields["price_service"], "ec2");
    assert_eq!(fields["on_demand_usd_per_hour"], 0.1008);
    assert_eq!(fields["spot_savings_percent"], Value::Null);
    assert_eq!(fields["spot_estimate_usd_per_hour"], Value::Null);
    assert_eq!(fields["spot_usage"], true);

    // Bare metal priced at Dedicated rates: the spot estimate is built on the shared
    // price of the virtualized size with the same vCPUs.
    let metal = ServiceInstanceType::parse("c6g.metal").unwrap();
    let fields = Value::Object(show_fields(
        &Context::default(),
        "c6g.metal",
        &metal,
        metal.catalogue_entry(),
        &Region::us_east_1(),
    ));
    assert_eq!(fields["price_tenancy"], "dedicated");
    assert_eq!(fields["spot_estimate_based_on"], "c6g.16xlarge");

    let hpc = ServiceInstanceType::parse("hpc7a.12xlarge").unwrap();
    let fields = Value::Object(show_fields(
        &Context::default(),
        "hpc7a.12xlarge",
        &hpc,
        hpc.catalogue_entry(),
        &Region::us_east_1(),
    ));
    // No us-east-1 price: none in the main fields, GovCloud's in fields of its own.
    assert_eq!(fields["on_demand_usd_per_hour"], Value::Null);
    assert_eq!(fields["price_region"], Value::Null);
    assert_eq!(fields["fallback_price_region"], "us-gov-west-1");
    assert!(
        fields["fallback_usd_per_hour"]
            .as_f64()
            .is_some_and(|usd| usd > 0.0)
    );

    let unknown = ServiceInstanceType::parse("zz9.large").unwrap();
    let fields = Value::Object(show_fields(
        &Context::default(),
        "zz9.large",
        &unknown,
        None,
        &Region::us_east_1(),
    ));
    assert_eq!(fields["in_catalogue"], false);
    assert_eq!(fields["vcpus"], Value::Null);
    assert_eq!(fields["series"], "zz");

    let m5 = catalogue::get("m5.xlarge").unwrap();
    let name = ServiceInstanceType::from(m5.instance_type());
    let fields = Value::Object(show_fields(
        &Context::default(),
        "m5.xlarge",
        &name,
        Some(m5),
        &Region::us_east_1(),
    ));
    assert_eq!(fields["spot_interruption"], ">20%");
    assert_eq!(fields["spot_savings_percent"], 66);
    assert_eq!(fields["spot_estimate_usd_per_hour"], 0.06528);
    assert_eq!(fields["usd_per_month"], 140.16);
}

#[test]
fn tables_align_columns() {
    let mut out = Vec::new();
    let rows = vec![
        vec!["m5.large".to_owned(), "2".to_owned()],
        vec!["x".to_owned(), "96".to_owned()],
    ];
    write_table(&mut out, &["name", "vcpus"], &rows).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "name      vcpus\nm5.large  2\nx         96\n"
    );
}

#[test]
fn name_parts_need_an_explicit_kind() {
    use ec2_instance_type::query::NamePart;
    use ec2_instance_type::{Capability, InstanceOption, Series};
    let parse = crate::commands::find::parse_name_part;
    assert_eq!(parse("series:g"), Ok(NamePart::Series(Series::G)));
    assert_eq!(
        parse("letter:g"),
        Ok(NamePart::Capability(Capability::Graviton))
    );
    assert_eq!(
        parse("option:flex"),
        Ok(NamePart::Option(InstanceOption::Flex))
    );
    assert_eq!(
        parse("family:m7i-flex"),
        Ok(NamePart::Family("m7i-flex".into()))
    );
    assert!(parse("g").is_err());
    assert!(parse("letter:gd").is_err());
    assert!(parse("series:G").is_err());
    assert!(parse("colour:g").is_err());
}

/// The example's JSON and the library's `Serialize` name the same facts the same way, with
/// the same values, for every entry of the catalogue.
#[test]
fn show_json_and_library_json_are_one_schema() {
    /// What the example adds about the text it was given.
    const EXAMPLE_ONLY: &[&str] = &[
        "input",
        "service",
        "ec2_name",
        "rds_threads_per_core",
        "rds_memory_ratio",
        "in_catalogue",
        "price_service",
        "commitments",
    ];
    for entry in catalogue::iter() {
        let Value::Object(library) = serde_json::to_value(entry).unwrap() else {
            panic!("an entry serializes as an object");
        };
        let name = ServiceInstanceType::from(entry.instance_type());
        let example = show_fields(
            &Context::default(),
            entry.name(),
            &name,
            Some(entry),
            &Region::us_east_1(),
        );
        let example_keys: Vec<&String> = example
            .keys()
            .filter(|k| !EXAMPLE_ONLY.contains(&k.as_str()))
            .collect();
        let library_keys: Vec<&String> = library.keys().collect();
        assert_eq!(example_keys, library_keys, "{}", entry.name());
        for (key, value) in &library {
            assert_eq!(&example[key], value, "{}: {key}", entry.name());
        }
    }
}

/// The CSV path's `ec2type_*` columns are the Arrow kernels' fields (the Parquet path's),
/// in the same order.
#[test]
fn csv_columns_are_the_kernel_fields() {
    let kernel: Vec<String> = ec2_instance_type_arrow::usage_type_fields()
        .iter()
        .skip(1)
        .map(|field| field.name().clone())
        .collect();
    assert_eq!(
        kernel,
        crate::usage::csv_stream::fields().collect::<Vec<_>>()
    );
}

/// AWS's FOCUS exports (`tests/fixtures/focus/`): the usage type is `x_UsageType` in
/// FOCUS 1.0 with AWS columns and `SkuMeter` in FOCUS 1.2, the operation `x_Operation`,
/// the product `x_ServiceCode`. Each decoded region is AWS's own `RegionId` (empty for
/// global usage and CloudFront's edge zones).
#[test]
fn focus_exports_decode_with_their_own_columns() {
    use crate::usage::columns::Columns;
    use crate::usage::csv_stream::decode_csv;
    for (file, usage_column) in [
        ("focus-1.0-aws.csv", "x_UsageType"),
        ("focus-1.2-aws.csv", "SkuMeter"),
    ] {
        let path = format!(
            "{}/../../tests/fixtures/focus/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let input = std::fs::read(&path).unwrap();
        let columns = Columns {
            catalogue: ec2_instance_type::catalogue::Catalogue::bundled(),
            usage_type: Some(usage_column),
            product: Some("x_ServiceCode"),
            fixed_product: None,
            operation: Some("x_Operation"),
            fixed_operation: None,
            force: false,
        };
        let mut out = Vec::new();
        let status = decode_csv(&columns, Box::new(input.as_slice()), &mut out, None).unwrap();
        assert_eq!(status, crate::Status::Success, "{file}");
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let header = reader.headers().unwrap().clone();
        let at = |name: &str| header.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 9, "{file}");
        for row in &rows {
            let global = &row[at("ec2type_global")] == "true";
            let edge = !row[at("ec2type_edge_zone")].is_empty();
            assert_eq!(
                &row[at("ec2type_region")],
                &row[at("RegionId")],
                "{file}: {:?}",
                &row[at(usage_column)]
            );
            assert_eq!(row[at("RegionId")].is_empty(), global || edge, "{file}");
        }
        let cell = |row: usize, name: &str| rows[row][at(name)].to_owned();
        // Windows in us-east-1: the bundled prices are Linux's, so none; Linux's is there.
        assert_eq!(
            (
                cell(0, "ec2type_os"),
                cell(0, "ec2type_on_demand_usd_per_hour")
            ),
            ("Windows".into(), String::new())
        );
        assert_eq!(cell(1, "ec2type_on_demand_usd_per_hour"), "0.096");
        assert_eq!(
            (cell(4, "ec2type_kind"), cell(4, "ec2type_to_region")),
            ("AWS-Out-Bytes".into(), "ca-central-1".into())
        );
        assert_eq!(cell(5, "ec2type_detail"), "SnapshotUsage");
    }
}

/// Decodes a CSV with the columns found for the user; the output, or the error.
fn decode_found(csv_text: &str, usage_type: Option<&str>, force: bool) -> std::io::Result<String> {
    use crate::usage::columns::Columns;
    use crate::usage::csv_stream::decode_csv;
    let columns = Columns {
        catalogue: ec2_instance_type::catalogue::Catalogue::bundled(),
        usage_type,
        product: None,
        fixed_product: None,
        operation: None,
        fixed_operation: None,
        force,
    };
    let mut out = Vec::new();
    decode_csv(&columns, Box::new(csv_text.as_bytes()), &mut out, None)?;
    Ok(String::from_utf8(out).unwrap())
}

/// A legacy CUR (`lineItem/UsageType`, shape of AWS's CUR user guide): the usage type,
/// product and operation columns are found by their names.
#[test]
fn a_legacy_cur_needs_no_column_names() {
    let legacy = "identity/LineItemId,lineItem/ProductCode,lineItem/UsageType,lineItem/Operation\n\
                  1,AmazonEC2,EU-BoxUsage:m5.large,RunInstances:0002\n";
    let out = decode_found(legacy, None, false).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_owned();
    assert_eq!(cell("ec2type_region"), "eu-west-1");
    assert_eq!(cell("ec2type_os"), "Windows");
    // A wrong name: refused, with the name it most likely meant.
    let error = decode_found(legacy, Some("line_item_usage_type"), false).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("did you mean 'lineItem/UsageType'?"),
        "{error}"
    );
}

/// A column of SKU ids or descriptions is not decoded as usage types "in us-east-1":
/// refused before anything is written, unless forced.
#[test]
fn a_column_of_sku_ids_is_refused_before_anything_is_written() {
    let focus = "SkuId,ChargeDescription\nHSRFWQ3TJGWVZ2EK,$0.34 per On Demand Linux m5.large Instance Hour\n\
                 7QEYTSGPCRBJBZZB,$0.096 per On Demand Linux m5.large Instance Hour\n";
    let error = decode_found(focus, Some("SkuId"), false).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("column 'SkuId' does not hold usage types: 0 of its first 2 values"),
        "{error}"
    );
    assert!(decode_found(focus, Some("ChargeDescription"), false).is_err());
    // No known column at all: the header is listed.
    let error = decode_found(focus, None, false).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("(the header: SkuId,ChargeDescription)"),
        "{error}"
    );
    // --force decodes it anyway.
    assert!(
        decode_found(focus, Some("SkuId"), true)
            .unwrap()
            .contains("HSRFWQ3TJGWVZ2EK")
    );
}
