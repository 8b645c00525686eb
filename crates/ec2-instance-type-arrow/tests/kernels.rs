//! The kernels against the library they wrap: every string layout, nulls, product codes,
//! owned catalogues, and the errors callers can match.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int32Type, Int64Type, UInt8Type};
use arrow_array::{
    Array, ArrayRef, DictionaryArray, Int32Array, LargeStringArray, StringArray, StringViewArray,
    StructArray,
};
use ec2_instance_type::catalogue::{self, Catalogue};
use ec2_instance_type::usage::UsageType;
use ec2_instance_type::{InstanceType, Region};
use ec2_instance_type_arrow::{
    Error, decode_instance_type, decode_usage_type, decode_usage_type_dictionary,
    decode_usage_type_for_products, instance_type_fields, usage_type_fields,
};

/// Real usage types (tests/fixtures/cur-sample.csv of the library), a null, an empty
/// string, and text that is no usage type.
const USAGE: &[Option<&str>] = &[
    Some("USW2-BoxUsage:m2.2xlarge"),
    Some("APN1-SpotUsage:c5.18xlarge"),
    None,
    Some("APN1-InstanceUsage:db.r5.2xl"),
    Some("HeavyUsage:r4.xlarge.elasticsearch"),
    Some("APS1-Kafka.m5.large"),
    Some(""),
    Some("EBS:VolumeUsage.gp3"),
    Some("APN1-Node:ra3.4xlarge"),
    Some("ReservedHostUsage:u-6tb1"),
    Some("USW2-BoxUsage:m5.xxlarge"),
    Some("EU-DataTransfer-Out-Bytes"),
    Some("XYZ9-SpotUsage:c5.large"),
    Some("hello world"),
    Some("USW2-BoxUsage:m2.2xlarge"),
];

/// The same strings in every layout a kernel accepts.
fn layouts(values: &[Option<&str>]) -> Vec<(&'static str, ArrayRef)> {
    let small = StringArray::from(values.to_vec());
    let dictionary: DictionaryArray<Int32Type> = values.iter().copied().collect();
    let dictionary_u8: DictionaryArray<UInt8Type> = DictionaryArray::new(
        values
            .iter()
            .enumerate()
            .map(|(i, v)| v.map(|_| i as u8))
            .collect(),
        Arc::new(LargeStringArray::from(values.to_vec())),
    );
    vec![
        ("Utf8", Arc::new(small) as ArrayRef),
        (
            "LargeUtf8",
            Arc::new(LargeStringArray::from(values.to_vec())),
        ),
        ("Utf8View", Arc::new(StringViewArray::from(values.to_vec()))),
        ("Dictionary(Int32, Utf8)", Arc::new(dictionary)),
        ("Dictionary(UInt8, LargeUtf8)", Arc::new(dictionary_u8)),
    ]
}

fn text<'a>(decoded: &'a StructArray, field: &str, row: usize) -> Option<&'a str> {
    let column = decoded.column_by_name(field).unwrap().as_string::<i32>();
    (!column.is_null(row)).then(|| column.value(row))
}

fn int(decoded: &StructArray, field: &str, row: usize) -> Option<i64> {
    let column = decoded.column_by_name(field).unwrap();
    if column.is_null(row) {
        return None;
    }
    Some(match column.data_type() {
        arrow_schema::DataType::Int32 => i64::from(column.as_primitive::<Int32Type>().value(row)),
        _ => column.as_primitive::<Int64Type>().value(row),
    })
}

fn float(decoded: &StructArray, field: &str, row: usize) -> Option<f64> {
    let column = decoded
        .column_by_name(field)
        .unwrap()
        .as_primitive::<Float64Type>();
    (!column.is_null(row)).then(|| column.value(row))
}

#[test]
fn every_layout_decodes_alike_and_nulls_stay_null() {
    let expected =
        decode_usage_type(&StringArray::from(USAGE.to_vec()), Catalogue::bundled()).unwrap();
    assert_eq!(expected.len(), USAGE.len());
    assert_eq!(expected.fields(), &usage_type_fields());
    for (layout, array) in layouts(USAGE) {
        let decoded = decode_usage_type(array.as_ref(), Catalogue::bundled()).unwrap();
        assert_eq!(decoded, expected, "{layout}");
        for (row, value) in USAGE.iter().enumerate() {
            assert_eq!(decoded.is_null(row), value.is_none(), "{layout} row {row}");
        }
    }
}

