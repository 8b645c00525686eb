//! serde: names (de)serialize as their strings.

#![cfg(feature = "serde")]

mod common;

use ec2_instance_type::{InstanceType, ServiceInstanceType};

#[test]
fn every_known_name_round_trips_through_json() {
    for name in common::known_names() {
        let it = InstanceType::parse(name).unwrap();
        let json = serde_json::to_string(&it).unwrap();
        assert_eq!(json, format!("\"{name}\""));
        assert_eq!(serde_json::from_str::<InstanceType>(&json).unwrap(), it);
    }
}

#[test]
fn service_names_round_trip_through_json() {
    for name in [
        "db.r6g.large",
        "r6g.large.search",
        "db.r5b.8xlarge.tpc2.mem4x",
        "m5.large",
    ] {
        let it = ServiceInstanceType::parse(name).unwrap();
        let json = serde_json::to_string(&it).unwrap();
        assert_eq!(
            serde_json::from_str::<ServiceInstanceType>(&json).unwrap(),
            it
        );
    }
}

#[test]
fn bad_names_are_deserialization_errors_with_the_parse_message() {
    let err = serde_json::from_str::<InstanceType>("\"m5.xxlarge\"").unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown size 'xxlarge', did you mean '2xlarge'"),
        "{err}"
    );
    assert!(serde_json::from_str::<InstanceType>("42").is_err());
}

#[cfg(feature = "catalogue")]
#[test]
fn catalogue_names_round_trip_through_json() {
    for entry in ec2_instance_type::catalogue::iter() {
        let json = serde_json::to_string(&entry.instance_type()).unwrap();
        let back: InstanceType = serde_json::from_str(&json).unwrap();
        assert_eq!(
            back.catalogue_entry()
                .map(ec2_instance_type::catalogue::Entry::name),
            Some(entry.name())
        );
    }
}

#[cfg(feature = "catalogue")]
#[test]
fn catalogue_rows_serialize() {
    let entry = ec2_instance_type::catalogue::get("p3dn.24xlarge").unwrap();
    let row: serde_json::Value = serde_json::to_value(entry).unwrap();
    assert_eq!(row["name"], "p3dn.24xlarge");
    assert_eq!(row["capabilities"], serde_json::json!(["d", "n"]));
    assert_eq!(row["vcpus"], 96);
    assert_eq!(row["architectures"], serde_json::json!(["x86_64"]));
    assert_eq!(row["processor_manufacturer"], "Intel");
    assert_eq!(row["gpu_model"], "V100");
    assert_eq!(row["instance_storage_type"], "ssd");
    assert_eq!(row["network_performance"], "100 Gigabit");
    assert_eq!(row["price_region"], "us-east-1");
    assert_eq!(row["spot_interruption"], ">20%");
    let specs = serde_json::to_value(entry.specs().unwrap()).unwrap();
    assert_eq!(specs["vcpus"], 96);
    assert_eq!(specs.get("name"), None);
    assert!(
        row["regions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "us-east-1")
    );
    assert!(row["spot_estimate_usd_per_hour"].as_f64().unwrap() > 0.0);
    for entry in ec2_instance_type::catalogue::iter() {
        serde_json::to_string(&entry).unwrap();
    }
}

#[test]
fn lenient_helper_reads_what_people_write() {
    #[derive(serde::Deserialize, serde::Serialize)]
    struct Config {
        #[serde(with = "ec2_instance_type::serde::lenient")]
        node: InstanceType,
        #[serde(with = "ec2_instance_type::serde::lenient")]
        database: ec2_instance_type::ServiceInstanceType,
    }

    let config: Config =
        serde_json::from_str(r#"{"node": " M7i-flex.Large ", "database": "DB.R6G.Large\n"}"#)
            .unwrap();
    assert_eq!(
        serde_json::to_string(&config).unwrap(),
        r#"{"node":"m7i-flex.large","database":"db.r6g.large"}"#
    );
    let err =
        serde_json::from_str::<Config>(r#"{"node": "M5.XXLarge", "database": "db.r6g.large"}"#)
            .err()
            .unwrap();
    assert!(err.to_string().contains("did you mean '2xlarge'"), "{err}");
}

#[test]
fn parts_serialize_as_their_text() {
    use ec2_instance_type::{Processor, Size};
    assert_eq!(
        serde_json::to_string(&Processor::Graviton).unwrap(),
        r#""graviton""#
    );
    let size: Size = serde_json::from_str(r#""metal-48xl""#).unwrap();
    assert_eq!(size.multiplier(), Some(48));
    assert!(serde_json::from_str::<Processor>(r#""arm""#).is_err());
}

/// The values a configuration file holds (a region, a tenancy, an architecture) read and
/// write as their text; an architecture as the ecosystem writes it (`amd64`) reads too.
#[cfg(feature = "catalogue")]
#[test]
fn config_values_round_trip_as_text() {
    use ec2_instance_type::Region;
    use ec2_instance_type::catalogue::{Architecture, Tenancy};

    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Config {
        region: Region,
        tenancy: Tenancy,
        architectures: Vec<Architecture>,
    }
    let text =
        r#"{"region":"eu-west-1","tenancy":"dedicated","architectures":["amd64","aarch64"]}"#;
    let config: Config = serde_json::from_str(text).unwrap();
    assert_eq!(config.region.as_str(), "eu-west-1");
    assert_eq!(config.tenancy, Tenancy::Dedicated);
    assert_eq!(
        config.architectures,
        [Architecture::X86_64, Architecture::Arm64]
    );
    assert_eq!(
        serde_json::to_string(&config).unwrap(),
        r#"{"region":"eu-west-1","tenancy":"dedicated","architectures":["x86_64","arm64"]}"#
    );
    let error = serde_json::from_str::<Config>(
        r#"{"region":"eu-west1","tenancy":"shared","architectures":[]}"#,
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("did you mean 'eu-west-1'"),
        "{error}"
    );
}
