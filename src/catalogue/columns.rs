//! The catalogue's columns (as `Record::spec_columns` reads them from a record, and as
//! `data/instance-types.csv` holds them) into the stored specs: for owned catalogues, and
//! for the generator, which writes them into the bundled table (`literal.rs`).

use std::collections::BTreeMap;

use super::data_error::DataErrorKind;
use super::stored::{Accelerator, Gpu, Label, Network, Specs};
use super::strings::Intern;
use super::values::{AcceleratorKind, Architecture, Architectures, DiskType, Ebs, InstanceStorage};

/// The columns of one row.
pub(crate) type Columns<'a> = BTreeMap<&'a str, String>;

/// Why a row's columns do not make specs: the kind, and the message.
pub(crate) type ColumnError = (DataErrorKind, String);

/// A text table full: no label left for a new text.
fn too_many() -> ColumnError {
    (DataErrorKind::TooMany, "too many distinct texts".to_owned())
}

struct Row<'r, 'a>(&'r Columns<'a>);

impl Row<'_, '_> {
    fn get(&self, column: &str) -> &str {
        self.0.get(column).map_or("", String::as_str)
    }

    fn int<T: std::str::FromStr>(&self, column: &str) -> Result<T, ColumnError> {
        let v = self.get(column);
        v.parse().map_err(|_| {
            // An empty column is a value the record lacks.
            let kind = if v.is_empty() {
                DataErrorKind::MissingField
            } else {
                DataErrorKind::InvalidValue
            };
            (kind, format!("{column}: not a whole number: {v:?}"))
        })
    }

    fn opt_int<T: std::str::FromStr>(&self, column: &str) -> Result<Option<T>, ColumnError> {
        if self.get(column).is_empty() {
            Ok(None)
        } else {
            self.int(column).map(Some)
        }
    }

    fn opt_float(&self, column: &str) -> Result<Option<f64>, ColumnError> {
        let v = self.get(column);
        if v.is_empty() {
            return Ok(None);
        }
        v.parse::<f64>()
            .ok()
            .filter(|f| f.is_finite() && *f >= 0.0)
            .map(Some)
            .ok_or_else(|| {
                (
                    DataErrorKind::InvalidValue,
                    format!("{column}: not a number: {v:?}"),
                )
            })
    }

    fn flag(&self, column: &str) -> bool {
        self.get(column) == "true"
    }

    fn label(&self, texts: &mut impl Intern, column: &str) -> Result<Label, ColumnError> {
        texts.intern(self.get(column)).ok_or_else(too_many)
    }

    fn opt_label(
        &self,
        texts: &mut impl Intern,
        column: &str,
    ) -> Result<Option<Label>, ColumnError> {
        if self.get(column).is_empty() {
            Ok(None)
        } else {
            self.label(texts, column).map(Some)
        }
    }
}

/// The specs of one row of columns, with `source` naming where they come from; their
/// texts go into `texts`.
pub(crate) fn specs(
    columns: &Columns<'_>,
    texts: &mut impl Intern,
    source: &str,
) -> Result<Specs, ColumnError> {
    let row = Row(columns);
    let mut architectures = 0u8;
    for arch in row.get("architectures").split_whitespace() {
        if let Some(i) = Architecture::known().position(|a| a.as_str() == arch) {
            architectures |= 1 << i;
        }
    }
    let gpu = if row.get("gpu_model").is_empty() {
        None
    } else {
        Some(Gpu {
            count: row.int("gpu_count")?,
            share: row.opt_float("gpu_share")?,
            manufacturer: row.label(texts, "gpu_manufacturer")?,
            model: row.label(texts, "gpu_model")?,
            memory_mib: row.opt_int("gpu_memory_mib")?.unwrap_or(0),
        })
    };
    let accelerator = match row.get("accelerator_kind") {
        "" => None,
        kind => Some(Accelerator {
            kind: kind
                .parse::<AcceleratorKind>()
                .map_err(|e| (DataErrorKind::InvalidValue, e.to_string()))?,
            count: row.int("accelerator_count")?,
            manufacturer: row.label(texts, "accelerator_manufacturer")?,
            model: row.label(texts, "accelerator_model")?,
            memory_mib: row.opt_int("accelerator_memory_mib")?.unwrap_or(0),
        }),
    };
    let storage = if row.get("storage_disks").is_empty() {
        None
    } else {
        Some(InstanceStorage {
            disks: row.int("storage_disks")?,
            disk_gb: row.int("storage_disk_gb")?,
            disk_type: if row.get("storage_type") == "hdd" {
                DiskType::Hdd
            } else {
                DiskType::Ssd
            },
            nvme: matches!(row.get("storage_nvme"), "required" | "supported"),
            total_gb: row.int("storage_total_gb")?,
        })
    };
    let ebs = match row.opt_int("ebs_baseline_mbps")? {
        None => None,
        Some(baseline_mbps) => Some(Ebs {
            baseline_mbps,
            max_mbps: row.opt_int("ebs_max_mbps")?.unwrap_or(0),
            baseline_iops: row.opt_int("ebs_baseline_iops")?.unwrap_or(0),
            max_iops: row.opt_int("ebs_max_iops")?.unwrap_or(0),
        }),
    };
    Ok(Specs {
        source: texts.intern(source).ok_or_else(too_many)?,
        vcpus: row.int("vcpus")?,
        cores: row.opt_int("cores")?.unwrap_or(0),
        threads_per_core: row.opt_int("threads_per_core")?.unwrap_or(0),
        memory_mib: row.int("memory_mib")?,
        architectures: Architectures(architectures),
        processor_manufacturer: row.opt_label(texts, "processor_manufacturer")?,
        clock_ghz: row.opt_float("clock_ghz")?,
        gpu,
        accelerator,
        storage,
        network: Network {
            performance: row.label(texts, "network_performance")?,
            baseline_gbps: row.opt_float("network_baseline_gbps")?,
            peak_gbps: row.opt_float("network_peak_gbps")?,
            max_interfaces: row.opt_int("max_network_interfaces")?.unwrap_or(0),
            cards: row.opt_int("network_cards")?.unwrap_or(1),
            default_card_interfaces: row.opt_int("default_card_interfaces")?.unwrap_or(0),
            ipv4_per_interface: row.opt_int("ipv4_per_interface")?.unwrap_or(0),
            efa: row.flag("efa"),
            ena: row.label(texts, "ena")?,
        },
        ebs,
        hypervisor: row.opt_label(texts, "hypervisor")?,
        bare_metal: row.flag("bare_metal"),
        burstable: row.flag("burstable"),
        current_generation: row.flag("current_generation"),
        free_tier_eligible: row.flag("free_tier_eligible"),
        on_demand_usage: row.flag("on_demand_usage"),
        spot_usage: row.flag("spot_usage"),
    })
}