#[test]
fn fields_are_the_library_answers() {
    let decoded =
        decode_usage_type(&StringArray::from(USAGE.to_vec()), Catalogue::bundled()).unwrap();
    for (row, value) in USAGE.iter().enumerate() {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            assert_eq!(text(&decoded, "kind", row), None);
            assert_eq!(text(&decoded, "error", row), None);
            continue;
        };
        assert_eq!(text(&decoded, "usage_type", row), Some(value));
        match UsageType::parse(value) {
            Err(e) => {
                let error = text(&decoded, "error", row).unwrap();
                assert_eq!(error, format!("{e} (at byte {})", e.offset()));
                assert_eq!(text(&decoded, "kind", row), None, "{value}");
            }
            Ok(usage) => {
                assert_eq!(text(&decoded, "error", row), None);
                assert_eq!(text(&decoded, "kind", row), Some(usage.kind_str()));
                assert_eq!(text(&decoded, "billing_code", row), usage.billing_code());
                let region = usage.region();
                assert_eq!(
                    text(&decoded, "region", row),
                    region.as_ref().map(Region::as_str)
                );
                let ec2 = usage.ec2_instance_type();
                assert_eq!(
                    text(&decoded, "ec2_name", row),
                    ec2.as_ref().map(InstanceType::as_str)
                );
                assert_eq!(
                    text(&decoded, "instance_type", row).map(str::to_owned),
                    usage.instance_type().map(|it| it.to_string())
                );
                let specs = ec2
                    .and_then(|it| catalogue::get(it.as_str()))
                    .and_then(catalogue::Entry::specs);
                assert_eq!(
                    int(&decoded, "vcpus", row),
                    specs.map(|s| i64::from(s.vcpus)),
                    "{value}"
                );
                assert_eq!(
                    int(&decoded, "memory_mib", row),
                    specs.map(|s| i64::try_from(s.memory_mib).unwrap())
                );
                assert_eq!(
                    float(&decoded, "normalization_factor", row),
                    ec2.and_then(|it| Catalogue::bundled().normalization_factor(&it))
                );
                assert_eq!(
                    text(&decoded, "warning", row).map(str::to_owned),
                    usage.warning().map(|w| w.to_string())
                );
            }
        }
    }
    // Spot-checks that do not go through the library.
    assert_eq!(text(&decoded, "region", 0), Some("us-west-2"));
    assert_eq!(int(&decoded, "vcpus", 0), Some(4));
    assert_eq!(text(&decoded, "instance_type", 3), Some("db.r5.2xlarge"));
    assert_eq!(text(&decoded, "billing_service", 5), Some("msk"));
    assert_eq!(text(&decoded, "node_type", 8), Some("ra3.4xlarge"));
    assert_eq!(text(&decoded, "region", 12), None);
    assert_eq!(
        text(&decoded, "warning", 12),
        Some("unknown billing code 'XYZ9'")
    );
    assert!(
        text(&decoded, "error", 10)
            .unwrap()
            .contains("unknown size 'xxlarge'")
    );
}

#[test]
fn dictionaries_hold_the_same_rows_each_decoded_once() {
    let products: Vec<Option<&str>> = (0..USAGE.len())
        .map(|row| ["AmazonCloudFront", "AmazonEC2"].get(row % 3).copied())
        .collect();
    let products = StringArray::from(products);
    let plain = StringArray::from(USAGE.to_vec());
    let expected = decode_usage_type(&plain, Catalogue::bundled()).unwrap();
    let expected_for_products =
        decode_usage_type_for_products(&plain, &products, Catalogue::bundled()).unwrap();
    for (layout, array) in layouts(USAGE) {
        for (codes, expected) in [
            (None, &expected),
            (Some(&products as &dyn Array), &expected_for_products),
        ] {
            let decoded =
                decode_usage_type_dictionary(array.as_ref(), codes, None, Catalogue::bundled())
                    .unwrap();
            assert_eq!(decoded.len(), USAGE.len(), "{layout}");
            let rows = arrow_select::take::take(decoded.values(), decoded.keys(), None).unwrap();
            assert_eq!(
                rows.as_struct(),
                expected,
                "{layout}, products: {}",
                codes.is_some()
            );
            for (row, value) in USAGE.iter().enumerate() {
                assert_eq!(rows.is_null(row), value.is_none(), "{layout} row {row}");
            }
        }
    }
    // A repeated value is one row of the dictionary: the first and last rows of USAGE.
    let decoded = decode_usage_type_dictionary(&plain, None, None, Catalogue::bundled()).unwrap();
    assert_eq!(
        decoded.keys().value(0),
        decoded.keys().value(USAGE.len() - 1)
    );
    assert!(decoded.values().len() < USAGE.len());
    let error = decode_usage_type_dictionary(
        &plain,
        Some(&StringArray::from(vec!["x"])),
        None,
        Catalogue::bundled(),
    );
    assert!(matches!(
        error,
        Err(Error::LengthMismatch {
            argument: "product codes",
            values: 15,
            rows: 1
        })
    ));
}

