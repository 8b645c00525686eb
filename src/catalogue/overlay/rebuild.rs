//! Building an owned catalogue: its entries taken apart ([`Part`]), changed by an input,
//! and built again into the same tables the generator writes for the bundled one.

use std::borrow::Cow;

use super::super::data_error::{DataError, DataErrorKind};
use super::super::hash;
use super::super::store::Catalogue;
use super::super::stored::{
    CommitmentRate, NO_SPECS, OnDemandPrice, RegionalPrice, Row, RowRate, Specs, SpotHint,
};
use super::super::strings::Texts;
use crate::catalogue::Regions;
use crate::{InstanceType, Region};

/// The offering source of a catalogue built from nothing.
pub(super) const NO_OFFERINGS: &str = "no offering data";

/// One entry while a catalogue is rebuilt.
#[derive(Debug, Clone)]
pub(super) struct Part {
    pub(super) name: String,
    pub(super) specs: Option<Specs>,
    pub(super) regions: Option<Regions>,
    pub(super) on_demand: Option<OnDemandPrice>,
    pub(super) spot: Option<SpotHint>,
    pub(super) spot_rows: Vec<(u8, i8, u8)>,
    pub(super) prices: Vec<(u8, OnDemandPrice)>,
    pub(super) rates: Vec<CommitmentRate>,
}

impl Part {
    fn new(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            specs: None,
            regions: None,
            on_demand: None,
            spot: None,
            spot_rows: Vec::new(),
            prices: Vec::new(),
            rates: Vec::new(),
        }
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "overlay")))]
impl Catalogue {
    /// A catalogue with no entries, to fill from the user's data alone.
    #[must_use]
    pub fn empty() -> Catalogue {
        Catalogue {
            rows: Cow::Owned(Vec::new()),
            specs: Cow::Owned(Vec::new()),
            names_text: Cow::Owned(String::new()),
            name_starts: Cow::Owned(vec![0]),
            seed: 0,
            pilots: Cow::Owned(Vec::new()),
            slots: Cow::Owned(Vec::new()),
            name_words: Cow::Owned(Vec::new()),
            by_family: Cow::Owned(Vec::new()),
            name_rank: Cow::Owned(Vec::new()),
            spot_starts: Cow::Owned(vec![0]),
            spot_rows: Cow::Owned(Vec::new()),
            covered: Regions::default(),
            regional_prices: Cow::Owned(Vec::new()),
            commitment_rates: Cow::Owned(Vec::new()),
            priced: Regions::default(),
            spot_covered: Regions::default(),
            texts: Texts::new(),
            regions_source: Cow::Borrowed(NO_OFFERINGS),
        }
    }

    /// The entries as parts, to change and rebuild.
    fn parts(&self) -> Vec<Part> {
        let mut parts: Vec<Part> = self
            .iter()
            .map(|entry| {
                let index = entry.index as usize;
                let spot_rows = match (self.spot_starts.get(index), self.spot_starts.get(index + 1))
                {
                    (Some(start), Some(end)) => self
                        .spot_rows
                        .get(usize::from(*start)..usize::from(*end))
                        .unwrap_or_default()
                        .to_vec(),
                    _ => Vec::new(),
                };
                let row = self.row(index).copied();
                Part {
                    name: entry.name().to_owned(),
                    specs: self.stored_specs(index).copied(),
                    regions: row.and_then(|r| r.regions),
                    on_demand: row.and_then(|r| r.on_demand),
                    spot: row.and_then(|r| r.spot),
                    spot_rows,
                    prices: Vec::new(),
                    rates: self.rates_of(index).iter().map(|(_, r)| *r).collect(),
                }
            })
            .collect();
        for (row, region, price) in self.regional_prices.iter() {
            if let Some(part) = parts.get_mut(*row as usize) {
                part.prices.push((*region, *price));
            }
        }
        parts
    }
}

