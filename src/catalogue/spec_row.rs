//! One instance type's specs as the catalogue's columns hold them (`data/instance-types.csv`
//! and a `DescribeInstanceTypes` record read with the catalogue's rules), typed: one field
//! per column, written once by [`spec_row!`]. A record goes to these fields and on to the
//! stored [`Specs`] without text in between (a misspelt field is a compile error); the
//! generator writes the fields as the CSV's cells and reads them back for the bundled
//! table, each cell parsed by its field's type, an error naming the column.

use super::data_error::DataErrorKind;
use super::stored::{Accelerator, Gpu, Label, Network, Specs};
use super::strings::Intern;
use super::values::{AcceleratorKind, Architecture, Architectures, DiskType, Ebs, InstanceStorage};

/// Why a row does not make specs: the kind, and the message.
pub(crate) type ColumnError = (DataErrorKind, String);

/// A value of one cell: written as the CSV holds it, and read back (the generator's).
#[cfg(feature = "generator")]
pub trait Cell: Sized {
    /// The cell's text: empty for a value the record lacks.
    fn write(&self) -> String;
    /// The value of a cell's text.
    ///
    /// # Errors
    ///
    /// Text that is not a value of the type: what was expected.
    fn read(text: &str) -> Result<Self, String>;
}

macro_rules! number_cell {
    ($($type:ty => $what:literal),*) => {$(
        #[cfg(feature = "generator")]
        impl Cell for $type {
            fn write(&self) -> String {
                self.to_string()
            }
            fn read(text: &str) -> Result<Self, String> {
                text.parse().map_err(|_| format!(concat!("not ", $what, ": {:?}"), text))
            }
        }
    )*};
}
number_cell!(u32 => "a whole number", u64 => "a whole number", bool => "true or false");

#[cfg(feature = "generator")]
impl Cell for f64 {
    fn write(&self) -> String {
        self.to_string()
    }
    fn read(text: &str) -> Result<Self, String> {
        text.parse::<f64>()
            .ok()
            .filter(|f| f.is_finite() && *f >= 0.0)
            .ok_or_else(|| format!("not a number: {text:?}"))
    }
}

#[cfg(feature = "generator")]
impl Cell for String {
    fn write(&self) -> String {
        self.clone()
    }
    fn read(text: &str) -> Result<Self, String> {
        Ok(text.to_owned())
    }
}

#[cfg(feature = "generator")]
impl<T: Cell> Cell for Option<T> {
    fn write(&self) -> String {
        self.as_ref().map(Cell::write).unwrap_or_default()
    }
    fn read(text: &str) -> Result<Self, String> {
        if text.is_empty() {
            Ok(None)
        } else {
            T::read(text).map(Some)
        }
    }
}

