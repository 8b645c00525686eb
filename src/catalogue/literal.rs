//! The stored specs as the Rust literal the bundled table holds (`src/catalogue/table.rs`).
//! The generator reads each row of `data/instance-types.csv` into a [`SpecRow`], turns it
//! into [`Specs`] as owned catalogues do ([`SpecRow::specs`]), then writes it with this:
//! one path, next to the struct it must agree with.

use std::fmt::{self, Display, Formatter};

use super::spec_row::SpecRow;
use super::stored::{Accelerator, Gpu, Label, Network, Specs};
use super::strings::Intern;
use super::values::{Ebs, InstanceStorage};

/// The `Specs` literal of one row, its texts numbered by `label` (the generator's own
/// numbering of the texts it writes), `source` naming where the specs come from.
///
/// # Errors
///
/// A part of the specs without a field it needs (`storage_disk_gb: missing`), or a text
/// `label` gives no number.
pub fn specs_literal(
    row: &SpecRow,
    source: &str,
    label: impl FnMut(&str) -> Option<u16>,
) -> Result<String, String> {
    let specs = row
        .specs(&mut ByFunction(label), source)
        .map_err(|(_, e)| e)?;
    Ok(Literal(&specs).to_string())
}

/// Labels from the generator's function.
struct ByFunction<F>(F);

impl<F: FnMut(&str) -> Option<u16>> Intern for ByFunction<F> {
    fn intern(&mut self, text: &str) -> Option<Label> {
        (self.0)(text).map(Label)
    }
}

/// A value written as the Rust expression that builds it.
struct Literal<'v, T>(&'v T);

/// `None`, or `Some(` the value's literal `)`.
struct OptionLiteral<'v, T>(&'v Option<T>);

impl<'v, T> Display for OptionLiteral<'v, T>
where
    Literal<'v, T>: Display,
{
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => f.write_str("None"),
            Some(value) => write!(f, "Some({})", Literal(value)),
        }
    }
}

impl Display for Literal<'_, Label> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "Label({})", self.0.0)
    }
}

impl Display for Literal<'_, f64> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        // Debug keeps the point: `10.0`, which is a float literal where `10` is not.
        write!(f, "{:?}", self.0)
    }
}

impl Display for Literal<'_, Specs> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let s = self.0;
        write!(
            f,
            "Specs {{ source: {}, vcpus: {}, cores: {}, threads_per_core: {}, memory_mib: {}, \
             architectures: Architectures({}), processor_manufacturer: {}, clock_ghz: {}, \
             gpu: {}, accelerator: {}, storage: {}, network: {}, ebs: {}, hypervisor: {}, \
             bare_metal: {}, burstable: {}, current_generation: {}, free_tier_eligible: {}, \
             on_demand_usage: {}, spot_usage: {} }}",
            Literal(&s.source),
            s.vcpus,
            s.cores,
            s.threads_per_core,
            s.memory_mib,
            s.architectures.0,
            OptionLiteral(&s.processor_manufacturer),
            OptionLiteral(&s.clock_ghz),
            OptionLiteral(&s.gpu),
            OptionLiteral(&s.accelerator),
            OptionLiteral(&s.storage),
            Literal(&s.network),
            OptionLiteral(&s.ebs),
            OptionLiteral(&s.hypervisor),
            s.bare_metal,
            s.burstable,
            s.current_generation,
            s.free_tier_eligible,
            s.on_demand_usage,
            s.spot_usage,
        )
    }
}

impl Display for Literal<'_, Gpu> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let g = self.0;
        write!(
            f,
            "Gpu {{ count: {}, share: {}, manufacturer: {}, model: {}, memory_mib: {} }}",
            g.count,
            OptionLiteral(&g.share),
            Literal(&g.manufacturer),
            Literal(&g.model),
            g.memory_mib
        )
    }
}

impl Display for Literal<'_, Accelerator> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let a = self.0;
        write!(
            f,
            "Accelerator {{ kind: AcceleratorKind::{:?}, count: {}, manufacturer: {}, model: {}, \
             memory_mib: {} }}",
            a.kind,
            a.count,
            Literal(&a.manufacturer),
            Literal(&a.model),
            a.memory_mib
        )
    }
}

impl Display for Literal<'_, InstanceStorage> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(
            f,
            "InstanceStorage {{ disks: {}, disk_gb: {}, disk_type: DiskType::{:?}, nvme: {}, \
             total_gb: {} }}",
            d.disks, d.disk_gb, d.disk_type, d.nvme, d.total_gb
        )
    }
}

impl Display for Literal<'_, Ebs> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let e = self.0;
        write!(
            f,
            "Ebs {{ baseline_mbps: {}, max_mbps: {}, baseline_iops: {}, max_iops: {} }}",
            e.baseline_mbps, e.max_mbps, e.baseline_iops, e.max_iops
        )
    }
}

impl Display for Literal<'_, Network> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let n = self.0;
        write!(
            f,
            "Network {{ performance: {}, baseline_gbps: {}, peak_gbps: {}, max_interfaces: {}, \
             cards: {}, default_card_interfaces: {}, ipv4_per_interface: {}, efa: {}, ena: {} }}",
            Literal(&n.performance),
            OptionLiteral(&n.baseline_gbps),
            OptionLiteral(&n.peak_gbps),
            n.max_interfaces,
            n.cards,
            n.default_card_interfaces,
            n.ipv4_per_interface,
            n.efa,
            Literal(&n.ena)
        )
    }
}