#[test]
fn product_codes_tell_edge_zones_from_regions() {
    let usage = StringArray::from(vec![Some("EU-DataTransfer-Out-Bytes"); 4]);
    let products = DictionaryArray::<Int32Type>::from_iter([
        Some("AmazonCloudFront"),
        Some("AmazonEC2"),
        None,
        Some(""),
    ]);
    let decoded = decode_usage_type_for_products(&usage, &products, Catalogue::bundled()).unwrap();
    assert_eq!(text(&decoded, "edge_zone", 0), Some("Europe and Israel"));
    assert_eq!(text(&decoded, "region", 0), None);
    assert_eq!(text(&decoded, "region", 1), Some("eu-west-1"));
    for row in [2, 3] {
        // No product code: decoded as without one (a region, marked ambiguous).
        assert_eq!(text(&decoded, "region", row), Some("eu-west-1"));
        let ambiguous = decoded
            .column_by_name("region_ambiguous")
            .unwrap()
            .as_boolean();
        assert!(ambiguous.value(row));
    }
}

#[test]
fn columns_that_are_not_strings_are_errors_callers_can_match() {
    let numbers = Int32Array::from(vec![1, 2]);
    let err = decode_usage_type(&numbers, Catalogue::bundled()).unwrap_err();
    assert!(matches!(
        err,
        Error::UnsupportedType {
            argument: "values",
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        "values: expected strings (Utf8, LargeUtf8, Utf8View, a dictionary of them, or Null), found Int32"
    );
    let usage = StringArray::from(vec!["BoxUsage:m5.large"]);
    let err = decode_usage_type_for_products(&usage, &numbers, Catalogue::bundled()).unwrap_err();
    assert!(matches!(
        err,
        Error::UnsupportedType {
            argument: "product_codes",
            ..
        }
    ));
    let two = StringArray::from(vec!["AmazonEC2", "AmazonEC2"]);
    let err = decode_usage_type_for_products(&usage, &two, Catalogue::bundled()).unwrap_err();
    assert_eq!(
        err,
        Error::LengthMismatch {
            argument: "product codes",
            values: 1,
            rows: 2
        }
    );
    let numbers_dictionary = DictionaryArray::<Int32Type>::new(
        Int32Array::from(vec![0]),
        Arc::new(Int32Array::from(vec![7])),
    );
    assert!(
        decode_instance_type(
            &numbers_dictionary,
            Catalogue::bundled(),
            &Region::us_east_1()
        )
        .is_err()
    );
}

#[test]
fn instance_types_decode_with_region_true_prices() {
    let names = StringArray::from(vec![
        Some("p3dn.24xlarge"),
        Some("db.r6g.large"),
        None,
        Some("m7i-flex.large"),
        Some("m5.huge"),
        Some("zz9.large"),
    ]);
    let east = Region::us_east_1();
    let decoded = decode_instance_type(&names, Catalogue::bundled(), &east).unwrap();
    assert_eq!(decoded.fields(), &instance_type_fields());
    assert_eq!(text(&decoded, "family", 0), Some("p3dn"));
    assert_eq!(int(&decoded, "generation", 0), Some(3));
    let capabilities = decoded
        .column_by_name("capabilities")
        .unwrap()
        .as_list::<i32>();
    let letters = capabilities.value(0);
    let letters: Vec<&str> = letters.as_string::<i32>().iter().flatten().collect();
    assert_eq!(letters, ["d", "n"]);
    let p3dn = catalogue::get("p3dn.24xlarge").unwrap();
    assert_eq!(
        float(&decoded, "on_demand_usd_per_hour", 0),
        p3dn.on_demand(east).map(|p| p.usd_per_hour)
    );
    assert_eq!(text(&decoded, "price_region", 0), Some("us-east-1"));
    // A service name: EC2's parts and specs, but no price (not what RDS charges).
    assert_eq!(text(&decoded, "service", 1), Some("db"));
    assert_eq!(text(&decoded, "ec2_name", 1), Some("r6g.large"));
    assert_eq!(int(&decoded, "vcpus", 1), Some(2));
    assert_eq!(float(&decoded, "on_demand_usd_per_hour", 1), None);
    let architectures = decoded
        .column_by_name("architectures")
        .unwrap()
        .as_list::<i32>();
    assert_eq!(architectures.value(1).as_string::<i32>().value(0), "arm64");
    assert!(decoded.is_null(2));
    let options = decoded.column_by_name("options").unwrap().as_list::<i32>();
    assert_eq!(options.value(3).as_string::<i32>().value(0), "flex");
    assert!(
        text(&decoded, "error", 4)
            .unwrap()
            .starts_with("unknown size 'huge'")
    );
    // Well-formed but unknown to the catalogue: parts, no facts.
    assert_eq!(text(&decoded, "family", 5), Some("zz9"));
    let in_catalogue = decoded.column_by_name("in_catalogue").unwrap().as_boolean();
    assert!(!in_catalogue.value(5));
    assert_eq!(int(&decoded, "vcpus", 5), None);

    // A region with no price in the catalogue: null, not us-east-1's.
    let elsewhere: Region = "eu-south-9".parse().unwrap();
    let decoded = decode_instance_type(&names, Catalogue::bundled(), &elsewhere).unwrap();
    assert_eq!(float(&decoded, "on_demand_usd_per_hour", 0), None);
    assert_eq!(text(&decoded, "price_region", 0), None);
}

#[test]
fn owned_catalogues_answer_for_themselves() {
    let names = StringArray::from(vec!["m5.large"]);
    let empty = Catalogue::empty();
    let decoded = decode_instance_type(&names, &empty, &Region::us_east_1()).unwrap();
    assert_eq!(text(&decoded, "family", 0), Some("m5"));
    assert_eq!(int(&decoded, "vcpus", 0), None);
    let usage = StringArray::from(vec!["BoxUsage:m5.large"]);
    let decoded = decode_usage_type(&usage, &empty).unwrap();
    assert_eq!(text(&decoded, "ec2_name", 0), Some("m5.large"));
    assert_eq!(int(&decoded, "vcpus", 0), None);
}

#[test]
fn slices_and_empty_columns() {
    let all = StringArray::from(USAGE.to_vec());
    let slice = all.slice(3, 5);
    let decoded = decode_usage_type(&slice, Catalogue::bundled()).unwrap();
    let whole = decode_usage_type(&all, Catalogue::bundled()).unwrap();
    assert_eq!(decoded, whole.slice(3, 5));
    let none = StringArray::from(Vec::<&str>::new());
    assert_eq!(
        decode_usage_type(&none, Catalogue::bundled())
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn columns_of_many_distinct_values_decode_as_few() {
    // 70,001 distinct values, each twice: decoded once each, then gathered in row order.
    let texts: Vec<String> = (0..70_000)
        .map(|i| format!("USW2-DataTransfer-Out-Bytes{i}"))
        .chain(std::iter::once("USW2-BoxUsage:m5.large".to_owned()))
        .collect();
    let twice: Vec<&str> = texts
        .iter()
        .chain(texts.iter())
        .map(String::as_str)
        .collect();
    let decoded =
        decode_usage_type(&StringArray::from(twice.clone()), Catalogue::bundled()).unwrap();
    for (row, value) in twice.iter().enumerate() {
        assert_eq!(text(&decoded, "usage_type", row), Some(*value));
        let expected = UsageType::parse(value).unwrap();
        assert_eq!(
            text(&decoded, "kind", row),
            Some(expected.kind_str()),
            "row {row}"
        );
    }
    let last = twice.len() - 1;
    assert_eq!(int(&decoded, "vcpus", last), Some(2));
}

/// A region column of another length is named as what it is, not as product codes.
#[test]
fn a_region_column_of_another_length_is_named() {
    let names = StringArray::from(vec!["m5.large", "c5.large"]);
    let regions = StringArray::from(vec!["eu-west-1"]);
    let error = ec2_instance_type_arrow::decode_instance_type_in_regions(
        &names,
        &regions,
        Catalogue::bundled(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "1 regions for 2 values: give one per row"
    );
}