/// Defines [`SpecRow`] with one field per column, in the CSV's order, and its columns'
/// names, writer and reader from that one list.
macro_rules! spec_row {
    ($($(#[doc = $doc:literal])* $field:ident: $type:ty,)*) => {
        /// One type's specs in the catalogue's columns (`data/README.md` explains each).
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct SpecRow {
            $($(#[doc = $doc])* pub $field: $type,)*
        }

        #[cfg(feature = "generator")]
        impl SpecRow {
            /// The columns, in the CSV's order.
            pub const COLUMNS: &[&str] = &[$(stringify!($field)),*];

            /// Each column's cell, in [`SpecRow::COLUMNS`]' order.
            #[must_use]
            pub fn cells(&self) -> Vec<String> {
                vec![$(Cell::write(&self.$field)),*]
            }

            /// The row of the cells `cell` gives by column name (`None`: no such column).
            ///
            /// # Errors
            ///
            /// A missing column, or a cell that is not a value of its column's type, named.
            pub fn read<'t>(cell: impl Fn(&str) -> Option<&'t str>) -> Result<Self, String> {
                Ok(Self {
                    $($field: {
                        let column = stringify!($field);
                        let text = cell(column).ok_or_else(|| format!("no column {column:?}"))?;
                        <$type as Cell>::read(text).map_err(|e| format!("{column}: {e}"))?
                    },)*
                })
            }
        }
    };
}

spec_row! {
    /// Default vCPUs.
    vcpus: u32,
    /// Default cores; `None` where the record does not say.
    cores: Option<u32>,
    /// Default threads per core.
    threads_per_core: Option<u32>,
    /// Memory in MiB.
    memory_mib: u64,
    /// The supported architectures as `DescribeInstanceTypes` names them, space-separated.
    architectures: String,
    /// `AWS`, `Intel`, `AMD`, `Apple`.
    processor_manufacturer: Option<String>,
    /// Sustained clock speed in GHz.
    clock_ghz: Option<f64>,
    /// Whole GPUs (0 without).
    gpu_count: u32,
    /// The share of one GPU a fractional type has (`0.125`).
    gpu_share: Option<f64>,
    /// The GPUs' manufacturer.
    gpu_manufacturer: Option<String>,
    /// The GPUs' model.
    gpu_model: Option<String>,
    /// GPU memory in MiB, in total.
    gpu_memory_mib: Option<u64>,
    /// The accelerator kind (`inferentia`, `trainium`, `fpga`, `media`, `qualcomm`, ...).
    accelerator_kind: Option<AcceleratorKind>,
    /// Accelerators.
    accelerator_count: Option<u32>,
    /// The accelerators' manufacturer.
    accelerator_manufacturer: Option<String>,
    /// The accelerators' model.
    accelerator_model: Option<String>,
    /// Accelerator memory in MiB, in total.
    accelerator_memory_mib: Option<u64>,
    /// Local disks.
    storage_disks: Option<u32>,
    /// Size of each disk in GB.
    storage_disk_gb: Option<u64>,
    /// `ssd` or `hdd`.
    storage_type: Option<String>,
    /// NVMe support as the record states it: `required`, `supported`, `unsupported`.
    storage_nvme: Option<String>,
    /// Local storage in GB, in total.
    storage_total_gb: Option<u64>,
    /// The network label (`Up to 10 Gigabit`).
    network_performance: String,
    /// Baseline bandwidth in Gbps (a multi-card type's: its label's figure).
    network_baseline_gbps: Option<f64>,
    /// Peak bandwidth in Gbps.
    network_peak_gbps: Option<f64>,
    /// Network interfaces, in total.
    max_network_interfaces: Option<u32>,
    /// Network cards.
    network_cards: u32,
    /// Network interfaces of the default card (what EKS counts).
    default_card_interfaces: Option<u32>,
    /// IPv4 addresses per interface.
    ipv4_per_interface: Option<u32>,
    /// Elastic Fabric Adapter.
    efa: Option<bool>,
    /// ENA support as the record states it.
    ena: String,
    /// EBS baseline bandwidth in Mbps.
    ebs_baseline_mbps: Option<u32>,
    /// EBS maximum bandwidth in Mbps.
    ebs_max_mbps: Option<u32>,
    /// EBS baseline IOPS.
    ebs_baseline_iops: Option<u32>,
    /// EBS maximum IOPS.
    ebs_max_iops: Option<u32>,
    /// `nitro`, `xen`.
    hypervisor: Option<String>,
    /// Bare metal.
    bare_metal: Option<bool>,
    /// Burstable.
    burstable: Option<bool>,
    /// Current generation.
    current_generation: Option<bool>,
    /// Free tier eligible.
    free_tier_eligible: Option<bool>,
    /// Runs on demand.
    on_demand_usage: bool,
    /// Runs as Spot.
    spot_usage: bool,
}

#[cfg(feature = "generator")]
impl Cell for AcceleratorKind {
    fn write(&self) -> String {
        self.as_str().to_owned()
    }
    fn read(text: &str) -> Result<Self, String> {
        text.parse().map_err(|e: crate::ParseError| e.to_string())
    }
}

/// A text table full: no label left for a new text.
fn too_many() -> ColumnError {
    (DataErrorKind::TooMany, "too many distinct texts".to_owned())
}

/// A field a part of the specs needs, missing.
fn missing(column: &str) -> ColumnError {
    (DataErrorKind::MissingField, format!("{column}: missing"))
}

impl SpecRow {
    /// The stored specs of the row, with `source` naming where they come from; their texts
    /// go into `texts`. Architectures this version does not know are left out.
    pub(crate) fn specs(
        &self,
        texts: &mut impl Intern,
        source: &str,
    ) -> Result<Specs, ColumnError> {
        let mut label = |text: &str| texts.intern(text).ok_or_else(too_many);
        let mut architectures = 0u8;
        for arch in self.architectures.split_whitespace() {
            if let Some(i) = Architecture::known().position(|a| a.as_str() == arch) {
                architectures |= 1 << i;
            }
        }
        let gpu = match &self.gpu_model {
            None => None,
            Some(model) => Some(Gpu {
                count: self.gpu_count,
                share: self.gpu_share,
                manufacturer: label(self.gpu_manufacturer.as_deref().unwrap_or_default())?,
                model: label(model)?,
                memory_mib: self.gpu_memory_mib.unwrap_or(0),
            }),
        };
        let accelerator = match self.accelerator_kind {
            None => None,
            Some(kind) => Some(Accelerator {
                kind,
                count: self
                    .accelerator_count
                    .ok_or_else(|| missing("accelerator_count"))?,
                manufacturer: label(self.accelerator_manufacturer.as_deref().unwrap_or_default())?,
                model: label(self.accelerator_model.as_deref().unwrap_or_default())?,
                memory_mib: self.accelerator_memory_mib.unwrap_or(0),
            }),
        };
        let storage = match self.storage_disks {
            None => None,
            Some(disks) => Some(InstanceStorage {
                disks,
                disk_gb: self
                    .storage_disk_gb
                    .ok_or_else(|| missing("storage_disk_gb"))?,
                disk_type: if self.storage_type.as_deref() == Some("hdd") {
                    DiskType::Hdd
                } else {
                    DiskType::Ssd
                },
                nvme: matches!(self.storage_nvme.as_deref(), Some("required" | "supported")),
                total_gb: self
                    .storage_total_gb
                    .ok_or_else(|| missing("storage_total_gb"))?,
            }),
        };
        let ebs = self.ebs_baseline_mbps.map(|baseline_mbps| Ebs {
            baseline_mbps,
            max_mbps: self.ebs_max_mbps.unwrap_or(0),
            baseline_iops: self.ebs_baseline_iops.unwrap_or(0),
            max_iops: self.ebs_max_iops.unwrap_or(0),
        });
        let optional =
            |text: &Option<String>, label: &mut dyn FnMut(&str) -> Result<Label, ColumnError>| {
                text.as_deref().map(label).transpose()
            };
        Ok(Specs {
            source: label(source)?,
            vcpus: self.vcpus,
            // Stored as 0 where the record does not say; the view gives `None`.
            cores: self.cores.unwrap_or(0),
            threads_per_core: self.threads_per_core.unwrap_or(0),
            memory_mib: self.memory_mib,
            architectures: Architectures(architectures),
            processor_manufacturer: optional(&self.processor_manufacturer, &mut label)?,
            clock_ghz: self.clock_ghz,
            gpu,
            accelerator,
            storage,
            network: Network {
                performance: label(&self.network_performance)?,
                baseline_gbps: self.network_baseline_gbps,
                peak_gbps: self.network_peak_gbps,
                max_interfaces: self.max_network_interfaces.unwrap_or(0),
                cards: self.network_cards,
                default_card_interfaces: self.default_card_interfaces.unwrap_or(0),
                ipv4_per_interface: self.ipv4_per_interface.unwrap_or(0),
                efa: self.efa == Some(true),
                ena: label(&self.ena)?,
            },
            ebs,
            hypervisor: optional(&self.hypervisor, &mut label)?,
            bare_metal: self.bare_metal == Some(true),
            burstable: self.burstable == Some(true),
            current_generation: self.current_generation == Some(true),
            free_tier_eligible: self.free_tier_eligible == Some(true),
            on_demand_usage: self.on_demand_usage,
            spot_usage: self.spot_usage,
        })
    }
}