impl Catalogue {
    /// Gives each named type its price of the price's region, OS and tenancy, replacing
    /// the one it had for the same three, and rebuilds the catalogue with `texts`.
    pub(crate) fn set_prices(
        &mut self,
        prices: Vec<(String, Region, OnDemandPrice)>,
        texts: Texts,
    ) -> Result<(), DataError> {
        let mut parts = Parts::of(self);
        // Two prices are for the same thing when region, OS (`None` is Linux) and
        // tenancy agree.
        let os_of = |p: &OnDemandPrice| p.os.map_or("Linux", |os| texts.get(os));
        let same = |a: &OnDemandPrice, b: &OnDemandPrice| {
            texts.get(a.region) == texts.get(b.region)
                && os_of(a) == os_of(b)
                && a.tenancy == b.tenancy
        };
        for (name, region, price) in prices {
            let part = parts.get(&name);
            if part.on_demand.is_some_and(|own| same(&own, &price)) {
                part.on_demand = Some(price);
            } else if let Some(bit) = region.index() {
                part.prices.retain(|(_, p)| !same(p, &price));
                part.prices.push((bit as u8, price));
            }
        }
        *self = build(parts.list, self.with_texts(texts))?;
        Ok(())
    }

    /// Gives each named type its commitment rates, each replacing the one it had for the
    /// same commitment, region, OS and tenancy, and rebuilds the catalogue with `texts`.
    pub(crate) fn set_rates(
        &mut self,
        rates: Vec<(String, CommitmentRate)>,
        texts: Texts,
    ) -> Result<(), DataError> {
        let mut parts = Parts::of(self);
        let same = |a: &CommitmentRate, b: &CommitmentRate| {
            a.commitment == b.commitment
                && texts.get(a.region) == texts.get(b.region)
                && a.os.map(|os| texts.get(os)) == b.os.map(|os| texts.get(os))
                && a.tenancy == b.tenancy
        };
        for (name, rate) in rates {
            let part = parts.get(&name);
            part.rates.retain(|r| !same(r, &rate));
            part.rates.push(rate);
        }
        *self = build(parts.list, self.with_texts(texts))?;
        Ok(())
    }
}

/// The parts of a catalogue being changed, found by name.
pub(super) struct Parts {
    pub(super) list: Vec<Part>,
    by_name: std::collections::HashMap<String, usize>,
}

impl Parts {
    pub(super) fn of(catalogue: &Catalogue) -> Self {
        let list = catalogue.parts();
        let by_name = list
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.clone(), i))
            .collect();
        Self { list, by_name }
    }

    /// The part named `name`, added when missing.
    pub(super) fn get(&mut self, name: &str) -> &mut Part {
        let at = if let Some(at) = self.by_name.get(name) {
            *at
        } else {
            self.list.push(Part::new(name));
            self.by_name.insert(name.to_owned(), self.list.len() - 1);
            self.list.len() - 1
        };
        &mut self.list[at]
    }
}

impl Catalogue {
    /// How many types the offering data lists in `region`.
    pub(super) fn offered_count(&self, region: Region) -> usize {
        self.iter()
            .filter(|e| e.regions().is_some_and(|r| r.contains(region)))
            .count()
    }

    /// An empty catalogue with this one's coverage and sources and `texts`: the base
    /// [`build`] fills.
    pub(super) fn with_texts(&self, texts: Texts) -> Catalogue {
        let mut base = Catalogue::empty();
        base.covered = self.covered;
        base.spot_covered = self.spot_covered;
        base.regions_source.clone_from(&self.regions_source);
        base.texts = texts;
        base
    }
}

/// `base` (coverage, sources and texts) filled with `parts`: the same tables the
/// generator writes for the bundled one.
pub(super) fn build(mut parts: Vec<Part>, base: Catalogue) -> Result<Catalogue, DataError> {
    parts.sort_by(|a, b| a.name.cmp(&b.name));
    parts.dedup_by(|a, b| a.name == b.name);
    let types: Vec<InstanceType> = parts
        .iter()
        .map(|p| {
            InstanceType::parse(&p.name).map_err(|e| {
                DataError::new(DataErrorKind::InvalidName, format!("\"{}\": {e}", p.name))
            })
        })
        .collect::<Result<_, _>>()?;
    let names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
    let hash = hash::build(&names).ok_or_else(|| {
        DataError::new(
            DataErrorKind::TooMany,
            "no perfect hash over the names (over 65,534 of them?)",
        )
    })?;
    let mut names_text = String::new();
    let mut name_starts = Vec::with_capacity(parts.len() + 1);
    let mut specs = Vec::new();
    let mut rows = Vec::with_capacity(parts.len());
    let mut spot_starts = Vec::with_capacity(parts.len() + 1);
    let mut spot_rows = Vec::new();
    let mut regional_prices: Vec<RegionalPrice> = Vec::new();
    let mut commitment_rates: Vec<RowRate> = Vec::new();
    let mut priced = Regions::default();
    let too_big = || {
        DataError::new(
            DataErrorKind::TooMany,
            "the catalogue's tables are over their size limits",
        )
    };
    for (i, part) in parts.iter().enumerate() {
        name_starts.push(u32::try_from(names_text.len()).map_err(|_| too_big())?);
        names_text.push_str(&part.name);
        let spec_index = match part.specs {
            Some(s) => {
                specs.push(s);
                u32::try_from(specs.len() - 1).map_err(|_| too_big())?
            }
            None => NO_SPECS,
        };
        rows.push(Row {
            specs: spec_index,
            regions: part.regions,
            on_demand: part.on_demand,
            spot: part.spot,
        });
        spot_starts.push(u16::try_from(spot_rows.len()).map_err(|_| too_big())?);
        spot_rows.extend_from_slice(&part.spot_rows);
        let row = u32::try_from(i).map_err(|_| too_big())?;
        regional_prices.extend(part.prices.iter().map(|(r, p)| (row, *r, *p)));
        commitment_rates.extend(part.rates.iter().map(|rate| (row, *rate)));
        for bit in part.prices.iter().map(|(r, _)| *r).chain(
            part.on_demand
                .and_then(|p| Region::parse(base.texts.get(p.region)).ok())
                .and_then(|r| r.index())
                .map(|i| i as u8),
        ) {
            priced.0 |= 1 << bit;
        }
    }
    name_starts.push(u32::try_from(names_text.len()).map_err(|_| too_big())?);
    spot_starts.push(u16::try_from(spot_rows.len()).map_err(|_| too_big())?);
    let index: Vec<u16> = (0..parts.len())
        .map(|i| u16::try_from(i).map_err(|_| too_big()))
        .collect::<Result<_, _>>()?;
    let mut by_family = index.clone();
    by_family.sort_by_key(|i| {
        let it = &types[usize::from(*i)];
        (it.family().to_owned(), it.size())
    });
    let mut in_name_order = index;
    in_name_order.sort_by(|a, b| types[usize::from(*a)].cmp(&types[usize::from(*b)]));
    let mut name_rank = vec![0u16; parts.len()];
    for (rank, i) in in_name_order.iter().enumerate() {
        name_rank[usize::from(*i)] = rank as u16;
    }
    Ok(Catalogue {
        covered: base.covered,
        spot_covered: base.spot_covered,
        texts: base.texts,
        regions_source: base.regions_source,
        rows: Cow::Owned(rows),
        specs: Cow::Owned(specs),
        names_text: Cow::Owned(names_text),
        name_starts: Cow::Owned(name_starts),
        seed: hash.seed,
        pilots: Cow::Owned(hash.pilots),
        slots: Cow::Owned(hash.slots),
        name_words: Cow::Owned(hash.words),
        by_family: Cow::Owned(by_family),
        name_rank: Cow::Owned(name_rank),
        spot_starts: Cow::Owned(spot_starts),
        spot_rows: Cow::Owned(spot_rows),
        regional_prices: Cow::Owned(regional_prices),
        commitment_rates: Cow::Owned(commitment_rates),
        priced,
    })
}
